package org.vigil.arc.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.arc.handling.scenario.ArcScenario;
import org.vigil.arc.handling.scenario.ArcScenarioLoader;
import org.vigil.arc.handling.scenario.ArcScenarioRunner;
import org.vigil.arc.handling.scenario.ScenarioException;

/** Bad scenario files give a typed error naming the place; wrong expectations fail the run. */
class ArcScenarioLoaderTest {

  private final ArcScenarioLoader loader = new ArcScenarioLoader();

  private static String scenario(String steps) {
    return """
        name: t
        profile: {account: "9"}
        start: 2026-01-05T19:00:00Z
        steps:
        """ + steps;
  }

  private void rejects(String yaml, String where, String problem) {
    assertThatThrownBy(() -> loader.parse(yaml, "x.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(problem);
  }

  @Test
  void malformedYamlIsATypedError() {
    rejects("name: [unclosed", "x.yaml", "not valid YAML");
  }

  @Test
  void missingProfileIsNamed() {
    rejects("start: 2026-01-05T19:00:00Z\nsteps: []\n", "profile", "is required");
  }

  @Test
  void holdUpConfirmationTimeOutside8To20HoursIsRefused() {
    rejects("""
        profile: {account: "9", holdUpConfirmationHours: 21}
        start: 2026-01-05T19:00:00Z
        steps: []
        """, "profile", "8 h to 20 h");
  }

  @Test
  void badTimeIsNamedWithTheStep() {
    rejects(scenario("  - at: soon\n"), "steps[0].at", "not a time");
  }

  @Test
  void stepsMayNotGoBackInTime() {
    rejects(scenario("  - at: 2m\n  - at: 1m\n"), "steps[1].at", "back in time");
  }

  @Test
  void signalNeedsExactlyOneCode() {
    rejects(scenario("  - at: 0s\n    signal: {zone: \"1\"}\n"), "steps[0].signal", "exactly one of cid");
    rejects(scenario("  - at: 0s\n    signal: {cid: 130, sia: BA}\n"), "steps[0].signal", "exactly one of cid");
  }

  @Test
  void badContactIdQualifierAndSiaCodeAreRefused() {
    rejects(scenario("  - at: 0s\n    signal: {cid: 1300}\n"), "steps[0].signal.cid", "000-999");
    rejects(scenario("  - at: 0s\n    signal: {cid: 130, q: 2}\n"), "steps[0].signal.q", "1, 3 or 6");
    rejects(scenario("  - at: 0s\n    signal: {sia: ba}\n"), "steps[0].signal.sia", "two capital letters");
  }

  @Test
  void unknownKeysAndActionsAreRefused() {
    rejects(scenario("  - at: 0s\n    expect: {designaton: x}\n"), "steps[0].expect.designaton", "unknown key");
    rejects(scenario("  - at: 0s\n    action: {type: fly, alarm: 1}\n"), "steps[0].action.type", "unknown action");
    rejects(scenario("  - at: 0s\n    action: {type: close, alarm: 1, cause: BORED}\n"), "steps[0].action.cause", "not one of");
  }

  @Test
  void twoInputsInOneStepAreRefused() {
    rejects(scenario("  - at: 0s\n    tick: true\n    pathFault: {path: ip}\n"), "steps[0]", "one input per step");
  }

  @Test
  void offsetsAndInstantsAreBothAccepted() throws ScenarioException {
    ArcScenario sc = loader.parse(scenario("  - at: 1h30m\n  - at: 2026-01-05T21:00:00Z\n  - at: PT3H\n  - at: 3h0m0.5s\n"), "x");
    assertThat(sc.steps()).extracting(s -> s.at().toString())
        .containsExactly("2026-01-05T20:30:00Z", "2026-01-05T21:00:00Z", "2026-01-05T22:00:00Z", "2026-01-05T22:00:00.500Z");
  }

  @Test
  void aWrongExpectationFailsTheRun() throws ScenarioException {
    ArcScenario sc = loader.parse(scenario("""
          - at: 0s
            signal: {cid: 130, zone: "1"}
            expect: {designation: sequentially confirmed intruder, filter: NONE, emitted: [PoliceDispatched]}
        """), "x");
    ArcScenarioRunner.Result r = new ArcScenarioRunner().run(sc);
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).hasSize(3);
    assertThat(r.failures().get(0)).contains("expected sequentially confirmed intruder but was unconfirmed intruder");
    assertThat(r.failures().get(2)).contains("expected effect PoliceDispatched");
  }
}
