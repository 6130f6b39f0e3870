package org.vigil.app.arc;

import org.vigil.app.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArcScenarioCommandTest {


  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static final String OK = """
      name: unset within the delay
      rule: BS8243 7.5.3(b)
      profile: {account: "1"}
      start: 2026-01-05T19:00:00Z
      steps:
        - at: 0s
          signal: {cid: 401, q: 3, user: "1"}
        - at: 1m
          signal: {cid: 130, zone: "3"}
        - at: 2m
          signal: {cid: 401, q: 1, user: "1"}
          expect: {status: CANCELLED_FALSE_ALERT}
      """;

  @Test
  void passingScenarioExitsZeroAndShowsRulesWhenVerbose(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), OK);
    CliRun r = run("arc-scenario", "-v", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("PASS a.yaml").contains("BS8243 7.5.3(b)").contains("1 passed");
  }

  @Test
  void failedExpectationExitsOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.yaml"), OK.replace("CANCELLED_FALSE_ALERT", "OPEN"));
    CliRun r = run("arc-scenario", dir.resolve("b.yaml").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL b.yaml").contains("expected OPEN but was CANCELLED_FALSE_ALERT");
  }

  @Test
  void unreadableScenarioExitsTwoWithTheReason(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("c.yaml"), OK.replace("q: 1", "q: 7"));
    CliRun r = run("arc-scenario", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("steps[2].signal.q").contains("1, 3 or 6");
  }
}
