package org.vigil.arc.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.handling.HandlingEffect.*;
import org.vigil.arc.handling.HandlingInput.*;

/** Engine behaviour that is about the API rather than one rule's scenario. */
class AccountHandlingTest {

  static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");

  static AccountState run(AccountState s, HandlingInput in, Instant now, List<HandlingEffect> sink) {
    StepResult r = AccountHandling.step(s, in, now);
    sink.addAll(r.effects());
    return r.state();
  }

  static SignalReceived cid(String id, Instant at, int code, int q, String zone) {
    return new SignalReceived(StoredSignal.contactId(id, at, code, q, zone, null, null));
  }

  @Test
  void signalsAreJudgedAtTheirReceiptTimeEvenWhenProcessedLate() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = AccountState.initial(HandlingProfile.builder("A").build(), T0);
    s = run(s, cid("1", T0, 401, 3, "1"), T0, fx);
    s = run(s, cid("2", T0.plusSeconds(60), 130, 1, "3"), T0.plusSeconds(60), fx);
    // The unset was received at 119 s but the engine only sees it at 130 s (e.g. after a restart).
    s = run(s, cid("3", T0.plusSeconds(179), 401, 1, "1"), T0.plusSeconds(190), fx);
    assertThat(s.alarm("A-1").orElseThrow().status()).isEqualTo(Alarm.Status.CANCELLED_FALSE_ALERT);
    assertThat(fx).noneMatch(e -> e instanceof FilterExpired);
  }

  @Test
  void unknownCodesAreNeverLostButRaiseATechnicalAlarm() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = AccountState.initial(HandlingProfile.builder("A").build(), T0);
    s = run(s, new SignalReceived(StoredSignal.sia("x", T0, "ZZ", "1", null, null)), T0, fx);
    assertThat(s.openAlarms()).singleElement().satisfies(a -> {
      assertThat(a.designation().type()).isEqualTo(AlarmType.TECHNICAL);
      assertThat(a.signalIds()).containsExactly("x");
    });
    assertThat(fx).anyMatch(e -> e instanceof AlarmOpened);
  }

  @Test
  void stepLeavesTheInputStateUntouched() {
    AccountState s = AccountState.initial(HandlingProfile.builder("A").build(), T0);
    AccountState copy = s;
    StepResult r = AccountHandling.step(s, cid("1", T0, 130, 1, "3"), T0);
    assertThat(s).isEqualTo(copy);
    assertThat(s.alarms()).isEmpty();
    assertThat(r.state().alarms()).hasSize(1);
  }

  @Test
  void queueOrderIsPriorityThenAgeAcrossAccounts() {
    List<Alarm> all = new ArrayList<>();
    // Account B: old technical alarm; account C: confirmed intruder; D: unconfirmed hold-up; E: duress; F: confirmed hold-up (older than E).
    all.addAll(open("B", T0, cid("b", T0, 301, 1, "0")));
    all.addAll(open("C", T0.plusSeconds(10), cid("c", T0.plusSeconds(10), 139, 1, "2")));
    all.addAll(open("D", T0.plusSeconds(20), cid("d", T0.plusSeconds(20), 122, 1, "9")));
    all.addAll(open("F", T0.plusSeconds(25), cid("f", T0.plusSeconds(25), 129, 1, "9")));
    all.addAll(open("E", T0.plusSeconds(30), cid("e", T0.plusSeconds(30), 121, 1, "6")));
    List<String> order = all.stream().sorted(AlarmQueueOrder.COMPARATOR).map(Alarm::id).toList();
    assertThat(order).containsExactly("F-1", "E-1", "D-1", "C-1", "B-1");
  }

  private static List<Alarm> open(String account, Instant at, HandlingInput in) {
    AccountState s = AccountState.initial(HandlingProfile.builder(account).build(), at);
    return AccountHandling.step(s, in, at).state().openAlarms();
  }

  @Test
  void holdUpConfirmationTimeMustBe8To20Hours() {
    assertThatThrownBy(() -> HandlingProfile.builder("A").holdUpConfirmationTime(Duration.ofMinutes(479)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BS8243 5.4.1.2");
    assertThatThrownBy(() -> HandlingProfile.builder("A").holdUpConfirmationTime(Duration.ofMinutes(1201)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(HandlingProfile.builder("A").holdUpConfirmationTime(Duration.ofHours(20)).build().holdUpConfirmationTime())
        .isEqualTo(Duration.ofHours(20));
  }

  @Test
  void agreedUnsettingMustBeBeforeSetting() {
    assertThatThrownBy(() -> HandlingProfile.builder("A").everyDay(LocalTime.of(19, 0), LocalTime.of(18, 0)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earliest unsetting");
  }

  @Test
  void everyAlarmKeepsItsExplainedHistory() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = AccountState.initial(HandlingProfile.builder("A").intruderUrn("U").build(), T0);
    s = run(s, cid("1", T0, 401, 3, "1"), T0, fx);
    s = run(s, cid("2", T0.plusSeconds(600), 130, 1, "3"), T0.plusSeconds(600), fx);
    s = run(s, cid("3", T0.plusSeconds(630), 139, 1, "4"), T0.plusSeconds(630), fx);
    s = run(s, new Tick(), T0.plusSeconds(720), fx);
    Alarm a = s.alarm("A-1").orElseThrow();
    assertThat(a.history()).extracting(Decision::rule)
        .contains(Rules.FILTER, Rules.fastFormat('b'), Rules.FILTER_CONTINUES, Rules.POLICE, Rules.KEYHOLDER);
    assertThat(a.history()).allSatisfy(d -> assertThat(d.text()).isNotBlank());
  }

  @Test
  void closedAlarmsAreTrimmedToTheLastTwenty() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = AccountState.initial(HandlingProfile.builder("A").build(), T0);
    Instant t = T0;
    for (int i = 1; i <= 30; i++) {
      t = t.plusSeconds(10);
      s = run(s, cid("s" + i, t, 130, 1, "1"), t, fx);
      s = run(s, new CloseAlarm("op", "A-" + i, CloseCause.FALSE_UNKNOWN, null), t, fx);
    }
    assertThat(s.alarms()).hasSize(AccountState.KEEP_CLOSED);
    assertThat(s.alarms().get(0).id()).isEqualTo("A-11");
  }
}
