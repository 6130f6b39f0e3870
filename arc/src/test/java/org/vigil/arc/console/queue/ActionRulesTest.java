package org.vigil.arc.console.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.console.auth.Role;

/** The rules that enable or refuse each operator action, named after the clause they implement. */
class ActionRulesTest {
    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    Actor op1 = new Actor("op1", Role.OPERATOR), op2 = new Actor("op2", Role.OPERATOR), sup = new Actor("sup", Role.SUPERVISOR);

    AlarmView alarm(AlarmKind kind, Designation d, String heldBy, PoliceStatus police, Instant filterUntil, List<AlarmView.Image> images) {
        return new AlarmView("A1", "1234", "Site", "Addr", kind, d, "rule", 1, t0, filterUntil, police, heldBy, heldBy == null ? null : t0,
                AlarmView.State.OPEN, null, null, null, 1, List.of(), List.of(), List.of(), List.of(), images, List.of(), List.of());
    }

    PoliceStatus urn = new PoliceStatus("AB/1/I", PoliceStatus.Response.ACTIVE, null);

    @Test
    void oneOperatorHandlesAnAlarmAtATime() {
        AlarmView held = alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED, "op1", urn, null, List.of());
        assertThat(ActionRules.check(held, op2, ActionKind.TAKE, t0)).get().extracting(ActionResult.Refused::reason).isEqualTo(ActionResult.Reason.HELD_BY_OTHER);
        assertThat(ActionRules.check(held, op2, ActionKind.CLOSE, t0)).isPresent();
        assertThat(ActionRules.allowed(held, op1, t0)).contains(ActionKind.CLOSE, ActionKind.RECORD_CALLBACK).doesNotContain(ActionKind.TAKE);
        assertThat(ActionRules.check(held, sup, ActionKind.RELEASE, t0)).isEmpty(); // supervisor override
        assertThat(ActionRules.check(held, op2, ActionKind.RELEASE, t0)).isPresent();
    }

    @Test
    void nothingButTakeBeforeTheAlarmIsTaken() {
        AlarmView free = alarm(AlarmKind.HOLD_UP, Designation.UNCONFIRMED, null, urn, null, List.of());
        assertThat(ActionRules.allowed(free, op1, t0)).containsExactly(ActionKind.TAKE);
    }

    @Test
    void bs9518AClosedAlarmIsNotChanged() {
        AlarmView a = alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED, "op1", urn, null, List.of());
        AlarmView closed = new AlarmView(a.id(), a.accountId(), a.siteName(), a.siteAddress(), a.kind(), a.designation(), a.designationRule(),
                1, t0, null, urn, "op1", t0, AlarmView.State.CLOSED, t0, "op1", CloseCause.TEST, 3, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(ActionRules.allowed(closed, op1, t0)).isEmpty();
        assertThat(ActionRules.check(closed, op1, ActionKind.RECORD_CALLBACK, t0)).get().extracting(ActionResult.Refused::reason)
                .isEqualTo(ActionResult.Reason.CLOSED);
    }

    @Test
    void bs8243_7_2_1EveryImageIsViewedBeforeVisualConfirmation() {
        var img = new AlarmView.Image("i1", t0, "cam", "data:", null, null);
        AlarmView a = alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED, "op1", urn, null, List.of(img));
        assertThat(ActionRules.check(a, op1, ActionKind.DESIGNATE_VISUAL, t0)).get().extracting(ActionResult.Refused::rule).isEqualTo("BS8243 7.2.1");
        AlarmView viewed = alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED, "op1", urn, null, List.of(new AlarmView.Image("i1", t0, "cam", "data:", "op1", t0)));
        assertThat(ActionRules.check(viewed, op1, ActionKind.DESIGNATE_VISUAL, t0)).isEmpty();
    }

    @Test
    void bs8243_7_1_2AudibleConfirmationOnlyOfAnUnconfirmedAlarm() {
        assertThat(ActionRules.check(alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED, "op1", urn, null, List.of()), op1, ActionKind.DESIGNATE_AUDIBLE, t0)).isEmpty();
        assertThat(ActionRules.check(alarm(AlarmKind.INTRUDER, Designation.SEQUENTIALLY_CONFIRMED, "op1", urn, null, List.of()), op1, ActionKind.DESIGNATE_AUDIBLE, t0)).isPresent();
    }

    @Test
    void npccPolicyNoPoliceForUnconfirmedIntruderOrWithoutActiveUrn() {
        assertThat(ActionRules.check(alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED, "op1", urn, null, List.of()), op1, ActionKind.DISPATCH_POLICE, t0))
                .get().extracting(ActionResult.Refused::message).asString().contains("Unconfirmed intruder");
        assertThat(ActionRules.check(alarm(AlarmKind.HOLD_UP, Designation.UNCONFIRMED, "op1", urn, null, List.of()), op1, ActionKind.DISPATCH_POLICE, t0)).isEmpty();
        assertThat(ActionRules.check(alarm(AlarmKind.HOLD_UP, Designation.UNCONFIRMED, "op1", PoliceStatus.none(), null, List.of()), op1, ActionKind.DISPATCH_POLICE, t0)).isPresent();
        assertThat(ActionRules.check(alarm(AlarmKind.HOLD_UP, Designation.UNCONFIRMED, "op1",
                new PoliceStatus("AB/1/H", PoliceStatus.Response.WITHDRAWN, null), null, List.of()), op1, ActionKind.DISPATCH_POLICE, t0))
                .get().extracting(ActionResult.Refused::message).asString().contains("withdrawn");
        assertThat(ActionRules.check(alarm(AlarmKind.HOLD_UP, Designation.UNCONFIRMED, "op1", urn.dispatched(t0), null, List.of()), op1, ActionKind.DISPATCH_POLICE, t0)).isPresent();
    }

    @Test
    void bs8243_7_5_3NoDispatchOfASequentiallyConfirmedIntruderAlarmDuringThe120sFilter() {
        AlarmView a = alarm(AlarmKind.INTRUDER, Designation.SEQUENTIALLY_CONFIRMED, "op1", urn, t0.plusSeconds(120), List.of());
        assertThat(ActionRules.check(a, op1, ActionKind.DISPATCH_POLICE, t0.plusSeconds(30))).get()
                .extracting(ActionResult.Refused::rule).isEqualTo("BS8243 7.5.3");
        assertThat(ActionRules.check(a, op1, ActionKind.DISPATCH_POLICE, t0.plusSeconds(120))).isEmpty();
        assertThat(a.filterSecondsLeft(t0.plusSeconds(30))).isEqualTo(90);
    }

    @Test
    void contraryIndicationsApplyToIntruderAlarmsOnly() {
        assertThat(ActionRules.check(alarm(AlarmKind.HOLD_UP, Designation.UNCONFIRMED, "op1", urn, null, List.of()), op1, ActionKind.CONTRARY_INDICATION, t0)).isPresent();
        assertThat(ActionRules.check(alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED, "op1", urn, null, List.of()), op1, ActionKind.CONTRARY_INDICATION, t0)).isEmpty();
    }

    @Test
    void duressAndHoldUpComeFirstInPriority() {
        assertThat(InMemoryAlarmDesk.priorityOf(AlarmKind.DURESS, Designation.UNCONFIRMED))
                .isLessThan(InMemoryAlarmDesk.priorityOf(AlarmKind.HOLD_UP, Designation.UNCONFIRMED));
        assertThat(InMemoryAlarmDesk.priorityOf(AlarmKind.HOLD_UP, Designation.UNCONFIRMED))
                .isLessThan(InMemoryAlarmDesk.priorityOf(AlarmKind.INTRUDER, Designation.SEQUENTIALLY_CONFIRMED));
        assertThat(InMemoryAlarmDesk.priorityOf(AlarmKind.INTRUDER, Designation.SEQUENTIALLY_CONFIRMED))
                .isLessThan(InMemoryAlarmDesk.priorityOf(AlarmKind.INTRUDER, Designation.UNCONFIRMED));
    }
}
