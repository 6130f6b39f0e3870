package org.vigil.panel.engine.holdup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.panel.engine.Input.HoldUpAction.BUTTON_A;
import static org.vigil.panel.engine.Input.HoldUpAction.BUTTON_B;
import static org.vigil.panel.engine.Input.HoldUpAction.PRESS_ONE;
import static org.vigil.panel.engine.Input.HoldUpAction.SECOND_ACTION;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.engine.Effect;

/** Hold-up device design rules in the running panel (BS 8243 4.5, 3.1.28). */
class HoldUpDeviceTest {

  @Test
  void bs8243_4_5a_oneButtonAloneRaisesNoAlarmAndIsLogged() {
    Panel p = Panel.branch().press("hd-counter-1", PRESS_ONE);
    assertThat(p.notifications()).isEmpty();
    assertThat(p.logs()).anyMatch(l -> l.rule().equals("BS8243 4.5(a)") && l.message().contains("one button only"));
  }

  @Test
  void bs8243_4_5a_bothButtonsWithinTheSyncWindowRaiseAHua() {
    Panel p = Panel.branch().press("hd-counter-1", BUTTON_A).after(Duration.ofMillis(2900)).press("hd-counter-1", BUTTON_B);
    assertThat(p.notifications(122)).singleElement().satisfies(n -> {
      assertThat(n.sia()).isEqualTo("HA");
      assertThat(n.zone()).isEqualTo(20);
      assertThat(n.partition()).isEqualTo(1);
    });
  }

  @Test
  void bs8243_4_5a_secondButtonAfterTheSyncWindowIsTwoSinglePressesAndNoAlarm() {
    Panel p = Panel.branch().press("hd-counter-1", BUTTON_A).after(Duration.ofSeconds(3)).press("hd-counter-1", BUTTON_B).after(Duration.ofSeconds(10));
    assertThat(p.notifications()).isEmpty();
    assertThat(p.logs()).filteredOn(l -> l.message().contains("one button only within the sync window")).hasSize(2);
  }

  @Test
  void bs8243_4_5a_theSameButtonTwiceIsNotASynchronisedPush() {
    Panel p = Panel.branch().press("hd-counter-1", BUTTON_A).after(Duration.ofSeconds(1)).press("hd-counter-1", BUTTON_A).after(Duration.ofSeconds(10));
    assertThat(p.notifications()).isEmpty();
  }

  @Test
  void bs8243_4_5b_holdUpKeysOnTheKeypadAreOffUntilTheEngineerEnablesThem() {
    Panel p = Panel.branch().press("hd-keypad");
    assertThat(p.notifications()).isEmpty();
    assertThat(p.logs()).anyMatch(l -> l.rule().equals("BS8243 4.5(b)"));
  }

  @Test
  void bs8243_4_5e_portableDeviceNeedsBothButtonsAndIsAudibleWhenConfigured() {
    Panel p = Panel.branch().press("hd-portable", PRESS_ONE);
    assertThat(p.notifications()).isEmpty();
    p.press("hd-portable");
    assertThat(p.notifications(123)).singleElement().satisfies(n -> assertThat(n.sia()).isEqualTo("PA"));
    assertThat(p.state.output("sounder")).isTrue();
    assertThat(p.state.output("bell")).isFalse();
  }

  @Test
  void holdUpIsSilentByDefault_noWarningDeviceOnlyTheDiscreetStaffIndicator() {
    Panel p = Panel.branch().press("hd-counter-1");
    assertThat(p.state.output("bell")).isFalse();
    assertThat(p.state.output("sounder")).isFalse();
    assertThat(p.state.output("strobe")).isFalse();
    assertThat(p.state.output("staff-strobe")).isTrue();
    assertThat(p.effects).noneMatch(t -> t.effect() instanceof Effect.KeypadDisplay || t.effect() instanceof Effect.KeypadTone);
  }

  @Test
  void bs8243_3_1_28_multiActionDeviceFirstMethodUnconfirmedSecondMethodConfirmed() {
    Panel p = Panel.branch().press("hd-office").after(Duration.ofSeconds(5)).press("hd-office", SECOND_ACTION);
    assertThat(p.notifications(122)).hasSize(1);
    assertThat(p.notifications(129)).singleElement().satisfies(n -> {
      assertThat(n.sia()).isEqualTo("HV");
      assertThat(n.rule()).contains("5.4.1.2(b)(2)");
      assertThat(n.zone()).isEqualTo(22);
    });
  }

  @Test
  void bs8243_5_4_1_2b_twoButtonDevicePressedTwiceDoesNotConfirmItself() {
    Panel p = Panel.branch().press("hd-counter-1").press("hd-counter-1", org.vigil.panel.engine.Input.HoldUpAction.RESET).after(Duration.ofMinutes(5)).press("hd-counter-1");
    assertThat(p.notifications(122)).hasSize(1);
    assertThat(p.notifications(129)).isEmpty();
    assertThat(p.logs()).anyMatch(l -> l.rule().equals("BS8243 5.4.1.2(b)"));
  }

  @Test
  void bs8243_5_3_1_aHuaAsksForThreeImagesWithinFiveSecondsAfterTheAlarmItself() {
    Panel p = Panel.branch().press("hd-counter-2");
    var effects = p.effects.stream().map(Panel.Timed::effect).toList();
    int alarm = effects.indexOf(p.notifications(122).get(0));
    var capture = p.timed(Effect.CaptureImages.class);
    assertThat(capture).singleElement().satisfies(t -> {
      var c = (Effect.CaptureImages) t.effect();
      assertThat(c.cameras()).containsExactly("cam-counter");
      assertThat(c.shots()).hasSize(3);
      assertThat(c.shots().get(0)).isEqualTo(Panel.T0);
      assertThat(Duration.between(Panel.T0, c.shots().get(2))).isLessThanOrEqualTo(Duration.ofSeconds(5));
      assertThat(c.rule()).contains("5.3.1");
    });
    assertThat(effects.indexOf(capture.get(0).effect())).isGreaterThan(alarm);
  }
}
