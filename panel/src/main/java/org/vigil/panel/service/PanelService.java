package org.vigil.panel.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.StepResult;
import org.vigil.panel.engine.Tone;
import org.vigil.panel.eventlog.EventClass;
import org.vigil.panel.eventlog.EventLog;
import org.vigil.panel.visual.CaptureReport;
import org.vigil.panel.visual.CaptureRunner;
import org.vigil.panel.visual.ImageCapture;
import org.vigil.panel.visual.ImageStore;
import org.vigil.panel.visual.StoredImage;

/**
 * The real-time shell around the pure {@link PanelEngine}: one thread steps the engine with the
 * clock's time, a timer wakes it at the state's next deadline, the state is snapshotted to disk
 * after every step, effects go to the event log, the uplink (ARC) and the listeners (pages, MQTT).
 *
 * <p>Restart: the last snapshot is restored exactly (set areas stay set, running timers keep their
 * deadlines; those that came due while the panel was off fire at once, in order, each at its own
 * instant), and the restart is logged and reported to the ARC (Contact ID 305, system reset).
 */
public final class PanelService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PanelService.class);
  /** Contact ID 305 "system reset": how a restart is reported. */
  public static final int CID_SYSTEM_RESET = 305;

  private final PanelEngine engine;
  private final InstantSource clock;
  private final EventLog log;
  private final StateSnapshots snapshots;
  private final Uplink uplink;
  private final ScheduledExecutorService loop;
  private final List<Consumer<PanelUpdate>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, String> displays = new ConcurrentHashMap<>();
  private final Map<String, Tone> tones = new ConcurrentHashMap<>();
  private volatile PanelState state;
  private volatile boolean restored;
  private ScheduledFuture<?> timer;
  private volatile boolean closed;
  // Hold-up visual confirmation (BS 8243 5.3.1): cameras are fetched on their own thread, never the engine's.
  private final Path imagesDir;
  private final ScheduledExecutorService captures;
  private final CaptureRunner captureRunner;
  /** Where the ARC fetches a capture's images (the image server), or null when the panel serves none. */
  private final Function<String, URI> publicImageLink;

  /**
   * Where captured images go besides the data folder: {@code store} is what an {@link
   * org.vigil.panel.visual.ImageServer} serves to the ARC, {@code linkFor} the link it gives out.
   */
  public record Visual(ImageStore store, Function<String, URI> linkFor) {}

  private PanelService(PanelEngine engine, InstantSource clock, EventLog log, StateSnapshots snapshots, Uplink uplink, Path imagesDir, Visual visual) {
    this.engine = engine;
    this.clock = clock;
    this.log = log;
    this.snapshots = snapshots;
    this.uplink = uplink;
    ScheduledThreadPoolExecutor l = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().name("vigil-panel").daemon(true).unstarted(r));
    // A pending timer must not hold up close(): its deadline is in the saved state and fires at restart.
    l.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.loop = l;
    this.imagesDir = imagesDir;
    this.captures = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("vigil-capture").daemon(true).unstarted(r));
    Visual v = visual != null ? visual : new Visual(new ImageStore(), ref -> imagesDir.resolve(ref).toUri());
    this.publicImageLink = visual == null ? null : visual.linkFor();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ImageCapture.Scheduler scheduler = (when, task) -> captures.schedule(task, Math.max(0, Duration.between(clock.instant(), when).toMillis()), TimeUnit.MILLISECONDS);
    ImageCapture capture = new ImageCapture(engine.site(), http, v.store(), v.linkFor(), scheduler, clock.withZone(ZoneOffset.UTC));
    // The outcome goes back through submit(): the engine logs it on its own thread (camera problems user-visible).
    this.captureRunner = new CaptureRunner(capture, in -> submit(in), this::saveImages,
        ex -> LOG.error("hold-up image capture failed: {}", ex.toString()));
  }

  /**
   * Starts the panel with its data folder ({@code events.log}, {@code state.json}). Restores the last
   * state when there is one.
   */
  public static PanelService start(SiteConfig site, Path dataDir, InstantSource clock, Uplink uplink) throws IOException {
    return start(site, dataDir, clock, uplink, null);
  }

  /**
   * As {@link #start(SiteConfig, Path, InstantSource, Uplink)}; hold-up images are stored under {@code
   * dataDir/images/<reference>/} and, with {@code visual}, also in its store (served to the ARC).
   */
  public static PanelService start(SiteConfig site, Path dataDir, InstantSource clock, Uplink uplink, Visual visual) throws IOException {
    EventLog log = EventLog.open(dataDir.resolve("events.log"));
    PanelService s = new PanelService(new PanelEngine(site), clock, log, new StateSnapshots(dataDir.resolve("state.json")), uplink,
        dataDir.resolve("images"), visual);
    try {
      s.loop.submit(s::boot).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting", e);
    } catch (java.util.concurrent.ExecutionException e) {
      s.close();
      throw new IOException("panel did not start: " + e.getCause().getMessage(), e.getCause());
    }
    return s;
  }

  private void boot() {
    Instant now = clock.instant();
    PanelState s = null;
    String how;
    if (snapshots.exists()) {
      try {
        s = snapshots.load();
        restored = true;
        how = "panel restarted: state restored from " + s.now() + " (" + describeAreas(s) + ")";
      } catch (StateSnapshots.SnapshotException e) {
        how = "panel restarted: the saved state could not be used (" + e.getMessage() + "); all areas start unset";
        LOG.warn(how);
      }
    } else {
      how = "panel started for the first time: all areas unset";
    }
    if (s == null) s = engine.initial(now);
    state = s;
    Instant at = now.isBefore(s.now()) ? s.now() : now;
    log.append(at, EventClass.MANDATORY, true, how, "EN 50131-1 8.10");
    // The ARC must know the panel restarted (a restart can hide an attack on the CIE).
    // Contact ID 305 / SIA RR (system reset), EventCatalogue: a FAULT at the ARC.
    Effect.Notification reset = new Effect.Notification(Signal.FAULT, null, 0, null, null, false, CID_SYSTEM_RESET, "RR",
        "EN 50131-1 8.10", "panel restart");
    carryOut(List.of(reset), at);
    // Deadlines that came due while the panel was off fire now, each at its own instant.
    stepNow(new Input.Tick());
  }

  private static String describeAreas(PanelState s) {
    StringBuilder sb = new StringBuilder();
    s.areas().forEach((id, a) -> sb.append(sb.isEmpty() ? "" : ", ").append(id).append(' ').append(a.status().name().toLowerCase()));
    return sb.toString();
  }

  /** Whether the state came from a snapshot (a restart) rather than power-up. */
  public boolean restored() {
    return restored;
  }

  public SiteConfig site() {
    return engine.site();
  }

  public PanelState state() {
    return state;
  }

  /** The panel's time now: the clock, never before the engine's last step (the same time a step would use). */
  public Instant now() {
    Instant now = clock.instant();
    PanelState s = state;
    return s != null && now.isBefore(s.now()) ? s.now() : now;
  }

  public EventLog eventLog() {
    return log;
  }

  public Uplink uplink() {
    return uplink;
  }

  /** The text each keypad shows now (the last display effect). */
  public Optional<String> display(String keypad) {
    return Optional.ofNullable(displays.get(keypad));
  }

  public Optional<Tone> lastTone(String keypad) {
    return Optional.ofNullable(tones.get(keypad));
  }

  public void subscribe(Consumer<PanelUpdate> listener) {
    listeners.add(listener);
  }

  /** Hands an input to the panel; the future completes once its effects are logged and sent. */
  public CompletableFuture<StepResult> submit(Input input) {
    if (input instanceof Input.Internal) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("internal inputs never come from outside: " + input));
    }
    if (closed) return CompletableFuture.failedFuture(new IllegalStateException("panel service stopped"));
    return CompletableFuture.supplyAsync(() -> stepNow(input), loop);
  }

  /** Submits and waits (for pages and tests); at most 5 s. */
  public StepResult apply(Input input) {
    try {
      return submit(input).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("panel did not take " + input + ": " + e.getMessage(), e);
    }
  }

  private StepResult stepNow(Input input) {
    Instant now = clock.instant();
    // Clock stepped back (NTP, manual change): the engine's time never goes backwards.
    if (now.isBefore(state.now())) now = state.now();
    StepResult last = null;
    // Due deadlines one instant at a time so each effect carries its own time.
    for (PanelEngine.TimedStep t : engine.advance(state, now)) {
      state = t.result().state();
      carryOut(t.result().effects(), t.at());
      last = t.result();
    }
    if (!(input instanceof Input.Tick) || last == null) {
      StepResult r;
      try {
        r = engine.step(state, input, now);
      } catch (RuntimeException e) {
        // An engine bug must not stop the panel: log it (mandatory: a missed input may be an alarm).
        LOG.error("engine refused {}: {}", input, e.toString(), e);
        log.append(now, EventClass.MANDATORY, false, "input not processed: " + describe(input) + " (" + e.getClass().getSimpleName() + ")", "");
        schedule();
        return new StepResult(state, List.of());
      }
      state = r.state();
      carryOut(r.effects(), now);
      last = r;
    }
    save();
    schedule();
    return last;
  }

  /** A description of an input that never includes keys typed (codes are never logged). */
  static String describe(Input input) {
    return switch (input) {
      case Input.KeyPressed k -> "key at " + k.keypad();
      case Input.CardPresented c -> "card at " + c.reader();
      default -> input.toString();
    };
  }

  private void carryOut(List<Effect> effects, Instant at) {
    for (Effect e : effects) {
      try {
        switch (e) {
          case Effect.Notification n -> {
            log.append(at, EventClass.MANDATORY, n.signal() != Signal.DURESS, "signal " + n.signal() + (n.restore() ? " restore" : "")
                + (n.area() == null ? "" : " area " + n.area()) + (n.zone() == null ? "" : " zone " + n.zone())
                + (n.text() == null ? "" : ": " + n.text()), n.rule());
            uplink.send(withImageLink(n), at);
          }
          case Effect.StateChanged sc -> log.append(at, EventClass.MANDATORY, true,
              "area " + sc.area() + ": " + sc.from().name().toLowerCase() + " -> " + sc.to().name().toLowerCase(), sc.rule());
          case Effect.LogEntry le -> log.append(at, mandatory(le) ? EventClass.MANDATORY : EventClass.ROUTINE, le.userVisible(), le.message(), le.rule());
          case Effect.OutputChanged oc -> log.append(at, EventClass.ROUTINE, false, "output " + oc.output() + (oc.on() ? " on" : " off"), oc.rule());
          case Effect.KeypadDisplay d -> displays.put(d.keypad(), d.text());
          case Effect.KeypadTone t -> tones.put(t.keypad(), t.tone());
          // Started after the notification (earlier in the list) was sent; returns at once.
          case Effect.CaptureImages c -> {
            log.append(at, EventClass.ROUTINE, false, "image capture planned: " + c.cameras().size() + " camera(s) for " + c.device(), c.rule());
            if (!closed) captureRunner.handle(List.of(c));
          }
        }
      } catch (RuntimeException ex) {
        LOG.error("could not carry out {}: {}", e.kind(), ex.toString(), ex);
      }
    }
    if (listeners.isEmpty()) return;
    PanelUpdate u = new PanelUpdate(at, state, effects);
    for (Consumer<PanelUpdate> l : listeners) {
      try {
        l.accept(u);
      } catch (RuntimeException ex) {
        LOG.warn("panel listener failed: {}", ex.toString());
      }
    }
  }

  /**
   * Resolves the engine's relative {@code [V]} link ({@code images/<reference>/}) to the image
   * server's address. Without an image server the ARC could not fetch anything: no link is sent.
   */
  Effect.Notification withImageLink(Effect.Notification n) {
    String ref = Effect.Notification.captureReference(n.verification());
    if (n.verification() == null) return n;
    if (ref == null || publicImageLink == null) return n.withVerification(null);
    return n.withVerification(publicImageLink.apply(ref).toString());
  }

  /** Writes a capture's images to {@code images/<reference>/} in the data folder (the record kept on the panel). */
  private void saveImages(CaptureReport report) {
    for (StoredImage img : report.images()) {
      try {
        Path dir = imagesDir.resolve(report.reference()).normalize();
        Path file = dir.resolve(img.name()).normalize();
        // Names come from the site's ids; refuse anything that would leave the images folder.
        if (!dir.startsWith(imagesDir.normalize()) || !file.getParent().equals(dir)) {
          LOG.warn("image {} of {} not written: unsafe name", img.name(), report.reference());
          continue;
        }
        Files.createDirectories(dir);
        Files.write(file, img.data());
      } catch (IOException e) {
        LOG.error("image {} of {} not written: {}", img.name(), report.reference(), e.toString());
      }
    }
  }

  /** Engine log entries that carry a rule are decisions (alarms, refusals, omissions): EN 50131 mandatory. */
  private static boolean mandatory(Effect.LogEntry le) {
    return le.rule() != null && !le.rule().isBlank();
  }

  private void save() {
    try {
      snapshots.save(state);
    } catch (IOException e) {
      LOG.error("state snapshot not written: {}", e.toString());
    }
  }

  private void schedule() {
    if (closed) return;
    if (timer != null) timer.cancel(false);
    Optional<Instant> next = state.nextDeadline();
    if (next.isEmpty()) return;
    long delay = Math.max(0, Duration.between(clock.instant(), next.get()).toMillis());
    timer = loop.schedule(() -> {
      try {
        stepNow(new Input.Tick());
      } catch (RuntimeException e) {
        LOG.error("timer step failed", e);
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  /** Nudges the timer after the clock moved (tests with a hand-moved clock). */
  public void tick() {
    apply(new Input.Tick());
  }

  public boolean anyArmed() {
    return state.areas().values().stream().anyMatch(a -> a.status() != AreaStatus.UNSET);
  }

  /** Stops the thread; state is already on disk after every step, so nothing else needs saving. */
  @Override
  public void close() {
    closed = true;
    captures.shutdownNow();
    loop.shutdown();
    try {
      if (!loop.awaitTermination(5, TimeUnit.SECONDS)) loop.shutdownNow();
    } catch (InterruptedException e) {
      loop.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.close();
  }

  /** For tests: the event log entries' messages. */
  List<String> logMessages() {
    List<String> out = new ArrayList<>();
    log.entries().forEach(e -> out.add(e.message()));
    return out;
  }
}
