package org.vigil.panel.engine.intruder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.Timers;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;

/**
 * Intruder, hold-up and tamper notifications within 10 s (research/standards.md 1.8): the engine emits
 * the notification in the very step that handles the input, at the input's instant on the virtual
 * clock, so the panel adds no delay of its own (the only deliberate delay is the entry procedure,
 * BS 8243 6.4.5 b / EN 50131-1 8.3.8.2). A bell delay does not delay the notification.
 */
class NotificationDeadlineTest {
  static final Duration DEADLINE = Duration.ofSeconds(10);

  static List<Effect.Notification> notifications(List<Effect> effects, Signal s) {
    return effects.stream().filter(e -> e instanceof Effect.Notification n && n.signal() == s && !n.restore()).map(e -> (Effect.Notification) e).toList();
  }

  @Test
  void en50131_1_8_notifiedInTheSameStep_intruderTamperHoldUp() {
    ShopPanel p = ShopPanel.grade(2).set().after(60);
    assertThat(notifications(p.step(new Input.DetectorActive("pir-stock")), Signal.INTRUDER)).hasSize(1);
    assertThat(notifications(p.step(new Input.DetectorActive("rear-door")), Signal.CONFIRMED_INTRUDER)).as("confirmation is notified at once too").hasSize(1);
    assertThat(notifications(p.step(new Input.TamperOpen("pir-shop")), Signal.TAMPER)).hasSize(1);
    assertThat(notifications(p.step(new Input.HoldUpOperated("hd-counter", Input.HoldUpAction.PRESS_BOTH)), Signal.HOLD_UP)).hasSize(1);
  }

  @Test
  void en50131_1_8_bellDelayDoesNotDelayTheNotification() {
    SiteConfig base = ShopPanel.site(2, null);
    Timers t = base.timers();
    SiteConfig delayed = new SiteConfig(base.site(), base.areas(), base.detectors(), base.holdUpDevices(), base.keypads(), base.readers(), base.cameras(), base.outputs(),
        new Timers(t.bellDuration(), Duration.ofMinutes(5), t.entryWarning(), t.settingIndication(), t.busFailureWindow()),
        base.users(), base.transmission(), base.source(), base.sourceMap(), base.holdUp(), base.codes(), base.restore());
    ShopPanel p = new ShopPanel(delayed).set().after(60);
    assertThat(notifications(p.step(new Input.DetectorActive("pir-stock")), Signal.INTRUDER)).hasSize(1);
    assertThat(p.output("bell")).isFalse();
  }

  /** Random detector, tamper and hold-up inputs while set (outside entry): each alarm is notified within 10 s of its input. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 1234})
  void en50131_1_8_everyAlarmWhileSetWithin10s(long seed) {
    Random r = new Random(seed);
    List<String> dets = List.of("pir-shop", "dt-shop", "pir-stock", "rear-door", "pir-shop-2");
    int checked = 0;
    for (int run = 0; run < 20; run++) {
      ShopPanel p = ShopPanel.grade(1 + r.nextInt(4)).set().after(60);
      String d = dets.get(r.nextInt(dets.size()));
      p.after(r.nextInt(7200));
      if (p.status() != AreaStatus.SET) continue;
      int k = r.nextInt(3);
      Input in = k == 0 ? new Input.DetectorActive(d) : k == 1 ? new Input.TamperOpen(d) : new Input.HoldUpOperated("hd-counter", Input.HoldUpAction.PRESS_BOTH);
      Signal expected = k == 0 ? Signal.INTRUDER : k == 1 ? Signal.TAMPER : Signal.HOLD_UP;
      var at = p.now();
      p.step(in);
      p.after(DEADLINE);
      assertThat(p.effects).as("%s notified within 10 s", in)
          .anyMatch(t -> t.effect() instanceof Effect.Notification n && n.signal() == expected && !t.at().isAfter(at.plus(DEADLINE)) && !t.at().isBefore(at));
      checked++;
    }
    assertThat(checked).isPositive();
  }
}
