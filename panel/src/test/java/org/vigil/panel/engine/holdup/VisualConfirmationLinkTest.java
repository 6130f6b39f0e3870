package org.vigil.panel.engine.holdup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;

/**
 * BS 8243 5.3.1 / 5.3.4 and DC-09 [V] (research A.9): the HUA of a device with cameras carries the link to its
 * capture, so the ARC hears of the images with the alarm; the capture starts after the alarm; missing cameras reach
 * the ARC as a fault (Contact ID 330 / SIA ET), never as an alarm.
 */
class VisualConfirmationLinkTest {

  static Effect.CaptureImages capture(Panel p) {
    return p.effects.stream().map(Panel.Timed::effect).filter(e -> e instanceof Effect.CaptureImages).map(e -> (Effect.CaptureImages) e)
        .reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void bs8243_5_3_1_theHuaOfADeviceWithCamerasCarriesTheLinkToItsCaptureAndIsEmittedBeforeTheCapture() {
    Panel p = Panel.branch().in(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));

    Effect.CaptureImages c = capture(p);
    assertThat(p.notifications(122)).singleElement().satisfies(n ->
        assertThat(n.verification()).isEqualTo("images/" + c.reference() + "/").isEqualTo(Effect.Notification.imageLink(c.reference())));
    assertThat(Effect.Notification.captureReference(p.notifications(122).get(0).verification())).isEqualTo(c.reference());
    List<Effect> order = p.effects.stream().map(Panel.Timed::effect).filter(e -> e instanceof Effect.Notification || e instanceof Effect.CaptureImages).toList();
    assertThat(order.get(0)).isInstanceOf(Effect.Notification.class);
    assertThat(order.get(order.size() - 1)).isInstanceOf(Effect.CaptureImages.class);
  }

  @Test
  void bs8243_5_4_1_2_theConfirmingHuaCarriesTheLinkOfItsOwnCapture() {
    Panel p = Panel.branch().in(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));
    String first = capture(p).reference();
    p.after(java.time.Duration.ofMinutes(5)).in(new Input.HoldUpOperated("hd-counter-2", Input.HoldUpAction.PRESS_BOTH));
    String second = capture(p).reference();

    assertThat(second).isNotEqualTo(first);
    assertThat(p.notifications(129)).singleElement().satisfies(n -> assertThat(n.verification()).isEqualTo("images/" + second + "/"));
  }

  @Test
  void bs8243_3_1_17_duressCapturesNothingAndCarriesNoLink() {
    Panel p = Panel.branch().in(new Input.HoldUpCondition("banking", 5, null, "keypad kp-office"));

    assertThat(p.notifications(121)).singleElement().satisfies(n -> assertThat(n.verification()).isNull());
    assertThat(p.effects).noneMatch(t -> t.effect() instanceof Effect.CaptureImages);
  }

  @Test
  void signalsOtherThanAHuaWithImagesCarryNoLink() {
    Panel p = Panel.branch().in(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));

    assertThat(p.notifications()).filteredOn(n -> n.cid() == null || n.cid() != 122).allSatisfy(n -> assertThat(n.verification()).isNull());
  }

  @Test
  void bs8243_5_3_1_missingOrSlowCamerasReachTheArcAsAFaultWithContactId330NeverAsAnAlarm() {
    Panel p = Panel.branch().in(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));
    String ref = capture(p).reference();
    int alarmsBefore = p.notifications().size();
    p.after(java.time.Duration.ofSeconds(10)).in(new Input.ImagesCaptured(ref, "hd-counter-1", 1,
        List.of("cam-counter image 2: slow (no image within 2000 ms)", "cam-counter image 3: unreachable (ConnectException)"), "http://panel/images/" + ref + "/"));

    List<Effect.Notification> after = p.notifications().subList(alarmsBefore, p.notifications().size());
    assertThat(after).singleElement().satisfies(n -> {
      assertThat(n.signal()).isEqualTo(Signal.FAULT);
      assertThat(n.cid()).isEqualTo(HoldUpFeature.CAMERA_TROUBLE_CID).isEqualTo(330);
      assertThat(n.sia()).isEqualTo("ET");
      assertThat(n.zone()).isEqualTo(20);
      assertThat(n.area()).isEqualTo("banking");
      assertThat(n.rule()).isEqualTo(HoldUpFeature.CAMERA_RULE);
      assertThat(n.text()).contains("1 image(s)").contains("2 missing").contains("cam-counter image 2: slow");
      assertThat(n.verification()).isNull();
    });
    assertThat(p.effects.stream().map(Panel.Timed::effect)).noneMatch(e -> e instanceof Effect.OutputChanged o && o.on() && o.output().contains("bell"));
  }

  @Test
  void bs8243_5_3_1_aCompleteCaptureSendsNothingMore() {
    Panel p = Panel.branch().in(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));
    String ref = capture(p).reference();
    int before = p.notifications().size();
    p.after(java.time.Duration.ofSeconds(10)).in(new Input.ImagesCaptured(ref, "hd-counter-1", 3, List.of(), "http://panel/images/" + ref + "/"));

    assertThat(p.notifications()).hasSize(before);
  }
}
