package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCommandTest {
  static final Path BANK = Path.of("..", "examples", "bank.yaml").toAbsolutePath().normalize();


  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** Starts {@code vigil panel} in its own JVM (so it can be killed like a power cut); returns it and its keypad URL. */
  static Process startPanel(Path data, List<String> lines) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.vigil.app.Vigil", "panel",
        "--config", BANK.toString(), "--data", data.toString(), "--http-port", "0", "--no-signalling")
        .redirectErrorStream(true).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      lines.add(line);
      if (line.startsWith("Stop with Ctrl-C")) break;
    }
    Thread.ofVirtual().start(() -> r.lines().forEach(l -> {}));
    return p;
  }

  static String keypadBase(List<String> lines) {
    for (String l : lines) {
      Matcher m = Pattern.compile("Keypad:\\s+(http://\\S+)/keypad/kp-hall").matcher(l);
      if (m.find()) return m.group(1);
    }
    throw new AssertionError("no keypad URL in " + lines);
  }

  @Test
  void killedLikeAPowerCutThePanelComesBackInTheSameStateAndReportsTheRestart(@TempDir Path data) throws Exception {
    List<String> lines = new ArrayList<>();
    Process p = startPanel(data, lines);
    try {
      String base = keypadBase(lines);
      HttpClient http = HttpClient.newHttpClient();
      for (char c : "314159A".toCharArray()) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/keypad/kp-hall/key"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("key=" + c)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook runs, as with a power cut
      p.waitFor(10, TimeUnit.SECONDS);
    }
    List<String> again = new ArrayList<>();
    Process q = startPanel(data, again);
    q.destroyForcibly();
    q.waitFor(10, TimeUnit.SECONDS);
    assertThat(again).anyMatch(l -> l.contains("(state restored)"));
    CliRun log = run("panel", "log", "--data", data.toString());
    assertThat(log.code()).isZero();
    assertThat(log.out()).contains("panel started for the first time", "hall: unset -> setting", "panel restarted: state restored",
        "hall setting", "chain intact").doesNotContain("314159");
  }

  @Test
  void panelLogExitsOneAndNamesTheLineWhenTheChainIsBroken(@TempDir Path data) throws Exception {
    Path f = data.resolve("events.log");
    try (var log = org.vigil.panel.eventlog.EventLog.open(f)) {
      for (int i = 0; i < 3; i++) log.append(java.time.Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i),
          org.vigil.panel.eventlog.EventClass.MANDATORY, true, "entry " + i, "");
    }
    Files.writeString(f, Files.readString(f).replace("entry 1", "entry X"));
    CliRun r = run("panel", "log", "--file", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("CHAIN BROKEN", "line 2");
  }

  @Test
  void panelLogWithoutALogSaysSo(@TempDir Path data) {
    CliRun r = run("panel", "log", "--data", data.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no event log");
  }

  @Test
  void panelWithABadSiteFileListsTheProblems(@TempDir Path data) throws Exception {
    Path bad = data.resolve("bad.yaml");
    Files.writeString(bad, "site: {name: x}\nareas: [oops\n");
    CliRun r = run("panel", "--config", bad.toString(), "--data", data.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("has problems");
  }
}
