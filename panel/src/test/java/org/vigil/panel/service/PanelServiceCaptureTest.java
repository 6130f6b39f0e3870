package org.vigil.panel.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.eventlog.LogEntry;
import org.vigil.panel.testing.HandClock;
import org.vigil.panel.testing.RecordingUplink;

/**
 * The running panel service carries out hold-up visual confirmation (BS 8243 5.3.1): a press of a
 * two-button hold-up device is signalled at once, the area's camera (a real local HTTP server) is
 * fetched on another thread, the images land under the data folder and the outcome, camera problems
 * included, goes back into the engine and the event log.
 */
class PanelServiceCaptureTest {
  static final byte[] PNG = png();

  final HandClock clock = new HandClock(Instant.parse("2026-11-23T10:00:00Z"));
  final RecordingUplink uplink = new RecordingUplink();
  HttpServer camera;
  ServerSocket silent;

  @BeforeEach
  void cameras() throws Exception {
    camera = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    camera.createContext("/snapshot.png", ex -> {
      ex.getResponseHeaders().set("Content-Type", "image/png");
      ex.sendResponseHeaders(200, PNG.length);
      ex.getResponseBody().write(PNG);
      ex.close();
    });
    camera.start();
    // Accepts connections (the kernel backlog) but never answers: a hung camera.
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws Exception {
    camera.stop(0);
    silent.close();
  }

  /** The branch site, its counter camera (covering hd-counter-1's area) pointed at {@code url}. */
  static SiteConfig site(String url) throws Exception {
    String text = Files.readString(Sites.EXAMPLES.resolve("holdup-branch.yaml"))
        .replace("http://10.0.0.21/snapshot.jpg", url);
    return new SiteLoader(1).parse(text, Sites.EXAMPLES.resolve("holdup-branch.yaml")).orThrow();
  }

  static List<Path> stored(Path dir) throws Exception {
    Path images = dir.resolve("images");
    if (!Files.exists(images)) return List.of();
    try (Stream<Path> s = Files.walk(images)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  static boolean logged(PanelService p, String part) {
    return p.eventLog().entries().stream().map(LogEntry::message).anyMatch(m -> m.contains(part));
  }

  @Test
  void bs8243_5_3_1_holdUpPressStoresAtLeastThreeImagesUnderTheDataFolderAndTheOutcomeIsLogged(@TempDir Path dir) throws Exception {
    String url = "http://127.0.0.1:" + camera.getAddress().getPort() + "/snapshot.png";
    try (PanelService p = PanelService.start(site(url), dir, clock, uplink)) {
      p.apply(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));
      assertThat(uplink.sent).anyMatch(n -> n.signal() == Signal.HOLD_UP);

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(stored(dir)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(logged(p, "visual confirmation of")).isTrue();
      });
      assertThat(stored(dir)).allSatisfy(f -> {
        assertThat(f.getFileName().toString()).startsWith("cam-counter-").endsWith(".png");
        assertThat(Files.readAllBytes(f)).isEqualTo(PNG);
      });
      assertThat(p.eventLog().entries()).filteredOn(e -> e.message().startsWith("visual confirmation of"))
          .singleElement().satisfies(e -> {
            assertThat(e.message()).contains("3 image(s) for the ARC").contains(dir.resolve("images").toUri().toString());
            assertThat(e.rule()).isNotBlank();
          });
      assertThat(logged(p, "camera problem")).isFalse();
    }
  }

  @Test
  void bs8243_5_3_1_aCameraThatDoesNotAnswerNeverDelaysTheHoldUpSignalAndIsLoggedAsACameraProblem(@TempDir Path dir) throws Exception {
    String url = "http://127.0.0.1:" + silent.getLocalPort() + "/snapshot.png";
    try (PanelService p = PanelService.start(site(url), dir, clock, uplink)) {
      p.apply(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));
      // The step returned (apply waits for the effects to be sent) with the signal out, no image yet.
      assertThat(uplink.sent).anyMatch(n -> n.signal() == Signal.HOLD_UP);
      assertThat(logged(p, "visual confirmation of")).isFalse();

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(p.eventLog().entries()).anySatisfy(e -> {
            assertThat(e.message()).contains("camera problem during hold-up capture").contains("cam-counter image 1: slow");
            assertThat(e.userVisible()).isTrue();
            assertThat(e.rule()).isEqualTo("BS8243 5.3.1");
          }));
      assertThat(stored(dir)).isEmpty();
    }
  }

  private static byte[] png() {
    try {
      BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
