package org.vigil.arc.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ARC fetching a [V] link from a real local HTTP server (the panel's side): complete captures, a capture that
 * appears late, and every bad link the task names (404, time-out, not an image, a huge body, a malformed block),
 * each reported with a typed problem, never an exception.
 */
class ImageFetcherTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

  HttpServer server;
  ExecutorService pool;
  String base;
  final CountDownLatch release = new CountDownLatch(1);
  final AtomicInteger lateIndexReads = new AtomicInteger();

  /** Short limits so the bad cases end quickly; the good ones need no waiting for time. */
  static final ImageFetcher.Limits LIMITS = new ImageFetcher.Limits(Duration.ofMillis(3000), Duration.ofMillis(1000), Duration.ofMillis(100),
      Duration.ZERO, 64 * 1024, 4 * 1024, 10, 3);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool();
    server.setExecutor(pool);
    // The Vigil panel's image server: an index of names, then the images.
    server.createContext("/images/hua-1/", ex -> {
      String name = ex.getRequestURI().getPath().substring("/images/hua-1/".length());
      if (name.isEmpty()) send(ex, 200, "text/plain; charset=utf-8", "cam-1.png\ncam-2.png\ncam-3.jpg\n".getBytes(StandardCharsets.UTF_8));
      else if (name.endsWith(".png")) send(ex, 200, "image/png", PNG);
      else if (name.endsWith(".jpg")) send(ex, 200, "image/jpeg", JPEG);
      else send(ex, 404, "text/plain", "no".getBytes());
    });
    // A capture whose index is 404 at first (the panel has not stored its first image yet).
    server.createContext("/images/late/", ex -> {
      String name = ex.getRequestURI().getPath().substring("/images/late/".length());
      if (name.isEmpty()) {
        int n = lateIndexReads.incrementAndGet();
        if (n < 3) send(ex, 404, "text/plain", "no such capture".getBytes());
        else send(ex, 200, "text/plain", "a-1.png\na-2.png\na-3.png\n".getBytes());
      } else send(ex, 200, "image/png", PNG);
    });
    server.createContext("/images/two/", ex -> {
      String name = ex.getRequestURI().getPath().substring("/images/two/".length());
      if (name.isEmpty()) send(ex, 200, "text/plain", "a-1.png\na-2.png\n".getBytes());
      else send(ex, 200, "image/png", PNG);
    });
    server.createContext("/images/mixed/", ex -> {
      String name = ex.getRequestURI().getPath().substring("/images/mixed/".length());
      if (name.isEmpty()) send(ex, 200, "text/plain", "a-1.png\nfake.png\n../../etc/passwd\nbig.png\na-2.png\na-3.png\n".getBytes());
      else if (name.equals("fake.png")) send(ex, 200, "image/png", "<svg onload=alert(1)>".getBytes());
      else if (name.equals("big.png")) send(ex, 200, "image/png", new byte[128 * 1024]);
      else send(ex, 200, "image/png", PNG);
    });
    server.createContext("/photo.jpg", ex -> send(ex, 200, "image/jpeg", JPEG));
    server.createContext("/gone/", ex -> send(ex, 404, "text/plain", "no such capture".getBytes()));
    server.createContext("/login", ex -> send(ex, 200, "text/html", "<html><script>alert(1)</script></html>".getBytes()));
    server.createContext("/huge.png", ex -> send(ex, 200, "image/png", new byte[1024 * 1024]));
    server.createContext("/huge-chunked.png", ex -> {
      ex.getResponseHeaders().set("Content-Type", "image/png");
      ex.sendResponseHeaders(200, 0); // chunked: no length to refuse up front
      try (OutputStream o = ex.getResponseBody()) {
        o.write(PNG);
        for (int i = 0; i < 64; i++) o.write(new byte[16 * 1024]);
      } catch (IOException e) {
        // the ARC hung up once it had seen enough: expected
      }
    });
    server.createContext("/never", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    // Warm the client (class loading, selector thread) so the short test budgets measure the server, not the JVM.
    http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(1000)).build();
    try {
      http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/photo.jpg")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    try (ex) {
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) ex.getResponseBody().write(body);
    }
  }

  HttpClient http;

  ImageFetcher fetcher() {
    return new ImageFetcher(http, LIMITS, Clock.systemUTC());
  }

  @Test
  void bs8243_5_3_1_threeImagesListedByThePanelAreFetchedWithTheirSniffedTypes() {
    FetchOutcome o = fetcher().fetch(base + "/images/hua-1/");

    assertThat(o.status()).isEqualTo(FetchOutcome.Status.COMPLETE);
    assertThat(o.problems()).isEmpty();
    assertThat(o.images()).extracting(FetchedImage::name).containsExactly("cam-1.png", "cam-2.png", "cam-3.jpg");
    assertThat(o.images()).extracting(FetchedImage::contentType).containsExactly("image/png", "image/png", "image/jpeg");
    assertThat(o.images().get(0).bytes()).isEqualTo(PNG);
  }

  @Test
  void aLinkThatIs404UntilThePanelHasStoredItsFirstImageIsReadAgainWithinTheBudget() {
    FetchOutcome o = fetcher().fetch(base + "/images/late/");

    assertThat(o.status()).isEqualTo(FetchOutcome.Status.COMPLETE);
    assertThat(o.images()).hasSize(3);
    assertThat(lateIndexReads.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aLinkToOneImageGivesThatImageAndSaysFewerThanThreeArrived() {
    FetchOutcome o = fetcher().fetch(base + "/photo.jpg");

    assertThat(o.images()).singleElement().satisfies(i -> {
      assertThat(i.name()).isEqualTo("photo.jpg");
      assertThat(i.contentType()).isEqualTo("image/jpeg");
    });
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.INCOMPLETE);
    assertThat(o.problems()).extracting(FetchProblem::kind).containsExactly(FetchProblem.Kind.TOO_FEW);
  }

  @Test
  void bs8243_5_3_1_fewerThanThreeImagesIsReportedAsIncomplete() {
    FetchOutcome o = fetcher().fetch(base + "/images/two/");

    assertThat(o.images()).hasSize(2);
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.INCOMPLETE);
    assertThat(o.summary()).contains("too few: 2 of the 3 images");
  }

  @Test
  void aLinkThat404sIsRetriedUntilTheBudgetEndsAndReportedAsAnHttpError() {
    FetchOutcome o = fetcher().fetch(base + "/gone/");

    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.images()).isEmpty();
    assertThat(o.attempts()).isGreaterThan(1);
    assertThat(o.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(FetchProblem.Kind.HTTP_ERROR);
      assertThat(p.detail()).contains("HTTP 404").contains("attempts");
    });
  }

  @Test
  void aLinkThatNeverAnswersTimesOutWithinTheBudget() {
    long start = System.nanoTime();
    FetchOutcome o = fetcher().fetch(base + "/never");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.problems()).singleElement().extracting(FetchProblem::kind).isEqualTo(FetchProblem.Kind.TIMEOUT);
  }

  @Test
  void aLinkToAWebPageIsNotAnImageAndIsNotAskedAgain() {
    FetchOutcome o = fetcher().fetch(base + "/login");

    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.attempts()).isEqualTo(1);
    assertThat(o.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(FetchProblem.Kind.NOT_AN_IMAGE);
      assertThat(p.detail()).contains("text/html");
    });
  }

  @Test
  void aHugeBodyIsRefusedAtTheCapWhetherItsLengthIsDeclaredOrNot() {
    FetchOutcome declared = fetcher().fetch(base + "/huge.png");
    FetchOutcome chunked = fetcher().fetch(base + "/huge-chunked.png");

    for (FetchOutcome o : java.util.List.of(declared, chunked)) {
      assertThat(o.images()).isEmpty();
      assertThat(o.problems()).singleElement().extracting(FetchProblem::kind).isEqualTo(FetchProblem.Kind.TOO_LARGE);
    }
  }

  @Test
  void inAnIndexAFakeImageAnOversizedOneAndAPathAreSkippedAndReportedTheRestKept() {
    FetchOutcome o = fetcher().fetch(base + "/images/mixed/");

    assertThat(o.images()).extracting(FetchedImage::name).containsExactly("a-1.png", "a-2.png", "a-3.png");
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.INCOMPLETE);
    assertThat(o.problems()).extracting(FetchProblem::kind)
        .contains(FetchProblem.Kind.NOT_AN_IMAGE, FetchProblem.Kind.TOO_LARGE);
    assertThat(o.summary()).contains("fake.png").contains("../../etc/passwd");
  }

  @Test
  void aRefusedConnectionIsReportedAsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    FetchOutcome o = fetcher().fetch("http://127.0.0.1:" + port + "/images/x/");

    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.problems()).singleElement().extracting(FetchProblem::kind).isEqualTo(FetchProblem.Kind.UNREACHABLE);
  }

  @Test
  void malformedVBlocksAreReportedWithoutAnyRequest() {
    for (String bad : new String[] {"", "   ", "not a link", "ftp://panel/images/", "file:///etc/passwd", "images/hua-1/", "http://", "http://user:pw@panel/x",
        "http://panel/" + "a".repeat(300), "http://panel/\u0001x", "javascript:alert(1)"}) {
      FetchOutcome o = fetcher().fetch(bad);
      assertThat(o.status()).as(bad).isEqualTo(FetchOutcome.Status.MALFORMED);
      assertThat(o.attempts()).as(bad).isZero();
      assertThat(o.problems()).as(bad).singleElement().extracting(FetchProblem::kind).isEqualTo(FetchProblem.Kind.MALFORMED_LINK);
    }
  }
}
