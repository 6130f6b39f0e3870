package org.vigil.app.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.console.ArcConsole;
import org.vigil.arc.console.ConsoleModule;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.Input;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.service.TransmitterUplink;
import org.vigil.panel.visual.ImageServer;
import org.vigil.panel.visual.ImageStore;

/**
 * Visual confirmation end to end, everything real and on loopback (BS 8243 5.3.1, 7.2.1): a camera (local HTTP
 * server) -> the panel service captures three images and serves them -> the HUA leaves at once over DC-09 with a
 * {@code [V]} link -> the ARC acknowledges, opens the alarm, fetches the images, stores them in PostgreSQL -> the
 * console API lists and serves them to a logged-in operator.
 */
class HoldUpImagesEndToEndTest {
  static final String PASSWORD = "end to end admin password";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1};
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void bs8243_5_3_1_aHoldUpPressReachesTheOperatorWithItsImagesOverDc09() throws Exception {
    Path dir = Files.createTempDirectory("vigil-e2e-images");
    HttpServer camera = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    camera.createContext("/snapshot.png", ex -> {
      ex.getResponseHeaders().set("Content-Type", "image/png");
      ex.sendResponseHeaders(200, PNG.length);
      ex.getResponseBody().write(PNG);
      ex.close();
    });
    camera.start();
    try (ArcService arc = ArcService.start(ArcConfig.loopback(dir.resolve("arc")));
         ArcConsole console = ArcConsole.attach(arc, new ArcConsole.Options(new InetSocketAddress("127.0.0.1", 0), Optional.of(PASSWORD), 1000), l -> {})) {
      String base = "http://127.0.0.1:" + console.port();
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      HttpResponse<String> login = send(http, base, "POST", "/console/api/session", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", null);
      assertThat(login.statusCode()).isEqualTo(201);
      String csrf = JSON.readTree(login.body()).get("csrfToken").asText();
      HttpResponse<String> created = send(http, base, "POST", "/console/api/accounts", """
          {"accountId":"1234","receiverPrefix":"1","name":"High Street Branch","address":"1 Market Square",
           "keyForm":"NONE","paths":[{"name":"*","supervisionSeconds":3600}],"urnHoldUp":"AB/12345/H"}""", csrf);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().knows("1234"));

      SiteConfig site = site("http://127.0.0.1:" + camera.getAddress().getPort() + "/snapshot.png", arc.dc09Port());
      ImageStore images = new ImageStore();
      try (ImageServer server = ImageServer.start(images, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
           TransmitterUplink uplink = TransmitterUplink.start(site.transmission(), dir.resolve("panel").resolve("outbound.queue"), Clock.systemUTC(), (p, up) -> {});
           PanelService panel = PanelService.start(site, Files.createDirectories(dir.resolve("panel")), Clock.systemUTC(), uplink,
               new PanelService.Visual(images, server::linkFor))) {
        panel.apply(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));

        // the alarm is at the operator before any image (the capture takes about 4 s)
        // (the panel's start also sends its restart report, a technical alarm)
        await().atMost(Duration.ofSeconds(20)).until(() -> console.desk().open().stream().anyMatch(a -> a.kind().name().equals("HOLD_UP")));
        String alarm = console.desk().open().stream().filter(a -> a.kind().name().equals("HOLD_UP")).findFirst().orElseThrow().id();

        JsonNode[] listed = new JsonNode[1];
        await().atMost(Duration.ofSeconds(40)).until(() -> {
          listed[0] = JSON.readTree(send(http, base, "GET", "/console/api/alarms/" + alarm + "/images", null, null).body());
          JsonNode f = listed[0].get("fetches");
          return f.size() == 1 && !f.get(0).get("status").asText().equals("PENDING");
        });
        JsonNode fetch = listed[0].get("fetches").get(0);
        assertThat(fetch.get("link").asText()).startsWith(server.base().toString() + "images/hua-1-hd-counter-1-");
        assertThat(fetch.get("status").asText()).as(fetch.toString()).isEqualTo("COMPLETE");
        assertThat(listed[0].get("images")).hasSize(3);
        assertThat(listed[0].get("images").get(0).get("caption").asText()).contains("cam-counter-1.png");

        HttpResponse<byte[]> img = http.send(HttpRequest.newBuilder(URI.create(base + listed[0].get("images").get(2).get("url").asText())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(img.body()).isEqualTo(PNG);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(console.desk().find(alarm).orElseThrow().history())
            .anySatisfy(h -> assertThat(h.action()).contains("3 image(s) received")));
      }
    } finally {
      camera.stop(0);
    }
  }

  static HttpResponse<String> send(HttpClient http, String base, String method, String path, String body, String csrf) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    if (csrf != null) b.header(ConsoleModule.CSRF_HEADER, csrf);
    return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The branch example, its counter camera at {@code cameraUrl}, one clear TCP path to the ARC on loopback. */
  static SiteConfig site(String cameraUrl, int arcPort) throws Exception {
    Path file = Path.of("..", "examples", "holdup-branch.yaml");
    String text = Files.readString(file).replace("http://10.0.0.21/snapshot.jpg", cameraUrl);
    text = text.substring(0, text.indexOf("transmission:")) + """
        transmission:
          account: "1234"
          category: DP3
          paths:
            - id: eth
              role: primary
              technology: ethernet
              host: 127.0.0.1:%d
              protocol: tcp
              format: sia_dcs
              line: "1"
              poll_interval: 90s
              failure_time: 180s
        """.formatted(arcPort);
    return new SiteLoader(1).parse(text, file).orThrow();
  }
}
