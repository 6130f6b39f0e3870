package org.vigil.arc.images;

import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARC's image shell: for every stored signal with a {@code [V]} link it fetches the images on
 * its own virtual thread (never the receiver's, so the ACK and the alarm never wait), stores them
 * with {@link ImageArchive}, and tells the listener how it went. Reads for the console go through a
 * small cache so the queue page does not query PostgreSQL per alarm.
 */
public final class AlarmImages implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlarmImages.class);

  /** Called once per link when its fetch has ended (any thread). */
  @FunctionalInterface
  public interface Listener {
    void fetched(String accountNumber, long signalId, FetchOutcome outcome);
  }

  /** What the console shows for a set of signals. */
  public record Shown(List<ImageArchive.Fetch> fetches, List<ImageArchive.Image> images) {}

  private final ImageArchive archive;
  private volatile ImageFetcher fetcher;
  private final HttpClient http;
  private final Clock clock;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  /** At most this many links fetched at once; the others wait their turn. */
  private final Semaphore slots = new Semaphore(16);
  private final Map<Long, Shown> cache = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 20_000;
  /** Bumped by every change; a read that raced a change is not cached (it would hide the change). */
  private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
  private volatile Listener listener = (a, s, o) -> {};

  public AlarmImages(ImageArchive archive, ImageFetcher fetcher, Clock clock) {
    this(archive, fetcher, clock, null);
  }

  private AlarmImages(ImageArchive archive, ImageFetcher fetcher, Clock clock, HttpClient http) {
    this.archive = archive;
    this.fetcher = fetcher;
    this.clock = clock;
    this.http = http;
  }

  /** Fetches started from now on use {@code limits} (tests shorten the ~15 s budget). */
  public void limits(ImageFetcher.Limits limits) {
    this.fetcher = new ImageFetcher(http != null ? http : HttpClient.newHttpClient(), limits, clock);
  }

  /** A panel keeps a capture's images (in memory, the last 200 captures) for about this long after a stop. */
  public static final Duration RESUME_WITHIN = Duration.ofMinutes(10);

  /** The production wiring: the archive on {@code db}, default limits. Call {@link #resumePending} once wired. */
  public static AlarmImages start(DataSource db, Clock clock) {
    ImageArchive archive = new ImageArchive(db);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    return new AlarmImages(archive, new ImageFetcher(http, ImageFetcher.Limits.defaults(), clock), clock, http);
  }

  public void onFetched(Listener l) {
    this.listener = l;
  }

  public ImageArchive archive() {
    return archive;
  }

  /**
   * A stored signal carried {@code links} ([V] values): records each as pending and fetches it in
   * the background. Returns at once.
   */
  public void requested(String accountNumber, long signalId, List<String> links) {
    for (String link : links) {
      long fetchId;
      try {
        fetchId = archive.startFetch(signalId, accountNumber, link, clock.instant());
      } catch (SQLException e) {
        LOG.error("image link of signal {} not recorded: {}", signalId, e.toString());
        continue;
      }
      invalidate(signalId);
      workers.execute(() -> fetch(fetchId, accountNumber, signalId, link));
    }
  }

  private void fetch(long fetchId, String accountNumber, long signalId, String link) {
    FetchOutcome o;
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      o = fetcher.fetch(link);
    } catch (RuntimeException e) {
      o = new FetchOutcome(link, FetchOutcome.Status.FAILED, List.of(), List.of(new FetchProblem(FetchProblem.Kind.UNREACHABLE, e.toString())), 0);
    } finally {
      slots.release();
    }
    try {
      archive.finishFetch(fetchId, signalId, o, clock.instant());
    } catch (SQLException e) {
      LOG.error("images of signal {} not stored: {}", signalId, e.toString());
      o = new FetchOutcome(o.link(), FetchOutcome.Status.FAILED, List.of(), List.of(new FetchProblem(FetchProblem.Kind.UNREACHABLE, "not stored: " + e.getMessage())), o.attempts());
    }
    invalidate(signalId);
    if (o.status() == FetchOutcome.Status.COMPLETE) LOG.info("signal {}: {}", signalId, o.summary());
    else LOG.warn("signal {}: images {}: {}", signalId, o.status().name().toLowerCase(), o.summary());
    try {
      listener.fetched(accountNumber, signalId, o);
    } catch (RuntimeException e) {
      LOG.warn("image listener failed: {}", e.toString());
    }
  }

  /**
   * Fetches cut short by the last stop: those requested within {@link #RESUME_WITHIN} are fetched again (the panel
   * still has the images), older ones are closed as failed. Returns how many were started again.
   */
  public int resumePending() {
    Instant now = clock.instant();
    try {
      int failed = archive.abandonPending(now.minus(RESUME_WITHIN), now);
      if (failed > 0) LOG.warn("{} image fetch(es) were cut short by a stop too long ago; shown as failed", failed);
      List<ImageArchive.Fetch> again = archive.pending();
      for (ImageArchive.Fetch f : again) {
        invalidate(f.signalId());
        workers.execute(() -> fetch(f.id(), f.accountNumber(), f.signalId(), f.link()));
      }
      if (!again.isEmpty()) LOG.info("{} image fetch(es) cut short by the last stop are fetched again", again.size());
      return again.size();
    } catch (SQLException e) {
      LOG.warn("could not resume unfinished image fetches: {}", e.toString());
      return 0;
    }
  }

  /** The fetches and images of these signals (from the cache, else PostgreSQL). */
  public Shown shown(Collection<Long> signalIds) {
    List<ImageArchive.Fetch> fetches = new ArrayList<>();
    List<ImageArchive.Image> images = new ArrayList<>();
    List<Long> missing = new ArrayList<>();
    for (Long id : signalIds) {
      Shown s = cache.get(id);
      if (s == null) missing.add(id);
      else {
        fetches.addAll(s.fetches());
        images.addAll(s.images());
      }
    }
    if (!missing.isEmpty()) {
      // Bounded: the open alarms' signals are read back in two queries when needed again.
      if (cache.size() > MAX_CACHED) cache.clear();
      long before = changes.get();
      try {
        List<ImageArchive.Fetch> f = archive.fetches(missing);
        List<ImageArchive.Image> i = archive.images(missing);
        for (Long id : missing) {
          Shown s = new Shown(f.stream().filter(x -> x.signalId() == id).toList(), i.stream().filter(x -> x.signalId() == id).toList());
          if (changes.get() == before) cache.put(id, s);
          fetches.addAll(s.fetches());
          images.addAll(s.images());
        }
      } catch (SQLException e) {
        LOG.warn("images of signals {} not read: {}", missing, e.toString());
      }
    }
    return new Shown(fetches, images);
  }

  private void invalidate(long signalId) {
    changes.incrementAndGet();
    cache.remove(signalId);
  }

  public Optional<ImageArchive.Content> content(long imageId) {
    try {
      return archive.content(imageId);
    } catch (SQLException e) {
      LOG.warn("image {} not read: {}", imageId, e.toString());
      return Optional.empty();
    }
  }

  public void markViewed(long imageId, long signalId, String operator, Instant at) throws SQLException {
    archive.markViewed(imageId, operator, at);
    invalidate(signalId);
  }

  @Override
  public void close() {
    // Let a fetch that is storing its images finish; the rest are marked failed at the next start.
    workers.shutdown();
    try {
      if (!workers.awaitTermination(1, TimeUnit.SECONDS)) workers.shutdownNow();
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
