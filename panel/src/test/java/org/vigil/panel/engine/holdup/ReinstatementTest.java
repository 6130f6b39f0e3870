package org.vigil.panel.engine.holdup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;

/** Reinstatement of the hold-up system (BS 8243 A.2.3) and restore rights (EN 50131-1 Table 6). */
class ReinstatementTest {

  @Test
  void bs8243_A_2_3_deviceStillInAlarmAtTheEndIsInhibitedAndTheArcIsTold() {
    Panel p = Panel.branch().press("hd-counter-1").after(Duration.ofHours(8));
    assertThat(p.notifications(570)).singleElement().satisfies(n -> {
      assertThat(n.sia()).isEqualTo("HB");
      assertThat(n.zone()).isEqualTo(20);
      assertThat(n.rule()).isEqualTo("BS8243 A.2.3");
    });
    assertThat(p.timed(Effect.Notification.class).stream().filter(t -> ((Effect.Notification) t.effect()).cid() == 570).findFirst().orElseThrow().at())
        .isEqualTo(Panel.T0.plus(Duration.ofHours(8)));
    assertThat(p.state.zone("hd-counter-1").inhibited()).isTrue();
    assertThat(p.holdUp().window()).isNull();
  }

  @Test
  void bs8243_A_2_3_reinstatementRaisesNoAlarmAndKeepsTheAlarmConditionWithARestoreIndication() {
    Panel p = Panel.branch().press("hd-counter-1");
    p.clear();
    p.after(Duration.ofHours(8));
    assertThat(p.notifications()).allMatch(n -> n.cid() == 570);
    assertThat(p.holdUp().restoreRequired("banking")).isTrue();
    assertThat(p.effects).anyMatch(t -> t.effect() instanceof Effect.KeypadDisplay d && d.keypad().equals("kp-office") && d.text().contains("restore required"));
    // Not on the public keypad in the banking hall.
    assertThat(p.effects).noneMatch(t -> t.effect() instanceof Effect.KeypadDisplay d && d.keypad().equals("kp-hall"));
  }

  @Test
  void bs8243_A_2_3_inhibitedDeviceRaisesNoAlarmUntilRestored() {
    Panel p = Panel.branch().press("hd-counter-1").after(Duration.ofHours(8));
    p.clear();
    p.press("hd-counter-1");
    assertThat(p.notifications()).isEmpty();
  }

  @Test
  void bs8243_A_2_3_afterReinstatementAnotherDeviceStartsAFreshUnconfirmedAlarm() {
    Panel p = Panel.branch().press("hd-counter-1").after(Duration.ofHours(9));
    p.clear();
    p.press("hd-counter-2");
    assertThat(p.notifications(122)).hasSize(1);
    assertThat(p.notifications(129)).isEmpty();
  }

  @Test
  void bs8243_A_2_3_note_restoredBeforeExpiryNeedsNoReinstatement() {
    Panel p = Panel.branch().press("hd-counter-1").press("hd-counter-1", Input.HoldUpAction.RESET).after(Duration.ofHours(1))
        .in(new Input.HoldUpRestore("banking", 1, 2, "keypad kp-office"));
    assertThat(p.holdUp().window()).isNull();
    p.clear();
    p.after(Duration.ofHours(10));
    assertThat(p.notifications()).isEmpty();
    assertThat(p.state.output("staff-strobe")).isFalse();
  }

  @Test
  void en50131_1_table6_userAtLevel2MayRestoreAHoldUpAlarm() {
    Panel p = Panel.branch().press("hd-counter-1").press("hd-counter-1", Input.HoldUpAction.RESET).in(new Input.HoldUpRestore("banking", 1, 2, "keypad kp-office"));
    assertThat(p.notifications()).anyMatch(n -> n.restore() && n.cid() == 122 && n.sia().equals("HH"));
    assertThat(p.holdUp().restoreRequired("banking")).isFalse();
  }

  @Test
  void en50131_1_table6_level1MayNotRestoreAHoldUpAlarm() {
    Panel p = Panel.branch().press("hd-counter-1").press("hd-counter-1", Input.HoldUpAction.RESET).in(new Input.HoldUpRestore("banking", 5, 1, "keypad kp-office"));
    assertThat(p.holdUp().restoreRequired("banking")).isTrue();
    assertThat(p.logs()).anyMatch(l -> l.rule().startsWith("EN50131-1 Table 6") && l.message().contains("refused"));
  }

  @Test
  void en50131_1_table6_restoreIsRefusedWhileTheDeviceIsStillLatched() {
    Panel p = Panel.branch().press("hd-counter-1").in(new Input.HoldUpRestore("banking", 1, 2, "keypad kp-office"));
    assertThat(p.holdUp().restoreRequired("banking")).isTrue();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("reset with its key first"));
  }

  @Test
  void bs8473_arcRemoteRestoreAfterReinstatementPutsTheDeviceBackInService() {
    Panel p = Panel.branch().press("hd-counter-1").after(Duration.ofHours(8)).press("hd-counter-1", Input.HoldUpAction.RESET)
        .in(new Input.RemoteCommand("banking", Input.RemoteAction.RESTORE, 0));
    assertThat(p.state.zone("hd-counter-1").inhibited()).isFalse();
    assertThat(p.notifications()).anyMatch(n -> n.restore() && n.cid() == 570 && n.sia().equals("HU"));
    p.clear();
    p.press("hd-counter-1");
    assertThat(p.notifications(122)).hasSize(1);
  }
}
