package org.vigil.panel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;

class SequentialConfirmationTest {
  static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");
  SiteConfig site;
  PanelEngine engine;
  PanelState state;
  Instant now;
  List<Effect> effects;

  @BeforeEach
  void setUp() {
    site = Sites.load("shop.yaml");
    engine = new PanelEngine(site);
    state = engine.initial(T0);
    now = T0;
    effects = new ArrayList<>();
  }

  void at(Duration after, Input in) {
    now = now.plus(after);
    for (var s : engine.advance(state, now)) {
      effects.addAll(s.result().effects());
      state = s.result().state();
    }
    StepResult r = engine.step(state, in, now);
    effects.addAll(r.effects());
    state = r.state();
  }

  void keys(String keys) {
    for (char c : keys.toCharArray()) at(Duration.ZERO, new Input.KeyPressed("kp-shop", String.valueOf(c)));
  }

  void setShop() {
    keys("1234A");
    at(Duration.ofSeconds(5), new Input.DetectorActive("front-door"));
    at(Duration.ofSeconds(2), new Input.DetectorNormal("front-door"));
    assertThat(state.area("shop").status()).isEqualTo(AreaStatus.SET);
    effects.clear();
  }

  List<Signal> signals() {
    return effects.stream().filter(e -> e instanceof Effect.Notification).map(e -> ((Effect.Notification) e).signal()).toList();
  }

  @Test
  void bs8243_6_3c_settingCompletesWhenTheFinalExitDoorCloses() {
    keys("1234A");
    assertThat(state.area("shop").status()).isEqualTo(AreaStatus.SETTING);
    at(Duration.ofSeconds(5), new Input.DetectorActive("front-door"));
    assertThat(state.area("shop").status()).isEqualTo(AreaStatus.SETTING);
    at(Duration.ofSeconds(2), new Input.DetectorNormal("front-door"));
    assertThat(state.area("shop").status()).isEqualTo(AreaStatus.SET);
    assertThat(signals()).containsExactly(Signal.CLOSE);
  }

  @Test
  void dd243_5_4_1_secondIndependentDetectorConfirms() {
    setShop();
    at(Duration.ofMinutes(10), new Input.DetectorActive("pir-shop"));
    assertThat(signals()).containsExactly(Signal.INTRUDER);
    assertThat(state.output("bell")).isTrue();
    assertThat(state.output("strobe")).isFalse();
    at(Duration.ofMinutes(5), new Input.DetectorActive("rear-door"));
    assertThat(signals()).containsExactly(Signal.INTRUDER, Signal.INTRUDER, Signal.CONFIRMED_INTRUDER);
    assertThat(state.output("strobe")).isTrue();
  }

  @Test
  void dd243_5_4_3_sameDetectorTwiceDoesNotConfirm() {
    setShop();
    at(Duration.ofMinutes(10), new Input.DetectorActive("pir-shop"));
    at(Duration.ofSeconds(10), new Input.DetectorNormal("pir-shop"));
    at(Duration.ofSeconds(10), new Input.DetectorActive("pir-shop"));
    assertThat(signals()).containsExactly(Signal.INTRUDER);
  }

  @Test
  void dd243_confirmationTimeExpiryReinstates() {
    setShop();
    at(Duration.ofMinutes(10), new Input.DetectorActive("pir-shop"));
    at(Duration.ofMinutes(31), new Input.DetectorActive("rear-door"));
    assertThat(signals()).containsExactly(Signal.INTRUDER, Signal.INHIBIT, Signal.INTRUDER);
    assertThat(state.output("bell")).isTrue();
  }
}
