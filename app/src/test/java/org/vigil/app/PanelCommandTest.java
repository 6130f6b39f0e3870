package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  static Process startPanel(Path data, List<String> lines, String... more) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.vigil.app.Vigil", "panel",
        "--config", BANK.toString(), "--data", data.toString(), "--http-port", "0", "--no-signalling"));
    cmd.addAll(List.of(more));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
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

  static String simulatorLink(List<String> lines) {
    for (String l : lines) {
      Matcher m = Pattern.compile("Simulator:\\s+(http://\\S+)").matcher(l);
      if (m.find()) return m.group(1);
    }
    throw new AssertionError("no simulator link in " + lines);
  }

  static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode snapshot(Path data) throws Exception {
    List<String> l = Files.readAllLines(data.resolve("state.json"));
    return new ObjectMapper().readTree(l.get(1));
  }

  /**
   * Power cut while the hall is set and an alarm is running (bell time, confirmation window as
   * deadlines): after the restart the hall is still set, the bell still on, and every running timer
   * has exactly the deadline it had.
   */
  @Test
  void killedWhileSetWithAnAlarmRunningThePanelComesBackSetWithItsTimersIntact(@TempDir Path data) throws Exception {
    List<String> lines = new ArrayList<>();
    Process p = startPanel(data, lines, "--simulator");
    HttpClient http = HttpClient.newHttpClient();
    JsonNode before;
    try {
      String link = simulatorLink(lines);
      String token = link.substring(link.indexOf("token=") + 6);
      String base = keypadBase(lines);
      for (char c : "314159A".toCharArray()) assertThat(post(http, base + "/keypad/kp-hall/key", "key=" + c).statusCode()).isEqualTo(200);
      for (String[] a : new String[][] {{"front-door", "active"}, {"front-door", "normal"}, {"front-lock", "active"}, {"gb-hall", "active"}}) {
        assertThat(post(http, base + "/simulator/detector", "device=" + a[0] + "&value=" + a[1] + "&token=" + token).statusCode()).isEqualTo(200);
        Thread.sleep(300); // the simulator hands clicks to the panel asynchronously; keep their order
      }
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).conditionEvaluationListener(c -> {
        try {
          if (c.getRemainingTimeInMS() < 600) System.err.println("SNAPSHOT " + Files.readAllLines(data.resolve("state.json")).get(1));
        } catch (java.io.IOException e) {
          System.err.println("SNAPSHOT unreadable: " + e);
        }
      }).until(() -> {
        JsonNode s = snapshot(data);
        return s.at("/areas/hall/status/1").asText().equals("SET") && s.at("/outputs/bell").asBoolean() && s.at("/zones/gb-hall/active").asBoolean();
      });
      before = snapshot(data);
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook runs, as with a power cut
      p.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(before.get("deadlines").size()).as("running timers").isGreaterThan(0);
    List<String> again = new ArrayList<>();
    Process q = startPanel(data, again);
    JsonNode after;
    try {
      after = snapshot(data);
    } finally {
      q.destroyForcibly();
      q.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(again).anyMatch(l -> l.contains("(state restored)"));
    assertThat(after.at("/areas/hall")).isEqualTo(before.at("/areas/hall"));
    assertThat(after.at("/outputs/bell").asBoolean()).isTrue();
    assertThat(after.get("zones")).isEqualTo(before.get("zones"));
    // A short timer (the set indication) may fall due between the kill and the restart on a slow machine and is
    // then fired on restart; every timer still running when the panel is back must keep its exact deadline.
    java.time.Instant back = java.time.Instant.now();
    List<JsonNode> stillRunning = new ArrayList<>();
    before.get("deadlines").get(1).forEach(d -> {
      if (java.time.Instant.parse(d.get("at").get(1).asText()).isAfter(back)) stillRunning.add(d);
    });
    List<JsonNode> restored = new ArrayList<>();
    after.get("deadlines").get(1).forEach(restored::add);
    assertThat(stillRunning).as("the bell cut-off and confirmation timers are still running").hasSizeGreaterThanOrEqualTo(2);
    assertThat(restored).as("every timer keeps its deadline").containsAll(stillRunning);
    CliRun log = run("panel", "log", "--data", data.toString());
    assertThat(log.out()).contains("panel restarted: state restored", "hall set", "chain intact");
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
