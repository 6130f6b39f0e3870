package org.vigil.arc.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.console.ArcConsole;
import org.vigil.arc.console.ConsoleModule;
import org.vigil.arc.console.web.Json;
import org.vigil.arc.testing.Dc09TestClient;
import org.vigil.arc.testing.TestPostgres;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.ExtendedData;

/**
 * The ARC end to end with a real DC-09 receiver, PostgreSQL and console: a frame whose [V] block links to a local
 * HTTP "panel" is acknowledged at once, its images are fetched, stored, listed and served by the API, viewed per
 * operator, and the viewed count reaches the engine (visual designation, BS8243 7.2.1/7.2.2). Bad links leave the
 * alarm in place and are shown as such.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmImagesApiTest {
  static final String ADMIN_PASSWORD = "first start password";
  /** A real 4x3 PNG, so a browser can draw it. */
  static final byte[] PNG = png();

  static byte[] png() {
    try {
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
      img.setRGB(1, 1, 0xFF0000);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
  @TempDir Path dir;
  ArcService arc;
  ArcConsole console;
  HttpServer panel;
  String base;
  String panelBase;
  final CountDownLatch ackSeen = new CountDownLatch(1);
  int seq = 1;

  @BeforeAll
  void start() throws Exception {
    arc = ArcService.start(ArcConfig.loopback(dir).withJdbc(TestPostgres.newDatabase(), null, null));
    console = ArcConsole.attach(arc, new ArcConsole.Options(new InetSocketAddress("127.0.0.1", 0), Optional.of(ADMIN_PASSWORD), 1000), l -> {});
    console.images().limits(new ImageFetcher.Limits(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ZERO, 64 * 1024, 4096, 10, 3));
    base = "http://127.0.0.1:" + console.port();
    panel = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    panel.setExecutor(Executors.newCachedThreadPool());
    // Like the panel's ImageServer; it answers only once the test has its ACK: the ACK never waits for images.
    panel.createContext("/images/", ex -> {
      try {
        ackSeen.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String rest = ex.getRequestURI().getPath().substring("/images/".length());
      if (rest.startsWith("gone/")) ImageFetcherTest.send(ex, 404, "text/plain", "no such capture".getBytes());
      else if (rest.endsWith("/")) ImageFetcherTest.send(ex, 200, "text/plain", "cam-1.png\ncam-2.png\ncam-3.png\n".getBytes(StandardCharsets.UTF_8));
      else ImageFetcherTest.send(ex, 200, "image/png", PNG);
    });
    panel.start();
    panelBase = "http://127.0.0.1:" + panel.getAddress().getPort();
    Client admin = login("admin", ADMIN_PASSWORD);
    HttpResponse<String> created = admin.send("POST", "/console/api/accounts", """
        {"accountId":"1234","receiverPrefix":"1","name":"Northgate Bank","address":"1 High Street",
         "keyForm":"NONE","paths":[{"name":"*","supervisionSeconds":3600}],"urnHoldUp":"AB/12345/H"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    // a site of its own for the visual designation: no other hold-up in its confirmation time
    assertThat(admin.send("POST", "/console/api/accounts", """
        {"accountId":"5678","receiverPrefix":"1","name":"Southgate Bank","address":"2 High Street",
         "keyForm":"NONE","paths":[{"name":"*","supervisionSeconds":3600}],"urnHoldUp":"AB/12345/J"}""").statusCode()).isEqualTo(201);
    assertThat(admin.send("POST", "/console/api/operators", "{\"username\":\"op2\",\"displayName\":\"Two\",\"role\":\"OPERATOR\",\"password\":\"second operator pw\"}")
        .statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().knows("1234") && console.desk().knows("5678"));
  }

  @AfterAll
  void stop() {
    if (panel != null) panel.stop(0);
    if (console != null) console.close();
    if (arc != null) arc.close();
  }

  final class Client {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String csrf;

    HttpResponse<String> send(String method, String path, String body) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
      if (csrf != null) b.header(ConsoleModule.CSRF_HEADER, csrf);
      return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(String path) throws Exception {
      HttpResponse<String> r = send("GET", path, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return Json.MAPPER.readTree(r.body());
    }
  }

  Client login(String user, String password) throws Exception {
    Client c = new Client();
    HttpResponse<String> r = c.send("POST", "/console/api/session", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    c.csrf = Json.MAPPER.readTree(r.body()).get("csrfToken").asText();
    return c;
  }

  /** Sends one frame with a [V] block; returns the alarm id the ARC opened for it. */
  String send(Dc09Id id, String data, String link) throws Exception {
    return send("1234", id, data, link);
  }

  String send(String account, Dc09Id id, String data, String link) throws Exception {
    Dc09Frame f = Dc09Frame.builder(id).sequence(seq++).line("1").account(account).data(data)
        .extended(link == null ? List.of() : List.of(new ExtendedData('V', link))).timestamp(Instant.now()).build();
    try (Dc09TestClient c = new Dc09TestClient(arc.dc09Port())) {
      Dc09Frame ack = Dc09TestClient.decode(c.exchange(Dc09TestClient.encode(f)));
      assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
    }
    ackSeen.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> !console.desk().open().isEmpty());
    await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().open().stream().anyMatch(a -> a.accountId().equals(account)));
    return console.desk().open().stream().filter(a -> a.accountId().equals(account)).reduce((a, b) -> b).orElseThrow().id();
  }

  JsonNode settledImages(Client c, String alarm) {
    JsonNode[] out = new JsonNode[1];
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      out[0] = c.json("/console/api/alarms/" + alarm + "/images");
      JsonNode f = out[0].get("fetches");
      return f.size() > 0 && !f.get(0).get("status").asText().equals("PENDING");
    });
    return out[0];
  }

  void closeAll(Client c) throws Exception {
    for (var a : console.desk().open()) {
      c.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}");
      c.send("POST", "/console/api/alarms/" + a.id() + "/actions/close", "{\"cause\":\"GENUINE\"}");
    }
  }

  @Test
  void bs8243_7_2_1_imagesOfAHoldUpAreFetchedStoredListedServedAndViewedPerOperatorBeforeAVisualDesignation() throws Exception {
    Client admin = login("admin", ADMIN_PASSWORD);
    closeAll(admin);
    String alarm = send("5678", Dc09Id.SIA_DCS, "#5678|Nri1/HA001", panelBase + "/images/hua-1/");

    JsonNode images = settledImages(admin, alarm);
    assertThat(images.get("fetches").get(0).get("status").asText()).isEqualTo("COMPLETE");
    assertThat(images.get("fetches").get(0).get("images").asInt()).isEqualTo(3);
    assertThat(images.get("images")).hasSize(3);
    String imageId = images.get("images").get(0).get("id").asText();
    assertThat(images.get("images").get(0).get("caption").asText()).contains("cam-1.png").contains("image/png");

    // served with its sniffed type, to logged-in users only
    HttpResponse<byte[]> img = admin.bytes("/console/api/alarms/" + alarm + "/images/" + imageId);
    assertThat(img.statusCode()).isEqualTo(200);
    assertThat(img.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    assertThat(img.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(img.body()).isEqualTo(PNG);
    assertThat(admin.bytes("/console/alarms/" + alarm + "/images/" + imageId).body()).isEqualTo(PNG);
    assertThat(new Client().bytes("/console/api/alarms/" + alarm + "/images/" + imageId).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> anonymousPage = new Client().bytes("/console/alarms/" + alarm + "/images/" + imageId);
    assertThat(anonymousPage.statusCode()).isEqualTo(302); // to the login page
    assertThat(anonymousPage.body()).isNotEqualTo(PNG);
    assertThat(admin.send("GET", "/console/api/alarms/" + alarm + "/images/999999", null).statusCode()).isEqualTo(404);
    assertThat(admin.send("GET", "/console/api/alarms/" + alarm + "/images/abc", null).body()).contains("Image id must be a number");

    // the detail page shows them (escaped links to the console's own URLs)
    String page = admin.send("GET", "/console/alarms/" + alarm, null).body();
    assertThat(page).contains("Images complete").contains("/console/alarms/" + alarm + "/images/" + imageId).contains("not viewed by you");

    // visual designation needs every image viewed by the operator who designates
    assertThat(admin.send("POST", "/console/api/alarms/" + alarm + "/actions/take", "{}").statusCode()).isEqualTo(200);
    HttpResponse<String> early = admin.send("POST", "/console/api/alarms/" + alarm + "/actions/designate-visual", "{}");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("BS8243 7.2.1");
    for (JsonNode i : images.get("images")) {
      HttpResponse<String> v = admin.send("POST", "/console/api/alarms/" + alarm + "/images/" + i.get("id").asText() + "/viewed", null);
      assertThat(v.statusCode()).as(v.body()).isEqualTo(200);
    }
    assertThat(admin.send("POST", "/console/api/alarms/" + alarm + "/images/999999/viewed", null).statusCode()).isEqualTo(404);
    JsonNode seen = admin.json("/console/api/alarms/" + alarm + "/images");
    assertThat(seen.get("images")).allSatisfy(i -> assertThat(i.get("viewedByMe").asBoolean()).isTrue());
    assertThat(console.desk().find(alarm).orElseThrow().history()).anySatisfy(h -> assertThat(h.action()).contains("admin viewed 3 of 3 images"));

    // another operator sees who viewed them, and that they have not
    Client op2 = login("op2", "second operator pw");
    JsonNode theirs = op2.json("/console/api/alarms/" + alarm + "/images");
    assertThat(theirs.get("images")).allSatisfy(i -> {
      assertThat(i.get("viewedByMe").asBoolean()).isFalse();
      assertThat(i.get("viewedBy").toString()).contains("admin");
    });

    HttpResponse<String> visual = admin.send("POST", "/console/api/alarms/" + alarm + "/actions/designate-visual", "{}");
    assertThat(visual.statusCode()).as(visual.body()).isEqualTo(200);
    assertThat(console.desk().find(alarm).orElseThrow().designation().name()).isEqualTo("VISUALLY_CONFIRMED");
    assertThat(console.module().auditTrail().forAlarm(alarm)).extracting(e -> e.action()).contains("alarm.view-image", "alarm.designate-visual");

    // a browser check: op2 logs in, sees the three images drawn, marks one viewed
    try (com.microsoft.playwright.Playwright pw = com.microsoft.playwright.Playwright.create(
        new com.microsoft.playwright.Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
         com.microsoft.playwright.Browser browser = pw.chromium().launch(new com.microsoft.playwright.BrowserType.LaunchOptions().setHeadless(true)
             .setExecutablePath(java.nio.file.Paths.get("/usr/bin/chromium")).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
      com.microsoft.playwright.Page browserPage = browser.newPage();
      browserPage.setDefaultTimeout(15_000);
      browserPage.navigate(base + "/console/login");
      browserPage.fill("input[name=username]", "op2");
      browserPage.fill("input[name=password]", "second operator pw");
      browserPage.click("button[type=submit]");
      browserPage.waitForURL("**/console/queue");
      browserPage.navigate(base + "/console/alarms/" + alarm);
      browserPage.waitForFunction("() => [...document.querySelectorAll('.images img')].length === 3"
          + " && [...document.querySelectorAll('.images img')].every(i => i.complete && i.naturalWidth === 4)");
      assertThat(browserPage.textContent(".image-fetches")).contains("Images complete").contains("3 image(s)");
      browserPage.click(".images figure:first-child form button");
      browserPage.waitForSelector("text=viewed by you");
      assertThat(console.module().auditTrail().forAlarm(alarm)).anySatisfy(e -> {
        assertThat(e.action()).isEqualTo("alarm.view-image");
        assertThat(e.actor()).isEqualTo("op2");
      });
    }
  }

  @Test
  void aFetchCutShortByAStopIsFetchedAgainAtStartWhenRecentAndClosedAsFailedWhenOld() throws Exception {
    Client admin = login("admin", ADMIN_PASSWORD);
    closeAll(admin);
    String alarm = send(Dc09Id.SIA_DCS, "#1234|Nri1/HA004", null);
    long signal = arc.signals().signals(null, 1).get(0).id(); // the frame just sent
    // as a stop would leave them: two fetches still PENDING, one a minute old, one an hour old
    ImageArchive archive = console.images().archive();
    long recent = archive.startFetch(signal, "1234", panelBase + "/images/resumed/", Instant.now().minusSeconds(60));
    long old = archive.startFetch(signal, "1234", panelBase + "/images/too-old/", Instant.now().minus(Duration.ofHours(1)));

    assertThat(console.images().resumePending()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> archive.fetches(List.of(signal)).stream().noneMatch(ImageArchive.Fetch::pending));
    assertThat(archive.fetches(List.of(signal))).satisfiesExactlyInAnyOrder(
        f -> {
          assertThat(f.id()).isEqualTo(recent);
          assertThat(f.status()).isEqualTo("COMPLETE");
        },
        f -> {
          assertThat(f.id()).isEqualTo(old);
          assertThat(f.status()).isEqualTo("FAILED");
          assertThat(f.detail()).contains("stopped while fetching");
        });
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(console.desk().find(alarm).orElseThrow().images()).hasSize(3));
  }

  @Test
  void aContactIdFrameCarriesItsImageLinkToo() throws Exception {
    Client admin = login("admin", ADMIN_PASSWORD);
    closeAll(admin);
    String alarm = send(Dc09Id.ADM_CID, "#1234|1122 01 005", panelBase + "/images/hua-cid/");

    JsonNode images = settledImages(admin, alarm);
    assertThat(images.get("images")).hasSize(3);
  }

  @Test
  void aLinkThat404sLeavesTheAlarmInPlaceAndTellsTheOperator() throws Exception {
    Client admin = login("admin", ADMIN_PASSWORD);
    closeAll(admin);
    String alarm = send(Dc09Id.SIA_DCS, "#1234|Nri1/HA002", panelBase + "/images/gone/");

    JsonNode images = settledImages(admin, alarm);
    JsonNode fetch = images.get("fetches").get(0);
    assertThat(fetch.get("status").asText()).isEqualTo("FAILED");
    assertThat(fetch.get("detail").asText()).contains("HTTP 404");
    assertThat(images.get("images")).isEmpty();
    assertThat(console.desk().find(alarm)).hasValueSatisfying(a -> assertThat(a.kind().name()).isEqualTo("HOLD_UP"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(console.desk().find(alarm).orElseThrow().history()).anySatisfy(h -> assertThat(h.action()).contains("no images received")));
    assertThat(admin.send("GET", "/console/alarms/" + alarm, null).body()).contains("Images not received").contains("HTTP 404");
  }

  @Test
  void aMalformedVBlockIsShownAndTheAlarmIsNeverLost() throws Exception {
    Client admin = login("admin", ADMIN_PASSWORD);
    closeAll(admin);
    String alarm = send(Dc09Id.SIA_DCS, "#1234|Nri1/HA003", "<script>alert(1)</script>");

    JsonNode images = settledImages(admin, alarm);
    assertThat(images.get("fetches").get(0).get("status").asText()).isEqualTo("MALFORMED");
    String page = admin.send("GET", "/console/alarms/" + alarm, null).body();
    assertThat(page).contains("Image link unusable").contains("&lt;script&gt;").doesNotContain("<script>alert(1)");
  }
}
