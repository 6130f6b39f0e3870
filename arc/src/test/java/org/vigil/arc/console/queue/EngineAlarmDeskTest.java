package org.vigil.arc.console.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.console.auth.Role;
import org.vigil.arc.handling.HandlingProfile;
import org.vigil.arc.handling.StoredSignal;
import org.vigil.arc.handling.Technology;

/** The console's desk over the ARC II engine: the engine decides, the console shows and enforces one handler. */
class EngineAlarmDeskTest {
    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    Actor op1 = new Actor("op1", Role.OPERATOR), op2 = new Actor("op2", Role.OPERATOR);

    EngineAlarmDesk desk() {
        EngineAlarmDesk d = new EngineAlarmDesk();
        d.account(HandlingProfile.builder("1234").intruderUrn("AB/1/I").holdUpUrn("AB/1/H").keyholder("Kim", "+44 1632 960000")
                .path("ip", Technology.IP).build(), new EngineAlarmDesk.Site("Northgate Bank", "1 High St"), t0);
        return d;
    }

    AlarmView.Signal shown(String code, String text, String zone) {
        return new AlarmView.Signal(t0, code, text, zone, "ip", "\"SIA-DCS\"0001R0L0#1234[#1234|N" + code + zone + "]");
    }

    @Test
    void aHoldUpSignalOpensAnAlarmThatTheConsoleShowsWithSiteKeyholdersAndRawFrame() {
        EngineAlarmDesk d = desk();
        d.signal("1234", StoredSignal.sia("s1", t0, "HA", "1", "hd1", "ip"), shown("HA", "Hold-up counter 1", "1"), t0);
        List<AlarmView> open = d.open();
        assertThat(open).hasSize(1);
        AlarmView a = open.get(0);
        assertThat(a.kind()).isEqualTo(AlarmKind.HOLD_UP);
        assertThat(a.siteName()).isEqualTo("Northgate Bank");
        assertThat(a.keyholders()).extracting(AlarmView.Keyholder::name).containsExactly("Kim");
        assertThat(a.signals().get(0).rawFrame()).contains("SIA-DCS");
        assertThat(a.callbackProcedure()).isNotEmpty();
        assertThat(a.history()).isNotEmpty().allMatch(s -> !s.rule().isBlank());
        assertThat(a.tasks()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo("call back");
            assertThat(t.open()).isTrue();
            assertThat(t.rule()).startsWith("BS8243 7.4");
        });
    }

    @Test
    void takeCallBackDispatchAndCloseGoThroughTheEngine() {
        EngineAlarmDesk d = desk();
        d.signal("1234", StoredSignal.sia("s1", t0, "HA", "1", "hd1", "ip"), shown("HA", "Hold-up", "1"), t0);
        String id = d.open().get(0).id();
        assertThat(d.act(id, op1, new AlarmCommand.Take(), null, t0.plusSeconds(5))).isInstanceOf(ActionResult.Done.class);
        assertThat(d.find(id).orElseThrow().takenAt()).isEqualTo(t0.plusSeconds(5));
        ActionResult refused = d.act(id, op2, new AlarmCommand.Take(), null, t0.plusSeconds(6));
        assertThat(refused).isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(ActionResult.Reason.HELD_BY_OTHER));
        assertThat(d.act(id, op2, new AlarmCommand.Close(CloseCause.TEST, ""), null, t0.plusSeconds(6))).isInstanceOf(ActionResult.Refused.class);

        ActionResult cb = d.act(id, op1, new AlarmCommand.RecordCallback(CallbackOutcome.GENUINE_DISTRESS, ""), null, t0.plusSeconds(20));
        assertThat(cb).isInstanceOfSatisfying(ActionResult.Done.class, done -> {
            assertThat(done.alarm().designation()).isEqualTo(Designation.CALL_BACK_CONFIRMED);
            assertThat(done.rule()).startsWith("BS8243 7.4");
        });
        ActionResult police = d.act(id, op1, new AlarmCommand.DispatchPolice(""), null, t0.plusSeconds(25));
        assertThat(police).isInstanceOf(ActionResult.Done.class);
        assertThat(d.find(id).orElseThrow().police().dispatchedAt()).isEqualTo(t0.plusSeconds(25));
        long version = d.find(id).orElseThrow().version();
        assertThat(d.act(id, op1, new AlarmCommand.Close(CloseCause.GENUINE, "police attended"), version, t0.plusSeconds(600)))
                .isInstanceOf(ActionResult.Done.class);
        AlarmView closed = d.find(id).orElseThrow();
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo("op1");
        assertThat(closed.closeCause()).isEqualTo(CloseCause.GENUINE);
        assertThat(d.closedSince(t0)).extracting(AlarmView::id).contains(id);
        // stale page on a closed alarm
        assertThat(d.act(id, op1, new AlarmCommand.RecordCallback(CallbackOutcome.NO_ANSWER, ""), version, t0.plusSeconds(601)))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(ActionResult.Reason.CLOSED));
    }

    @Test
    void theEnginesRefusalAndRuleReachTheOperator() {
        EngineAlarmDesk d = desk();
        d.signal("1234", StoredSignal.sia("s1", t0, "BA", "3", null, "ip"), shown("BA", "Burglary rear office", "3"), t0);
        AlarmView a = d.open().get(0);
        assertThat(a.kind()).isEqualTo(AlarmKind.INTRUDER);
        assertThat(a.filterSecondsLeft(t0)).isEqualTo(120);
        d.act(a.id(), op1, new AlarmCommand.Take(), null, t0.plusSeconds(1));
        ActionResult r = d.act(a.id(), op1, new AlarmCommand.DispatchPolice(""), null, t0.plusSeconds(2));
        assertThat(r).isInstanceOfSatisfying(ActionResult.Refused.class, ref -> {
            assertThat(ref.message()).containsIgnoringCase("filtering delay runs until").endsWith("Nothing changed.");
            assertThat(ref.rule()).isEqualTo("BS8243 7.5.3");
        });
        ActionResult audible = d.act(a.id(), op1, new AlarmCommand.DesignateAudible(""), null, t0.plusSeconds(3));
        assertThat(audible).isInstanceOfSatisfying(ActionResult.Refused.class, ref -> assertThat(ref.rule()).isEqualTo("BS8243 7.1.1"));
        assertThat(d.act(a.id(), op1, new AlarmCommand.RecordListenIn(30, ""), null, t0.plusSeconds(40))).isInstanceOf(ActionResult.Done.class);
        assertThat(d.act(a.id(), op1, new AlarmCommand.DesignateAudible(""), null, t0.plusSeconds(41))).isInstanceOf(ActionResult.Done.class);
        assertThat(d.find(a.id()).orElseThrow().designation()).isEqualTo(Designation.AUDIBLY_CONFIRMED);
    }

    @Test
    void listenersHearEveryChangedAlarmAndTicksAdvanceTheEngine() {
        EngineAlarmDesk d = desk();
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        d.subscribe(heard::add);
        d.signal("1234", StoredSignal.sia("s1", t0, "BA", "3", null, "ip"), shown("BA", "Burglary", "3"), t0);
        assertThat(heard).hasSize(1);
        d.tick(t0.plus(Duration.ofSeconds(1)));
        assertThat(d.find(heard.get(0))).isPresent();
        assertThat(d.find("9999-1")).isEmpty();
        assertThat(d.act("9999-1", op1, new AlarmCommand.Take(), null, t0)).isInstanceOfSatisfying(ActionResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(ActionResult.Reason.NOT_FOUND));
    }

    Actor sup = new Actor("sup", Role.SUPERVISOR);

    @Test
    void theHolderReleasesAnAlarmThroughTheEngineAndAnotherOperatorMayTakeIt() {
        EngineAlarmDesk d = desk();
        d.signal("1234", StoredSignal.sia("s1", t0, "HA", "1", "hd1", "ip"), shown("HA", "Hold-up", "1"), t0);
        String id = d.open().get(0).id();
        d.act(id, op1, new AlarmCommand.Take(), null, t0.plusSeconds(5));
        assertThat(d.act(id, op2, new AlarmCommand.Release(), null, t0.plusSeconds(6)))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(ActionResult.Reason.HELD_BY_OTHER));
        assertThat(d.act(id, op1, new AlarmCommand.Release(), null, t0.plusSeconds(7))).isInstanceOfSatisfying(ActionResult.Done.class, done -> {
            assertThat(done.alarm().heldBy()).isNull();
            assertThat(done.rule()).isEqualTo(org.vigil.arc.handling.Rules.RELEASE);
        });
        assertThat(d.find(id).orElseThrow().history()).anySatisfy(h -> assertThat(h.action()).contains("op1 released the alarm"));
        assertThat(d.act(id, op2, new AlarmCommand.Take(), null, t0.plusSeconds(8))).isInstanceOf(ActionResult.Done.class);
        assertThat(d.find(id).orElseThrow().heldBy()).isEqualTo("op2");
        // "taken at" stays the first acceptance (EN 50518 time to take)
        assertThat(d.find(id).orElseThrow().takenAt()).isEqualTo(t0.plusSeconds(5));
    }

    @Test
    void aSupervisorReleasesAnAlarmAnotherOperatorHolds() {
        EngineAlarmDesk d = desk();
        d.signal("1234", StoredSignal.sia("s1", t0, "HA", "1", "hd1", "ip"), shown("HA", "Hold-up", "1"), t0);
        String id = d.open().get(0).id();
        d.act(id, op1, new AlarmCommand.Take(), null, t0.plusSeconds(5));
        assertThat(d.act(id, sup, new AlarmCommand.Release(), null, t0.plusSeconds(6))).isInstanceOf(ActionResult.Done.class);
        assertThat(d.find(id).orElseThrow().heldBy()).isNull();
        assertThat(d.find(id).orElseThrow().history()).anySatisfy(h -> assertThat(h.action()).contains("sup (supervisor) released the alarm from op1"));
    }

    @Test
    void theAccountsPoliceRecordReachesTheQueueBadgeAndTheDispatchButton() {
        EngineAlarmDesk d = desk();
        d.signal("1234", StoredSignal.sia("s1", t0, "HA", "1", "hd1", "ip"), shown("HA", "Hold-up", "1"), t0);
        String id = d.open().get(0).id();
        d.act(id, op1, new AlarmCommand.Take(), null, t0.plusSeconds(5));
        assertThat(d.find(id).orElseThrow().police().response()).isEqualTo(PoliceStatus.Response.ACTIVE);
        long v = d.find(id).orElseThrow().version();
        d.account(HandlingProfile.builder("1234").intruderUrn("AB/1/I").holdUpUrn("AB/1/H").keyholder("Kim", "+44 1632 960000")
                .path("ip", Technology.IP).policeResponseWithdrawn(true).build(), new EngineAlarmDesk.Site("Northgate Bank", "1 High St"), t0.plusSeconds(10));
        AlarmView a = d.find(id).orElseThrow();
        assertThat(a.police().response()).isEqualTo(PoliceStatus.Response.WITHDRAWN);
        assertThat(a.police().label()).isEqualTo("URN AB/1/H withdrawn");
        assertThat(a.police().warning()).isTrue();
        assertThat(a.version()).isGreaterThan(v);
        assertThat(d.allowed(a, op1, t0.plusSeconds(11))).doesNotContain(ActionKind.DISPATCH_POLICE);
        assertThat(d.act(id, op1, new AlarmCommand.DispatchPolice(""), null, t0.plusSeconds(11)))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.message()).contains("WITHDRAWN"));
    }

    @Test
    void aDuressAlarmOnAnArcAndKeyholdersAccountShowsNoPoliceAndRefusesDispatchWithTheRule() {
        EngineAlarmDesk d = new EngineAlarmDesk();
        d.account(HandlingProfile.builder("1234").holdUpUrn("AB/1/H").keyholder("Kim", "+44 1632 960000")
                .duressRoute(org.vigil.arc.handling.DuressRoute.ARC_AND_KEYHOLDERS).build(), new EngineAlarmDesk.Site("Bank", ""), t0);
        d.signal("1234", StoredSignal.contactId("s1", t0, 121, 1, "003", null, "ip"), shown("121", "Duress", "003"), t0);
        AlarmView a = d.open().get(0);
        assertThat(a.kind()).isEqualTo(AlarmKind.DURESS);
        assertThat(a.police().response()).isEqualTo(PoliceStatus.Response.NOT_FOR_DURESS);
        assertThat(a.tasks()).anySatisfy(t -> assertThat(t.kind()).isEqualTo("inform keyholder"));
        d.act(a.id(), op1, new AlarmCommand.Take(), null, t0.plusSeconds(1));
        AlarmView held = d.find(a.id()).orElseThrow();
        assertThat(ActionRules.check(held, op1, ActionKind.DISPATCH_POLICE, t0.plusSeconds(2)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo(org.vigil.arc.handling.Rules.DURESS_ROUTE));
        assertThat(d.act(a.id(), op1, new AlarmCommand.DispatchPolice(""), null, t0.plusSeconds(2)))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.rule()).isEqualTo(org.vigil.arc.handling.Rules.DURESS_ROUTE));
    }
}
