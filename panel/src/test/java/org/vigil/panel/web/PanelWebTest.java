package org.vigil.panel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.restore.RestoreFeature;
import org.vigil.panel.eventlog.LogEntry;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.testing.HandClock;
import org.vigil.panel.testing.RecordingUplink;

/**
 * The panel's pages over real HTTP on a hand-moved clock: access level 3 on the installer view
 * (granted by a level 2 user through the engine, installer code login, ends at expiry), the engineer
 * functions, and the site simulator's token.
 */
class PanelWebTest {
  static final String MANAGER = "271828";
  static final String CASHIER = "161803";
  static final String INSTALLER = "802154";
  static final String TOKEN = "simulator-token-for-tests";

  @TempDir Path dir;
  final HandClock clock = new HandClock(Instant.parse("2026-11-24T10:00:00Z"));
  PanelService panel;
  PanelWeb web;
  HttpClient http;

  /** The bank branch with an installer (user 9, level 0 everywhere). */
  static SiteConfig bank() throws Exception {
    String text = Files.readString(Path.of("..", "examples", "bank.yaml")).replace("\nusers:\n",
        "\nusers:\n  - {number: 9, name: Installer, home_area: hall, authority: {hall: 0, office: 0, vault: 0}, pin: \"" + INSTALLER + "\"}\n");
    return new SiteLoader(1).parse(text, null).orThrow();
  }

  @BeforeEach
  void start() throws Exception {
    panel = PanelService.start(bank(), dir, clock, new RecordingUplink());
    web = PanelWeb.start(panel, new DirectActions(panel), null, new PanelWeb.Options("127.0.0.1", 0, TOKEN));
    http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  @AfterEach
  void stop() {
    if (web != null) web.close();
    if (panel != null) panel.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + web.port() + path;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String... form) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < form.length; i += 2) {
      b.append(b.isEmpty() ? "" : "&").append(form[i]).append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> grant(String code) throws Exception {
    return post("/installer/grant", "keypad", "kp-hall", "code", code);
  }

  HttpResponse<String> login(String code) throws Exception {
    return post("/installer/login", "code", code);
  }

  List<String> log() {
    return panel.eventLog().entries().stream().map(LogEntry::message).toList();
  }

  void keys(String keypad, String keys) {
    for (char c : keys.toCharArray()) panel.apply(new Input.KeyPressed(keypad, String.valueOf(c)));
  }

  @Test
  void installerViewShowsNothingButTheWayInBeforeLogin() throws Exception {
    HttpResponse<String> r = get("/installer");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Authorise installer access", "installer code", "not authorised now")
        .doesNotContain("Event log", "panel started", "Design validator", "data-device");
    assertThat(get("/installer/live").statusCode()).isEqualTo(401);
    assertThat(post("/installer/engineer/isolate", "target", "pir-hall").statusCode()).isEqualTo(401);
    assertThat(panel.state().zone("pir-hall").isolated()).isFalse();
  }

  @Test
  void levelThreeAccessNeedsAuthorisationByALevelTwoUser() throws Exception {
    HttpResponse<String> early = login(INSTALLER);
    assertThat(early.statusCode()).isEqualTo(403);
    assertThat(early.body()).contains("Installer access not authorised by a master or manager");

    assertThat(grant(CASHIER).body()).contains("Only a master or manager may authorise installer access");
    assertThat(login(INSTALLER).statusCode()).isEqualTo(403);

    assertThat(grant(MANAGER).body()).contains("Installer access authorised for 24h");
    HttpResponse<String> ok = login(INSTALLER);
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly", "SameSite=Strict");
    HttpResponse<String> page = get("/installer");
    assertThat(page.body()).contains("Logged in as user 9", "access level 3 ends in 24 h 0 min", "Design validator", "Event log",
        "data-engineer=\"isolate:pir-hall\"");
    assertThat(log()).anyMatch(m -> m.startsWith("installer access authorised by user 2 for 24h"))
        .anyMatch(m -> m.startsWith("installer view: user 9 refused: Installer access not authorised"))
        .anyMatch(m -> m.startsWith("installer view: user 9 logged in (level 3 until 2026-11-25T10:00:00Z)"));
  }

  @Test
  void aManagerOrMasterCodeIsNotAnInstallerLogin() throws Exception {
    grant(MANAGER);
    HttpResponse<String> r = login(MANAGER);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("Not an installer code");
    assertThat(get("/installer/live").statusCode()).isEqualTo(401);
  }

  @Test
  void accessEndsAtExpiryAndTheEndIsLogged() throws Exception {
    grant(MANAGER);
    login(INSTALLER);
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(get("/installer/live").body()).contains("access level 3 ends in 1 min 0 s");
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> live = get("/installer/live");
    assertThat(live.statusCode()).isEqualTo(401);
    assertThat(live.headers().firstValue("HX-Redirect")).hasValue("/installer");
    assertThat(post("/installer/engineer/isolate", "target", "pir-hall").statusCode()).isEqualTo(401);
    assertThat(panel.state().zone("pir-hall").isolated()).isFalse();
    assertThat(log()).contains("installer view: session of user 9 ended: installer access expired at 2026-11-25T10:00:00Z");
    // The installer code no longer logs in either.
    assertThat(login(INSTALLER).statusCode()).isEqualTo(403);
  }

  @Test
  void aManagerEndingTheAccessAtAKeypadEndsTheSession() throws Exception {
    grant(MANAGER);
    login(INSTALLER);
    assertThat(get("/installer/live").statusCode()).isEqualTo(200);
    keys("kp-hall", "*" + MANAGER + "#64");
    assertThat(get("/installer/live").statusCode()).isEqualTo(401);
    assertThat(log()).contains("installer view: session of user 9 ended: installer access ended by a master or manager");
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    grant(MANAGER);
    login(INSTALLER);
    assertThat(post("/installer/logout").statusCode()).isEqualTo(303);
    assertThat(get("/installer/live").statusCode()).isEqualTo(401);
    assertThat(log()).contains("installer view: user 9 logged out");
  }

  @Test
  void wrongInstallerCodesLockTheLoginAndNoCodeIsEverLogged() throws Exception {
    grant(MANAGER);
    int attempts = panel.site().codes().lockoutAttempts();
    for (int i = 1; i < attempts; i++) assertThat(login("99999" + (i % 10)).statusCode()).isEqualTo(401);
    HttpResponse<String> last = login("000000");
    assertThat(last.statusCode()).isEqualTo(429);
    // Locked: even the right code is refused until the lockout ends.
    assertThat(login(INSTALLER).statusCode()).isEqualTo(429);
    clock.advance(panel.site().codes().lockoutTime());
    assertThat(login(INSTALLER).statusCode()).isEqualTo(303);
    assertThat(log()).contains("installer view locked for 1m30s after " + attempts + " wrong codes");
    assertThat(login("12ab").statusCode()).isEqualTo(401); // not digits: refused as a wrong code, never an error
    String file = Files.readString(panel.eventLog().file());
    assertThat(file).doesNotContain(INSTALLER).doesNotContain(MANAGER).doesNotContain("999991").doesNotContain("000000");
  }

  @Test
  void engineerIsolatesAndReincludesAZoneThroughTheEngine() throws Exception {
    grant(MANAGER);
    login(INSTALLER);
    HttpResponse<String> r = post("/installer/engineer/isolate", "target", "pir-hall");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Hall PIR isolated by user 9 until re-included", "EN50131-1 isolate");
    assertThat(panel.state().zone("pir-hall").isolated()).isTrue();
    assertThat(get("/installer/live").body()).contains("data-engineer=\"reinclude:pir-hall\"");
    assertThat(post("/installer/engineer/reinclude", "target", "pir-hall").body()).contains("Hall PIR re-included by user 9");
    assertThat(panel.state().zone("pir-hall").isolated()).isFalse();
    assertThat(post("/installer/engineer/isolate", "target", "no-such-zone").statusCode()).isEqualTo(400);
    assertThat(post("/installer/engineer/teleport", "target", "x").statusCode()).isEqualTo(404);
  }

  @Test
  void engineerRestoresAnAreaAfterAConfirmedAlarm() throws Exception {
    // BS 8243 6.3(a): code + A, door opened and closed, shunt lock locked.
    keys("kp-hall", "314159A");
    clock.advance(Duration.ofSeconds(5));
    panel.apply(new Input.DetectorActive("front-door"));
    panel.apply(new Input.DetectorNormal("front-door"));
    panel.apply(new Input.DetectorActive("front-lock"));
    assertThat(panel.state().area("hall").status()).isEqualTo(AreaStatus.SET);
    clock.advance(Duration.ofMinutes(1));
    panel.apply(new Input.DetectorActive("gb-hall"));
    clock.advance(Duration.ofMinutes(1));
    panel.apply(new Input.DetectorActive("pir-hall"));
    panel.apply(new Input.DetectorNormal("gb-hall"));
    panel.apply(new Input.DetectorNormal("pir-hall"));
    keys("kp-hall", "*" + MANAGER + "U");
    assertThat(panel.state().area("hall").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(restoreRequired()).contains("hall");
    // The manager may not restore; the installer view offers the engineer restore.
    grant(MANAGER);
    login(INSTALLER);
    assertThat(get("/installer/live").body()).contains("engineer restore required", "data-engineer=\"restore:hall\"");
    HttpResponse<String> r = post("/installer/engineer/restore", "target", "hall");
    assertThat(r.body()).contains("confirmed intruder alarm", "restored by user 9 (access level 3", "EN50131-1 Table 6");
    assertThat(restoreRequired()).doesNotContain("hall");
  }

  java.util.Set<String> restoreRequired() {
    var memory = panel.state().feature(RestoreFeature.State.class, RestoreFeature.State.EMPTY);
    return memory.areas().entrySet().stream().filter(e -> !e.getValue().items().isEmpty()).map(java.util.Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void walkTestListsTheDetectorsSeenAndLogsTheMissingOnes() throws Exception {
    grant(MANAGER);
    login(INSTALLER);
    post("/installer/engineer/walktest", "target", "start");
    panel.apply(new Input.DetectorActive("pir-hall"));
    panel.apply(new Input.DetectorNormal("pir-hall"));
    String live = get("/installer/live").body();
    assertThat(live).contains("Walk test running", "1 of 15 detectors seen", "data-walk=\"pir-hall\">seen", "data-walk=\"dt-hall\">not yet");
    post("/installer/engineer/walktest", "target", "stop");
    assertThat(log()).contains("walk test started by user 9")
        .anyMatch(m -> m.startsWith("walk test ended by user 9: 1 of 15 detectors seen; not seen: front-door, front-lock, dt-hall"));
  }

  @Test
  void theInstallerSeesInstallerEntriesAndVerifiesTheChain() throws Exception {
    panel.eventLog().append(clock.instant(), org.vigil.panel.eventlog.EventClass.MANDATORY, false, "an installer-only entry", "test");
    grant(MANAGER);
    login(INSTALLER);
    assertThat(get("/installer/live").body()).contains("an installer-only entry", "(installer)");
    HttpResponse<String> v = post("/installer/engineer/verify", "target", "log");
    assertThat(v.body()).contains("Chain intact");
    assertThat(log()).anyMatch(m -> m.startsWith("event log verified by user 9: chain intact"));
  }

  @Test
  void aCrossSitePostIsRefused() throws Exception {
    grant(MANAGER);
    login(INSTALLER);
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/installer/engineer/isolate")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString("target=pir-hall")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(panel.state().zone("pir-hall").isolated()).isFalse();
  }

  @Test
  void theSimulatorOpensOnlyWithItsToken() throws Exception {
    assertThat(get("/simulator").statusCode()).isEqualTo(403);
    assertThat(post("/simulator/detector", "device", "pir-hall", "value", "active").statusCode()).isEqualTo(403);
    assertThat(post("/simulator/detector", "device", "pir-hall", "value", "active", "token", "guess").statusCode()).isEqualTo(403);
    assertThat(panel.state().zone("pir-hall").active()).isFalse();
    HttpResponse<String> in = get("/simulator?token=" + TOKEN);
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/simulator");
    // The cookie carries the token from now on.
    assertThat(get("/simulator").body()).contains("Site simulator", "Front door");
    assertThat(post("/simulator/detector", "device", "pir-hall", "value", "active").statusCode()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> panel.state().zone("pir-hall").active());
  }

  @Test
  void withoutATokenThereIsNoSimulator() throws Exception {
    try (PanelWeb off = PanelWeb.start(panel, new DirectActions(panel), null, "127.0.0.1", 0)) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + off.port() + "/simulator?token=x")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theWebKeypadHasTheHashKeyForFunctions() throws Exception {
    assertThat(get("/keypad/kp-hall").body()).contains("data-key=\"#\"");
    for (char c : ("*" + MANAGER + "#65").toCharArray()) {
      assertThat(post("/keypad/kp-hall/key", "key", String.valueOf(c)).statusCode()).isEqualTo(200);
    }
    assertThat(panel.display("kp-hall")).hasValue("Installer access authorised for 24h");
    assertThat(web.installers().authorisation().open()).isTrue();
  }
}
