package org.vigil.panel.visual;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.vigil.panel.config.Camera;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;

/**
 * Carries out {@link Effect.CaptureImages} (BS 8243 5.3.1, 5.3.4): at each planned instant it fetches
 * one snapshot from every camera with {@code java.net.http}, stores the images and reports the
 * cameras that were missing, slow or broken. It is the imperative shell around the pure engine: the
 * engine has already notified the alarm, and {@link #capture} returns at once, so a dead camera can
 * never delay the alarm.
 */
public final class ImageCapture {
  /** Runs a task at an instant (production: a scheduled executor; tests: at once, recording the instant). */
  @FunctionalInterface
  public interface Scheduler {
    void at(Instant when, Runnable task);

    static Scheduler of(ScheduledExecutorService ses, Clock clock) {
      return (when, task) -> ses.schedule(task, Math.max(0, Duration.between(clock.instant(), when).toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  private final SiteConfig site;
  private final HttpClient http;
  private final ImageStore store;
  private final Function<String, URI> linkFor;
  private final Scheduler scheduler;
  private final Clock clock;

  /**
   * @param linkFor where the ARC can fetch a capture's images (e.g. {@link ImageServer#linkFor})
   */
  public ImageCapture(SiteConfig site, HttpClient http, ImageStore store, Function<String, URI> linkFor, Scheduler scheduler, Clock clock) {
    this.site = site;
    this.http = http;
    this.store = store;
    this.linkFor = linkFor;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Starts the capture and returns at once; the report completes when every image has arrived or failed. */
  public CompletableFuture<CaptureReport> capture(Effect.CaptureImages effect) {
    List<StoredImage> images = Collections.synchronizedList(new ArrayList<>());
    List<CameraProblem> problems = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> all = new ArrayList<>();
    Instant last = effect.shots().isEmpty() ? effect.deadline() : effect.shots().get(effect.shots().size() - 1);
    Duration timeout = Duration.between(last, effect.deadline());
    if (timeout.isNegative() || timeout.isZero()) timeout = Duration.ofSeconds(1);
    for (String camId : effect.cameras()) {
      Camera cam = site.camera(camId).orElse(null);
      for (int i = 0; i < effect.shots().size(); i++) {
        int index = i + 1;
        if (cam == null || cam.snapshotUrl() == null) {
          problems.add(new CameraProblem(camId, index, CameraProblem.Kind.UNKNOWN_CAMERA, cam == null ? "not in the site" : "no snapshot_url"));
          continue;
        }
        Instant planned = effect.shots().get(i);
        CompletableFuture<Void> done = new CompletableFuture<>();
        all.add(done);
        Duration t = timeout;
        scheduler.at(planned, () -> fetch(effect.reference(), cam, index, planned, t, images, problems).whenComplete((v, e) -> done.complete(null)));
      }
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<StoredImage> imgs = new ArrayList<>(images);
      imgs.sort((a, b) -> a.camera().equals(b.camera()) ? Integer.compare(a.index(), b.index()) : a.camera().compareTo(b.camera()));
      List<CameraProblem> probs = new ArrayList<>(problems);
      probs.sort((a, b) -> a.camera().equals(b.camera()) ? Integer.compare(a.index(), b.index()) : a.camera().compareTo(b.camera()));
      return new CaptureReport(effect.reference(), List.copyOf(imgs), List.copyOf(probs), imgs.isEmpty() ? null : linkFor.apply(effect.reference()));
    });
  }

  private CompletableFuture<Void> fetch(String ref, Camera cam, int index, Instant planned, Duration timeout, List<StoredImage> images, List<CameraProblem> problems) {
    HttpRequest req;
    try {
      req = HttpRequest.newBuilder(URI.create(cam.snapshotUrl())).timeout(timeout).GET().build();
    } catch (IllegalArgumentException e) {
      problems.add(new CameraProblem(cam.id(), index, CameraProblem.Kind.UNREACHABLE, "bad URL: " + e.getMessage()));
      return CompletableFuture.completedFuture(null);
    }
    return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
        // The connect phase is not covered by the request timeout: bound the whole exchange too.
        .orTimeout(timeout.toMillis() + 50, TimeUnit.MILLISECONDS)
        .handle((resp, err) -> {
          if (err != null) {
            problems.add(problem(cam.id(), index, err, timeout));
            return null;
          }
          String type = resp.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
          if (resp.statusCode() != 200) {
            problems.add(new CameraProblem(cam.id(), index, CameraProblem.Kind.HTTP_ERROR, "HTTP " + resp.statusCode()));
          } else if (!type.startsWith("image/") || resp.body().length == 0) {
            problems.add(new CameraProblem(cam.id(), index, CameraProblem.Kind.NOT_AN_IMAGE, "content type '" + type + "', " + resp.body().length + " bytes"));
          } else {
            String ext = type.startsWith("image/png") ? "png" : type.startsWith("image/jpeg") ? "jpg" : "img";
            StoredImage img = new StoredImage(ref, cam.id() + "-" + index + "." + ext, cam.id(), index, planned, clock.instant(), type, resp.body());
            store.put(img);
            images.add(img);
          }
          return null;
        });
  }

  private static CameraProblem problem(String cam, int index, Throwable err, Duration timeout) {
    Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (e instanceof HttpTimeoutException || e instanceof java.util.concurrent.TimeoutException) {
      return new CameraProblem(cam, index, CameraProblem.Kind.SLOW, "no image within " + timeout.toMillis() + " ms");
    }
    if (e instanceof ConnectException || e instanceof IOException) {
      return new CameraProblem(cam, index, CameraProblem.Kind.UNREACHABLE, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    return new CameraProblem(cam, index, CameraProblem.Kind.UNREACHABLE, e.toString());
  }
}
