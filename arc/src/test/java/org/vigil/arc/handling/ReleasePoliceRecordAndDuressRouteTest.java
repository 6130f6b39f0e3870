package org.vigil.arc.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.handling.HandlingEffect.*;
import org.vigil.arc.handling.HandlingInput.*;

/**
 * Engine inputs the console drives: release of a taken alarm (holder or supervisor only), the police-response
 * record of the account (withdrawn / reinstated by the police), and the account's duress route.
 */
class ReleasePoliceRecordAndDuressRouteTest {
  static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");
  final List<HandlingEffect> fx = new ArrayList<>();

  AccountState run(AccountState s, HandlingInput in, Instant now) {
    fx.clear();
    StepResult r = AccountHandling.step(s, in, now);
    fx.addAll(r.effects());
    return r.state();
  }

  static HandlingProfile.Builder profile() {
    return HandlingProfile.builder("A").intruderUrn("AB/1/I").holdUpUrn("AB/1/H").keyholder("Kim", "0123");
  }

  static SignalReceived cid(String id, Instant at, int code, String zoneOrUser) {
    return new SignalReceived(StoredSignal.contactId(id, at, code, 1, zoneOrUser, null, null));
  }

  List<String> refusals() {
    return fx.stream().filter(e -> e instanceof ActionRefused).map(e -> ((ActionRefused) e).reason() + " [" + e.rule() + "]").toList();
  }

  // ---- release ----

  @Test
  void theHolderReleasesATakenAlarmBackToTheQueueLoggedWithTheRule() {
    AccountState s = AccountState.initial(profile().build(), T0);
    s = run(s, cid("1", T0, 122, "1"), T0);
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(5));
    s = run(s, new ReleaseAlarm("op1", "A-1", false), T0.plusSeconds(9));
    assertThat(s.alarm("A-1").orElseThrow().takenBy()).isNull();
    assertThat(fx).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DecisionLogged.class, d -> {
      assertThat(d.rule()).isEqualTo(Rules.RELEASE);
      assertThat(d.decision().text()).contains("op1 released the alarm to the queue");
    }));
    s = run(s, new TakeAlarm("op2", "A-1"), T0.plusSeconds(12));
    assertThat(s.alarm("A-1").orElseThrow().takenBy()).isEqualTo("op2");
  }

  @Test
  void anotherOperatorMayNotReleaseButASupervisorMay() {
    AccountState s = AccountState.initial(profile().build(), T0);
    s = run(s, cid("1", T0, 122, "1"), T0);
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(5));
    AccountState before = s;
    s = run(s, new ReleaseAlarm("op2", "A-1", false), T0.plusSeconds(9));
    assertThat(s).isEqualTo(before);
    assertThat(refusals()).singleElement().asString().contains("held by op1").contains(Rules.RELEASE);
    s = run(s, new ReleaseAlarm("sup", "A-1", true), T0.plusSeconds(10));
    assertThat(s.alarm("A-1").orElseThrow().takenBy()).isNull();
    assertThat(s.alarm("A-1").orElseThrow().history()).last().satisfies(d ->
        assertThat(d.text()).contains("sup (supervisor) released the alarm from op1"));
  }

  @Test
  void releasingAnAlarmNobodyHoldsOrAClosedOneIsRefusedAndChangesNothing() {
    AccountState s = AccountState.initial(profile().build(), T0);
    s = run(s, cid("1", T0, 122, "1"), T0);
    AccountState before = s;
    s = run(s, new ReleaseAlarm("op1", "A-1", true), T0.plusSeconds(1));
    assertThat(s).isEqualTo(before);
    assertThat(refusals()).singleElement().asString().contains("nobody holds");
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(2));
    s = run(s, new CloseAlarm("op1", "A-1", CloseCause.GENUINE, ""), T0.plusSeconds(3));
    before = s;
    s = run(s, new ReleaseAlarm("op1", "A-1", false), T0.plusSeconds(4));
    assertThat(s).isEqualTo(before);
    assertThat(refusals()).singleElement().asString().contains("closed");
  }

  // ---- police-response record of the account ----

  @Test
  void aWithdrawalRecordedOnTheAccountWithdrawsBothUrnsAndRefusesDispatchWithTheRule() {
    AccountState s = AccountState.initial(profile().build(), T0);
    s = run(s, cid("1", T0, 122, "1"), T0); // silent hold-up: police available
    assertThat(s.alarm("A-1").orElseThrow().policeResponseAvailable()).isTrue();
    s = run(s, new ProfileChanged(profile().policeResponseWithdrawn(true).build()), T0.plusSeconds(10));
    assertThat(s.intruderResponse().status()).isEqualTo(PoliceResponse.Status.WITHDRAWN);
    assertThat(s.holdUpResponse().status()).isEqualTo(PoliceResponse.Status.WITHDRAWN);
    assertThat(s.alarm("A-1").orElseThrow().policeResponseAvailable()).isFalse();
    assertThat(fx).filteredOn(e -> e instanceof PoliceResponseStatus p && p.alarmId() == null)
        .hasSize(2).allSatisfy(e -> assertThat(e.rule()).isEqualTo(Rules.POLICE_RECORD));
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(11));
    AccountState before = s;
    s = run(s, new DispatchPolice("op1", "A-1"), T0.plusSeconds(12));
    assertThat(s).isEqualTo(before);
    assertThat(refusals()).singleElement().asString().contains("WITHDRAWN").contains(Rules.POLICE);
  }

  @Test
  void clearingTheRecordReinstatesResponseAndDispatchIsOfferedAgain() {
    AccountState s = AccountState.initial(profile().policeResponseWithdrawn(true).build(), T0);
    assertThat(s.holdUpResponse().available()).isFalse();
    s = run(s, cid("1", T0, 122, "1"), T0);
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(1));
    s = run(s, new ProfileChanged(profile().policeResponseWithdrawn(false).build()), T0.plusSeconds(20));
    assertThat(s.holdUpResponse().status()).isEqualTo(PoliceResponse.Status.LEVEL_1);
    assertThat(s.alarm("A-1").orElseThrow().policeResponseAvailable()).isTrue();
    s = run(s, new DispatchPolice("op1", "A-1"), T0.plusSeconds(21));
    assertThat(fx).anyMatch(e -> e instanceof PoliceDispatched);
  }

  @Test
  void anUnchangedRecordChangesNothingAndAnAccountWithoutUrnStaysWithoutResponse() {
    AccountState s = AccountState.initial(HandlingProfile.builder("A").build(), T0);
    s = run(s, new ProfileChanged(HandlingProfile.builder("A").policeResponseWithdrawn(true).build()), T0.plusSeconds(1));
    assertThat(s.holdUpResponse().status()).isEqualTo(PoliceResponse.Status.NO_URN);
    assertThat(fx).noneMatch(e -> e instanceof PoliceResponseStatus);
  }

  // ---- duress route ----

  @Test
  void theDefaultRouteIsArcAndKeyholdersLikeThePanelsDuressRoute() {
    assertThat(HandlingProfile.builder("A").build().duressRoute()).isEqualTo(DuressRoute.ARC_AND_KEYHOLDERS);
  }

  @Test
  void duressRoutedToTheArcAndKeyholdersIsNotOfferedToPoliceAndTheKeyholdersAreInformed() {
    AccountState s = AccountState.initial(profile().duressRoute(DuressRoute.ARC_AND_KEYHOLDERS).build(), T0);
    s = run(s, cid("1", T0, 121, "003"), T0); // Contact ID 121 duress, user 003
    Alarm a = s.alarm("A-1").orElseThrow();
    assertThat(a.duress()).isTrue();
    assertThat(a.priority()).isEqualTo(Priority.P1_DURESS_OR_CONFIRMED_HOLD_UP);
    assertThat(a.policeResponseAvailable()).isFalse();
    assertThat(fx).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(PoliceResponseStatus.class, p -> {
      assertThat(p.available()).isFalse();
      assertThat(p.rule()).isEqualTo(Rules.DURESS_ROUTE);
    }));
    assertThat(s.openTasks()).extracting(Task::kind).contains(Task.Kind.INFORM_KEYHOLDER, Task.Kind.CALL_BACK);
    assertThat(s.openTasks()).filteredOn(t -> t.kind() == Task.Kind.INFORM_KEYHOLDER).singleElement()
        .satisfies(t -> assertThat(t.rule()).isEqualTo(Rules.DURESS_ROUTE));
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(5));
    AccountState before = s;
    s = run(s, new DispatchPolice("op1", "A-1"), T0.plusSeconds(6));
    assertThat(s).isEqualTo(before);
    assertThat(refusals()).singleElement().asString().contains("ARC and keyholders only").contains(Rules.DURESS_ROUTE);
  }

  @Test
  void duressRoutedToPoliceIsOfferedToPoliceLikeAHoldUp() {
    AccountState s = AccountState.initial(profile().duressRoute(DuressRoute.POLICE).build(), T0);
    s = run(s, cid("1", T0, 121, "003"), T0);
    assertThat(s.alarm("A-1").orElseThrow().policeResponseAvailable()).isTrue();
    assertThat(s.openTasks()).extracting(Task::kind).containsExactly(Task.Kind.CALL_BACK);
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(5));
    s = run(s, new DispatchPolice("op1", "A-1"), T0.plusSeconds(6));
    assertThat(fx).anySatisfy(e -> assertThat(e).isInstanceOf(PoliceDispatched.class));
  }

  @Test
  void aHoldUpDeviceBesidesDuressGetsTheHoldUpPoliceResponseWhateverTheRoute() {
    AccountState s = AccountState.initial(profile().duressRoute(DuressRoute.ARC_AND_KEYHOLDERS).build(), T0);
    s = run(s, cid("1", T0, 121, "003"), T0);
    assertThat(s.alarm("A-1").orElseThrow().policeResponseAvailable()).isFalse();
    s = run(s, new SignalReceived(StoredSignal.contactId("2", T0.plusSeconds(30), 122, 1, "9", "hud-1", null)), T0.plusSeconds(30));
    Alarm a = s.alarm("A-1").orElseThrow();
    assertThat(a.duressOnly()).isFalse();
    assertThat(a.policeResponseAvailable()).isTrue();
    s = run(s, new TakeAlarm("op1", "A-1"), T0.plusSeconds(31));
    s = run(s, new DispatchPolice("op1", "A-1"), T0.plusSeconds(32));
    assertThat(fx).anyMatch(e -> e instanceof PoliceDispatched);
  }

  @Test
  void changingTheRouteWhileADuressAlarmIsOpenReDecidesPoliceWithTheRule() {
    AccountState s = AccountState.initial(profile().duressRoute(DuressRoute.POLICE).build(), T0);
    s = run(s, cid("1", T0, 121, "003"), T0);
    s = run(s, new ProfileChanged(profile().duressRoute(DuressRoute.ARC_AND_KEYHOLDERS).build()), T0.plusSeconds(10));
    assertThat(s.alarm("A-1").orElseThrow().policeResponseAvailable()).isFalse();
    assertThat(fx).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DecisionLogged.class, d ->
        assertThat(d.decision().text()).contains("duress route of the account changed from POLICE to ARC_AND_KEYHOLDERS")));
  }

  @Test
  void aSiaHaIsASilentHoldUpNotDuressSoTheRouteDoesNotApply() {
    // The catalogue cannot tell a SIA HA from duress (it is "Holdup Alarm - silent, user under duress"); only
    // Contact ID 121/124/125 are duress. Our panel sends duress as Contact ID 121 (docs/arc-handling.md).
    AccountState s = AccountState.initial(profile().duressRoute(DuressRoute.ARC_AND_KEYHOLDERS).build(), T0);
    s = run(s, new SignalReceived(StoredSignal.sia("1", T0, "HA", "003", null, null)), T0);
    Alarm a = s.alarm("A-1").orElseThrow();
    assertThat(a.duress()).isFalse();
    assertThat(a.policeResponseAvailable()).isTrue();
  }

  @Test
  void aHoldUpOnTheVistaDuressZone992IsDuressInEitherFormatAndSaysWhy() {
    AccountState s = AccountState.initial(profile().duressRoute(DuressRoute.ARC_AND_KEYHOLDERS).build(), T0);
    s = run(s, new SignalReceived(StoredSignal.sia("1", T0, "HA", "992", null, null)), T0);
    Alarm a = s.alarm("A-1").orElseThrow();
    assertThat(a.duress()).isTrue();
    assertThat(a.priority()).isEqualTo(Priority.P1_DURESS_OR_CONFIRMED_HOLD_UP);
    assertThat(a.policeResponseAvailable()).isFalse();
    assertThat(a.history()).anySatisfy(d -> {
      assertThat(d.rule()).contains(DuressSignals.RULE_ZONE_992);
      assertThat(d.text()).contains("duress zone 992");
    });
    AccountState c = AccountState.initial(profile().build(), T0);
    c = run(c, cid("1", T0, 122, "992"), T0);
    assertThat(c.alarm("A-1").orElseThrow().duress()).isTrue();
    c = AccountState.initial(profile().build(), T0);
    c = run(c, cid("1", T0, 122, "003"), T0);
    assertThat(c.alarm("A-1").orElseThrow().duress()).isFalse();
    assertThat(DuressSignals.category(org.vigil.protocol.event.EventCategory.INTRUDER, "992"))
        .as("only the hold-up family").isEqualTo(org.vigil.protocol.event.EventCategory.INTRUDER);
    assertThat(DuressSignals.isDuressZone(org.vigil.protocol.event.EventCategory.HOLD_UP, "zone")).isFalse();
  }
}
