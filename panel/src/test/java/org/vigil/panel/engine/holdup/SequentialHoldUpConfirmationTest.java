package org.vigil.panel.engine.holdup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.engine.Input;

/** Sequential confirmation of hold-up alarms (BS 8243 5.4.1.2, 7.3.2, H.3.2, 3.1.17). */
class SequentialHoldUpConfirmationTest {

  @Test
  void bs8243_7_3_2_firstHuaIsUnconfirmedAndStartsTheConfirmationTime() {
    Panel p = Panel.branch().press("hd-counter-1");
    assertThat(p.notifications(122)).singleElement().satisfies(n -> assertThat(n.rule()).contains("7.3.2"));
    assertThat(p.notifications(129)).isEmpty();
    assertThat(p.holdUp().window().end()).isEqualTo(Panel.T0.plus(Duration.ofHours(8)));
  }

  @Test
  void bs8243_5_4_1_2_secondDeviceWithinEightHoursConfirms() {
    Panel p = Panel.branch().press("hd-counter-1").after(Duration.ofHours(8).minusSeconds(1)).press("hd-counter-2");
    assertThat(p.notifications(129)).singleElement().satisfies(n -> {
      assertThat(n.zone()).isEqualTo(21);
      assertThat(n.rule()).contains("5.4.1.2(b)(1)");
    });
  }

  @Test
  void bs8243_5_4_1_2_secondDeviceAtEightHoursIsANewUnconfirmedAlarm() {
    Panel p = Panel.branch().press("hd-counter-1").after(Duration.ofHours(8)).press("hd-counter-2");
    assertThat(p.notifications(129)).isEmpty();
    assertThat(p.notifications(122)).hasSize(2);
    assertThat(p.holdUp().window().start()).isEqualTo(Panel.T0.plus(Duration.ofHours(8)));
  }

  @Test
  void bs8243_5_4_1_2_twentyHourConfirmationTimeConfirmsJustBeforeTwentyHours() {
    Panel p = Panel.branch().press("hd-office").after(Duration.ofHours(20).minusSeconds(1)).press("hd-counter-1");
    assertThat(p.notifications(129)).hasSize(1);
  }

  @Test
  void bs8243_5_4_1_2_twentyHourConfirmationTimeHasEndedAtTwentyHours() {
    Panel p = Panel.branch().press("hd-office").after(Duration.ofHours(20)).press("hd-counter-1");
    assertThat(p.notifications(129)).isEmpty();
  }

  @Test
  void bs8243_H_3_2_tamperDuringTheConfirmationTimeConfirmsTheHua() {
    Panel p = Panel.branch().press("hd-counter-1").after(Duration.ofMinutes(3)).in(new Input.TamperOpen("pir-hall"));
    assertThat(p.notifications(129)).singleElement().satisfies(n -> assertThat(n.rule()).isEqualTo("BS8243 H.3.2"));
  }

  @Test
  void bs8243_H_3_2_huaWhileATamperIsPresentIsConfirmedAtOnce() {
    Panel p = Panel.branch().in(new Input.TamperOpen("hd-counter-2")).after(Duration.ofMinutes(1)).press("hd-counter-1");
    assertThat(p.notifications(137)).hasSize(1);
    assertThat(p.notifications(122)).hasSize(1);
    assertThat(p.notifications(129)).singleElement().satisfies(n -> assertThat(n.rule()).isEqualTo("BS8243 H.3.2"));
  }

  @Test
  void bs8243_H_3_1_lostBusDeviceCountsAsTamperForHoldUpConfirmation() {
    Panel p = Panel.branch().press("hd-counter-1").in(new Input.CommsLost("hd-portable"));
    assertThat(p.notifications(129)).hasSize(1);
  }

  @Test
  void bs8243_3_1_17_duressIsAHoldUpConditionWithoutADevice() {
    Panel p = Panel.branch().in(new Input.HoldUpCondition("banking", 2, 992, "keypad kp-hall"));
    assertThat(p.notifications(121)).singleElement().satisfies(n -> {
      assertThat(n.user()).isEqualTo(2);
      assertThat(n.zone()).isEqualTo(992);
      assertThat(n.sia()).isEqualTo("HA");
    });
    assertThat(p.holdUp().window()).isNotNull();
    // No trace on any user-facing output: no display, no tone, no user-visible log line.
    assertThat(p.effects).noneMatch(t -> t.effect() instanceof org.vigil.panel.engine.Effect.KeypadDisplay);
    assertThat(p.logs()).noneMatch(l -> l.userVisible());
    // Nor when its confirmation time ends.
    p.after(Duration.ofHours(8));
    assertThat(p.logs()).noneMatch(l -> l.userVisible());
    assertThat(p.effects).noneMatch(t -> t.effect() instanceof org.vigil.panel.engine.Effect.KeypadDisplay);
  }

  @Test
  void bs8243_3_1_17_duressThenAHoldUpDeviceIsASequentiallyConfirmedHua() {
    Panel p = Panel.branch().in(new Input.HoldUpCondition("banking", 2, 992, "keypad kp-hall")).after(Duration.ofHours(2)).press("hd-counter-1");
    assertThat(p.notifications(129)).singleElement().satisfies(n -> assertThat(n.zone()).isEqualTo(20));
  }

  @Test
  void bs8243_3_1_17_duressConfirmedByADeviceLeavesNoTraceOfTheDuressInTheUserLog() {
    Panel p = Panel.branch().in(new Input.HoldUpCondition("banking", 2, 992, "keypad kp-hall")).after(Duration.ofHours(2)).press("hd-counter-1");
    assertThat(p.logs()).filteredOn(l -> l.userVisible()).noneMatch(l -> l.message().toLowerCase().contains("duress"));
    assertThat(p.effects).noneMatch(t -> t.effect() instanceof org.vigil.panel.engine.Effect.KeypadDisplay);
  }

  @Test
  void anAudibleDeviceJoiningTheConfirmationTimeStillSounds() {
    Panel p = Panel.branch().press("hd-counter-1");
    assertThat(p.state.output("sounder")).isFalse();
    p.press("hd-portable");
    assertThat(p.notifications(129)).hasSize(1);
    assertThat(p.state.output("sounder")).isTrue();
    assertThat(p.state.output("bell")).isFalse();
  }

  @Test
  void bs8243_3_1_17_theSameUsersDuressTwiceDoesNotConfirm() {
    Panel p = Panel.branch().in(new Input.HoldUpCondition("banking", 2, 992, "keypad kp-hall")).after(Duration.ofHours(1)).in(new Input.HoldUpCondition("banking", 2, 992, "reader rd-front"));
    assertThat(p.notifications(129)).isEmpty();
  }

  @Test
  void furtherHuasAfterConfirmationAreReportedButNotConfirmedAgain() {
    Panel p = Panel.branch().press("hd-counter-1").press("hd-counter-2").press("hd-portable");
    assertThat(p.notifications(129)).hasSize(1);
    assertThat(p.notifications(123)).hasSize(1);
  }
}
