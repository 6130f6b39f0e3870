package org.vigil.panel.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;

/** Bad scenarios get a clear, positioned error and never run. */
class BadScenarioTest {
  static final SiteConfig SHOP = Sites.load("shop.yaml");
  @TempDir Path dir;

  Parsed<ScenarioLoader.Loaded> load(String yaml) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, yaml);
    return new ScenarioLoader(new SiteLoader(1)).load(f, SHOP);
  }

  static Problem single(Parsed<?> p) {
    assertThat(p.ok()).isFalse();
    assertThat(p.problems()).hasSize(1);
    return p.problems().get(0);
  }

  @Test
  void unknownDeviceIdIsRejectedWithASuggestion() throws IOException {
    Problem p = single(load("steps:\n  - active: pir-shp\n"));
    assertThat(p.loc().line()).isEqualTo(2);
    assertThat(p.path()).isEqualTo("steps[0].active");
    assertThat(p.message()).contains("unknown device 'pir-shp'").contains("did you mean 'pir-shop'");
  }

  @Test
  void deviceOfTheWrongKindIsRejected() throws IOException {
    assertThat(single(load("steps:\n  - active: kp-shop\n")).message()).contains("is a keypad, not a detector");
  }

  @Test
  void timeGoingBackwardsIsRejected() throws IOException {
    Problem p = single(load("steps:\n  - at: 10m\n    active: pir-shop\n  - at: 5m\n    normal: pir-shop\n"));
    assertThat(p.loc().line()).isEqualTo(4);
    assertThat(p.path()).isEqualTo("steps[1].at");
    assertThat(p.message()).contains("time goes backwards");
  }

  @Test
  void absoluteTimeBeforeThePreviousStepIsRejected() throws IOException {
    Problem p = single(load("start: 2026-01-05T18:00:00Z\nsteps:\n  - at: 1h\n    active: pir-shop\n  - at: 2026-01-05T18:30:00Z\n    normal: pir-shop\n"));
    assertThat(p.message()).contains("time goes backwards");
  }

  @Test
  void malformedYamlIsRejectedWithItsPosition() throws IOException {
    Problem p = single(load("steps:\n  - active: [pir-shop\n  - normal: x\n"));
    assertThat(p.message()).startsWith("malformed YAML");
    assertThat(p.loc().line()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void unknownStepKeyAndTwoActionsInOneStepAreRejected() throws IOException {
    List<String> msgs = load("steps:\n  - activ: pir-shop\n  - active: pir-shop\n    normal: dt-shop\n").problems().stream().map(Problem::message).toList();
    assertThat(msgs).anyMatch(m -> m.contains("unknown key 'activ'") && m.contains("did you mean 'active'"));
    assertThat(msgs).anyMatch(m -> m.contains("one action per step"));
  }

  @Test
  void unknownEffectKindOrFieldIsRejected() throws IOException {
    List<String> msgs = load("steps:\n  - expect: {effect: alarm}\n  - expect: {effect: notification, signl: INTRUDER}\n").problems().stream().map(Problem::message).toList();
    assertThat(msgs).anyMatch(m -> m.contains("unknown effect 'alarm'"));
    assertThat(msgs).anyMatch(m -> m.contains("unknown key 'signl'"));
  }

  @Test
  void badKeysAreRejected() throws IOException {
    assertThat(single(load("steps:\n  - keys: {keypad: kp-shop, keys: \"12x4A\"}\n")).message()).contains("unknown key 'x'");
  }

  @Test
  void missingSiteFileIsReportedWhenNoSiteIsGiven() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "site: nowhere.yaml\nsteps: []\n");
    Parsed<ScenarioLoader.Loaded> p = new ScenarioLoader(new SiteLoader(1)).load(f);
    assertThat(p.problems()).extracting(Problem::message).anyMatch(m -> m.contains("cannot read file"));
  }

  @Test
  void failedExpectationIsNamedWithItsLine() throws IOException {
    var l = load("steps:\n  - active: pir-shop\n  - expect: {effect: notification, signal: INTRUDER}\n").orThrow();
    Simulator.Result r = Simulator.run(l.site(), l.scenario());
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).loc().line()).isEqualTo(3);
    assertThat(r.failures().get(0).message()).contains("signal=INTRUDER").contains("did not occur");
  }
}
