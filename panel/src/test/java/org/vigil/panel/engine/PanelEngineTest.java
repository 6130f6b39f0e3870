package org.vigil.panel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;

class PanelEngineTest {
  static final SiteConfig SHOP = Sites.load("shop.yaml");
  static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");

  /** Seeded random inputs over the shop's devices. */
  static List<Input> randomInputs(long seed, int n) {
    Random r = new Random(seed);
    List<String> dets = SHOP.detectors().stream().map(d -> d.id()).toList();
    List<Input> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String d = dets.get(r.nextInt(dets.size()));
      out.add(switch (r.nextInt(8)) {
        case 0, 1 -> new Input.DetectorActive(d);
        case 2, 3 -> new Input.DetectorNormal(d);
        case 4 -> new Input.KeyPressed("kp-shop", String.valueOf("1234A1234U5678B".charAt(r.nextInt(15))));
        case 5 -> new Input.CardPresented("rd-front", "CARD-000" + (1 + r.nextInt(2)), null);
        case 6 -> new Input.TamperOpen(d);
        default -> new Input.Tick();
      });
    }
    return out;
  }

  static List<Effect> run(List<Input> inputs, long seed) {
    PanelEngine e = new PanelEngine(SHOP);
    PanelState s = e.initial(T0);
    Random r = new Random(seed);
    Instant now = T0;
    List<Effect> all = new ArrayList<>();
    for (Input in : inputs) {
      now = now.plusSeconds(r.nextInt(600));
      for (var t : e.advance(s, now)) {
        all.addAll(t.result().effects());
        s = t.result().state();
      }
      StepResult res = e.step(s, in, now);
      all.addAll(res.effects());
      s = res.state();
    }
    return all;
  }

  @Test
  void engineIsDeterministic_sameInputsGiveTheSameEffects() {
    List<Input> in = randomInputs(42, 2000);
    assertThat(run(in, 7)).isEqualTo(run(in, 7));
  }

  @Test
  void randomInputsNeverThrow() {
    for (long seed = 1; seed <= 20; seed++) assertThat(run(randomInputs(seed, 500), seed)).isNotNull();
  }

  @Test
  void timeGoingBackwardsIsRefused() {
    PanelEngine e = new PanelEngine(SHOP);
    PanelState s = e.step(e.initial(T0), new Input.Tick(), T0.plusSeconds(10)).state();
    assertThatThrownBy(() -> e.step(s, new Input.Tick(), T0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
  }

  @Test
  void stepDoesNotChangeTheInputState() {
    PanelEngine e = new PanelEngine(SHOP);
    PanelState s0 = e.initial(T0);
    PanelState s1 = e.step(s0, new Input.DetectorActive("pir-shop"), T0).state();
    assertThat(s0.zone("pir-shop").active()).isFalse();
    assertThat(s1.zone("pir-shop").active()).isTrue();
  }

  @Test
  void deadlinesFireAtTheirOwnInstants() {
    PanelEngine e = new PanelEngine(SHOP);
    PanelState s = e.initial(T0);
    for (char c : "1234A".toCharArray()) s = e.step(s, new Input.KeyPressed("kp-shop", String.valueOf(c)), T0).state();
    s = e.step(s, new Input.DetectorActive("front-door"), T0.plusSeconds(5)).state();
    s = e.step(s, new Input.DetectorNormal("front-door"), T0.plusSeconds(6)).state();
    s = e.step(s, new Input.DetectorActive("pir-shop"), T0.plusSeconds(60)).state();
    var steps = e.advance(s, T0.plus(Duration.ofHours(2)));
    assertThat(steps).extracting(PanelEngine.TimedStep::at)
        .contains(T0.plusSeconds(60).plus(Duration.ofMinutes(15)), T0.plusSeconds(60).plus(Duration.ofMinutes(30)));
  }

  @Test
  void unknownDeviceInputIsLoggedNotThrown() {
    PanelEngine e = new PanelEngine(SHOP);
    StepResult r = e.step(e.initial(T0), new Input.DetectorActive("ghost"), T0);
    assertThat(r.effects()).singleElement().isInstanceOfSatisfying(Effect.LogEntry.class, l -> assertThat(l.message()).contains("unknown device 'ghost'"));
  }

  @Test
  void codesAreNeverShownOrLogged() {
    List<Effect> all = run(randomInputs(3, 3000), 3);
    for (Effect ef : all) assertThat(ef.toString()).doesNotContain("1234A").doesNotContain("5678");
  }
}
