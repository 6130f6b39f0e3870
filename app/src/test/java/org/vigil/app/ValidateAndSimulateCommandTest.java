package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndSimulateCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");
  @TempDir Path dir;


  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void validateExampleSiteExitsZeroAndCitesClauses() {
    CliRun r = run("validate", EXAMPLES.resolve("bank.yaml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("DD243 5.4.1(b)").contains("0 error(s)");
  }

  @Test
  void validateJsonListsFindingsAndConfirmationPairs() {
    CliRun r = run("validate", "--json", EXAMPLES.resolve("bank.yaml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"valid\" : true").contains("\"confirming_pairs\"").contains("\"rule\" : \"DD243 5.4.2\"");
  }

  @Test
  void validateExitsOneOnDesignErrors() throws IOException {
    Path f = dir.resolve("timed.yaml");
    Files.writeString(f, Files.readString(EXAMPLES.resolve("shop.yaml")).replace("completion: final_door", "completion: timed"));
    CliRun r = run("validate", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("error: timed exit is not permitted").contains("[BS8243 6.3 NOTE 1]");
  }

  @Test
  void validateExitsTwoOnConfigurationErrorsWithPosition() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, Files.readString(EXAMPLES.resolve("shop.yaml")).replace("    area: shop\n    name: Front door", "    area: shp\n    name: Front door"));
    CliRun r = run("validate", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml:").contains("detectors[0].area: undefined area 'shp'");
  }

  @Test
  void asFittedMarkdownAndHtml() throws IOException {
    CliRun md = run("validate", EXAMPLES.resolve("bank.yaml").toString(), "--as-fitted", "markdown");
    assertThat(md.out()).startsWith("# As-fitted document").contains("| Pair | Verdict | Why | Clause |");
    Path html = dir.resolve("as-fitted.html");
    CliRun h = run("validate", EXAMPLES.resolve("bank.yaml").toString(), "--as-fitted", "html", "-o", html.toString());
    assertThat(h.code()).isZero();
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("BS 8243");
  }

  @Test
  void simulatePrintsJsonLinesAndPasses() {
    CliRun r = run("simulate", EXAMPLES.resolve("shop.yaml").toString(), EXAMPLES.resolve("scenarios/intruder/dd243-5.4.1b-independent-detector-confirms.yaml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"effect\":\"notification\",\"signal\":\"CONFIRMED_INTRUDER\"").contains("\"cid\":139");
    assertThat(r.err()).contains("all expectations hold");
  }

  @Test
  void simulateTextTimeline() {
    CliRun r = run("simulate", "--format", "text", EXAMPLES.resolve("shop.yaml").toString(), EXAMPLES.resolve("scenarios/intruder/dd243-5.4.1b-independent-detector-confirms.yaml").toString());
    assertThat(r.out()).contains("notification signal=CONFIRMED_INTRUDER").contains("[DD243 5.4.1(b)]");
  }

  @Test
  void simulateExitsOneNamingTheFailedExpectation() throws IOException {
    Path f = dir.resolve("fail.yaml");
    Files.writeString(f, "steps:\n  - active: pir-shop\n  - expect: {effect: notification, signal: INTRUDER}\n");
    CliRun r = run("simulate", EXAMPLES.resolve("shop.yaml").toString(), f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("fail.yaml:3:").contains("signal=INTRUDER").contains("did not occur");
  }

  @Test
  void simulateExitsTwoOnABadScenario() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "steps:\n  - active: ghost\n");
    CliRun r = run("simulate", EXAMPLES.resolve("shop.yaml").toString(), f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml:2:").contains("unknown device 'ghost'");
  }

  @Test
  void simulateGenerateReportsTheTime() {
    CliRun r = run("simulate", EXAMPLES.resolve("shop.yaml").toString(), "--generate", "2000", "--span", "2h", "-q");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("inputs over 2h of virtual time").contains(" ms");
  }

  @Test
  void simulateWithArcPrintsTheArcDecisionsOnThePanelsNotifications() {
    CliRun r = run("simulate", EXAMPLES.resolve("shop.yaml").toString(),
        EXAMPLES.resolve("scenarios/end-to-end/bs8243-7.5.3-confirmed-intruder-then-unset-within-120s.yaml").toString(),
        "--arc");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"arc\":\"FilterStarted\"").contains("\"arc\":\"AlarmCancelledAsFalseAlert\"")
        .contains("BS8243 7.5.3(b)");
  }
}
