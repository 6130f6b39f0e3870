package org.vigil.panel.visual;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;

/**
 * Visual confirmation capture (BS 8243 5.3.1, 5.3.4) against real local HTTP cameras
 * (com.sun.net.httpserver) serving test images; the images are served to the "ARC" by a real
 * {@link ImageServer}. The scheduler runs each shot at once and records the planned instant, so
 * nothing depends on wall-clock speed.
 */
class ImageCaptureTest {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  static final byte[] PNG = png();

  HttpServer cameras;
  ImageServer arcSide;
  ImageStore store;
  HttpClient http;
  final List<Instant> scheduled = Collections.synchronizedList(new ArrayList<>());
  final CountDownLatch releaseSlow = new CountDownLatch(1);
  int closedPort;
  java.util.concurrent.ExecutorService pool;

  @BeforeEach
  void start() throws Exception {
    cameras = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = java.util.concurrent.Executors.newCachedThreadPool();
    cameras.setExecutor(pool);
    cameras.createContext("/ok.png", ex -> {
      ex.getResponseHeaders().set("Content-Type", "image/png");
      ex.sendResponseHeaders(200, PNG.length);
      ex.getResponseBody().write(PNG);
      ex.close();
    });
    cameras.createContext("/slow.png", ex -> {
      try {
        releaseSlow.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, PNG.length);
      ex.getResponseBody().write(PNG);
      ex.close();
    });
    cameras.createContext("/missing.png", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    cameras.createContext("/html", ex -> {
      byte[] b = "<html>login</html>".getBytes();
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    cameras.start();
    store = new ImageStore();
    arcSide = ImageServer.start(store, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
  }

  @AfterEach
  void stop() {
    releaseSlow.countDown();
    cameras.stop(0);
    pool.shutdownNow();
    arcSide.close();
  }

  String cam(String path) {
    return "http://127.0.0.1:" + cameras.getAddress().getPort() + path;
  }

  /** The branch site with its two cameras pointed at test URLs. */
  SiteConfig site(String counterUrl, String officeUrl) throws Exception {
    String text = Files.readString(Sites.EXAMPLES.resolve("holdup-branch.yaml"))
        .replace("http://10.0.0.21/snapshot.jpg", counterUrl)
        .replace("http://10.0.0.22/snapshot.jpg", officeUrl)
        .replace("cameras:\n", "cameras:\n  - id: cam-both\n    covers: [counter]\n    areas: [banking]\n    snapshot_url: " + officeUrl + "\n");
    return new SiteLoader(1).parse(text, Sites.EXAMPLES.resolve("holdup-branch.yaml")).orThrow();
  }

  ImageCapture capture(SiteConfig site) {
    ImageCapture.Scheduler now = (when, task) -> {
      scheduled.add(when);
      task.run();
    };
    return new ImageCapture(site, http, store, arcSide::linkFor, now, Clock.systemUTC());
  }

  /** The effect the engine emits for a press of the counter HD. */
  static Effect.CaptureImages captureEffect(SiteConfig site) {
    PanelEngine e = new PanelEngine(site);
    var r = e.step(e.initial(T0), new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH), T0);
    return r.effects().stream().filter(x -> x instanceof Effect.CaptureImages).map(x -> (Effect.CaptureImages) x).findFirst().orElseThrow();
  }

  @Test
  void bs8243_5_3_1_threeImagesPerCameraAtTheHuaAndWithinFiveSecondsAreStoredAndLinkedForTheArc() throws Exception {
    SiteConfig site = site(cam("/ok.png"), cam("/ok.png"));
    var effect = captureEffect(site);
    CaptureReport r = capture(site).capture(effect).get(20, TimeUnit.SECONDS);

    assertThat(r.problems()).isEmpty();
    assertThat(r.images()).extracting(StoredImage::name).containsExactly("cam-both-1.png", "cam-both-2.png", "cam-both-3.png", "cam-counter-1.png", "cam-counter-2.png", "cam-counter-3.png");
    assertThat(scheduled).containsOnly(T0, T0.plusSeconds(2), T0.plusSeconds(4));
    assertThat(r.verification().block()).startsWith("[V" + arcSide.base()).endsWith("/images/" + effect.reference() + "/]");

    // The ARC fetches the index and an image over HTTP.
    var index = http.send(HttpRequest.newBuilder(r.link()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body().lines()).hasSize(6).contains("cam-counter-2.png");
    var img = http.send(HttpRequest.newBuilder(r.link().resolve("cam-counter-2.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(img.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(img.body()).isEqualTo(PNG);
    assertThat(http.send(HttpRequest.newBuilder(r.link().resolve("../nope/x.png")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  void bs8243_5_3_1_slowCameraIsReportedAndNeverDelaysTheAlarmOrTheOtherCamera() throws Exception {
    SiteConfig site = site(cam("/ok.png"), cam("/slow.png"));
    var effect = captureEffect(site);
    // The alarm notification is already in the engine's effects, before the capture effect.
    var future = capture(site).capture(effect);
    // capture() returned although the slow camera has not answered.
    assertThat(future.isDone()).isFalse();
    CaptureReport r = future.get(30, TimeUnit.SECONDS);
    assertThat(r.images()).extracting(StoredImage::camera).containsOnly("cam-counter");
    assertThat(r.images()).hasSize(3);
    assertThat(r.problems()).hasSize(3).allSatisfy(p -> {
      assertThat(p.camera()).isEqualTo("cam-both");
      assertThat(p.kind()).isEqualTo(CameraProblem.Kind.SLOW);
    });
    assertThat(r.link()).isNotNull();

    // Back in the engine, the missing camera goes into the user-visible event log.
    PanelEngine e = new PanelEngine(site);
    var logged = e.step(e.initial(T0), r.toInput("hd-counter-1"), T0.plusSeconds(10)).effects();
    assertThat(logged).filteredOn(x -> x instanceof Effect.LogEntry l && l.userVisible() && l.message().contains("cam-both image 2: slow")).hasSize(1);
    assertThat(logged).anyMatch(x -> x instanceof Effect.LogEntry l && l.message().contains("3 image(s) for the ARC at " + r.link()));
  }

  @Test
  void captureRunnerStartsCapturesFromEngineEffectsAndFeedsTheOutcomeBack() throws Exception {
    SiteConfig site = site(cam("/ok.png"), cam("/missing.png"));
    PanelEngine e = new PanelEngine(site);
    var state = new java.util.concurrent.atomic.AtomicReference<>(e.initial(T0));
    List<Effect> fedBack = Collections.synchronizedList(new ArrayList<>());
    List<CaptureReport> reports = Collections.synchronizedList(new ArrayList<>());
    CaptureRunner runner = new CaptureRunner(capture(site), in -> {
      synchronized (state) {
        var r = e.step(state.get(), in, state.get().now());
        state.set(r.state());
        fedBack.addAll(r.effects());
      }
    }, reports::add, ex -> {
      throw new AssertionError(ex);
    });
    var step = e.step(state.get(), new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH), T0);
    state.set(step.state());
    var started = runner.handle(step.effects());
    assertThat(started).hasSize(1);
    started.get(0).get(20, TimeUnit.SECONDS);
    assertThat(reports).singleElement().satisfies(r -> assertThat(r.images()).hasSize(3));
    assertThat(fedBack).anyMatch(x -> x instanceof Effect.LogEntry l && l.userVisible() && l.message().contains("cam-both image 1: http error"));
  }

  @Test
  void missingCameraIsReportedUnreachable() throws Exception {
    SiteConfig site = site(cam("/ok.png"), "http://127.0.0.1:" + closedPort + "/snap.jpg");
    CaptureReport r = capture(site).capture(captureEffect(site)).get(30, TimeUnit.SECONDS);
    assertThat(r.problems()).hasSize(3).allSatisfy(p -> assertThat(p.kind()).isEqualTo(CameraProblem.Kind.UNREACHABLE));
    assertThat(r.images()).hasSize(3);
  }

  @Test
  void cameraAnsweringWithAnErrorOrAWebPageIsReported() throws Exception {
    SiteConfig site = site(cam("/missing.png"), cam("/html"));
    CaptureReport r = capture(site).capture(captureEffect(site)).get(30, TimeUnit.SECONDS);
    assertThat(r.images()).isEmpty();
    assertThat(r.link()).isNull();
    assertThat(r.verification()).isNull();
    assertThat(r.problems()).filteredOn(p -> p.camera().equals("cam-counter")).allSatisfy(p -> assertThat(p.kind()).isEqualTo(CameraProblem.Kind.HTTP_ERROR));
    assertThat(r.problems()).filteredOn(p -> p.camera().equals("cam-both")).allSatisfy(p -> assertThat(p.kind()).isEqualTo(CameraProblem.Kind.NOT_AN_IMAGE));
    assertThat(r.problems()).hasSize(6);
  }

  @Test
  void unknownCameraInTheEffectIsReportedNotThrown() throws Exception {
    SiteConfig site = site(cam("/ok.png"), cam("/ok.png"));
    var effect = new Effect.CaptureImages("ref-x", "hd-counter-1", "banking", List.of("cam-gone"), List.of(T0), T0.plusSeconds(2), "BS8243 5.3.1");
    CaptureReport r = capture(site).capture(effect).get(10, TimeUnit.SECONDS);
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(CameraProblem.Kind.UNKNOWN_CAMERA));
  }

  static byte[] png() {
    try {
      BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
      img.setRGB(1, 1, 0x3366ff);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
