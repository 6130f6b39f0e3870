package org.vigil.panel.transmit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.store.OutboundQueue;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.KeyForm;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * The imperative shell around {@link TransmitPlanner}: the persistent queue, real sockets (one
 * {@link Link} per path), the real clock, and one virtual thread that feeds the planner inputs and
 * carries out its effects. {@link #submit} returns only when the event is on disk: from then on it
 * is raised and will be sent (again after a restart) until the ARC acknowledges it.
 */
public final class Transmitter implements AutoCloseable {

  /** What the panel service hears back. Called on the transmitter's thread; keep it quick. */
  public interface Listener {
    /** A path was declared failed or restored: feed the engine {@code Input.PathChanged}. */
    default void pathChanged(String path, boolean up, String reason) {}

    default void delivered(QueuedEvent event, String path, Instant at) {}

    /** The event was given up (DUH, no code in the format): shown locally; a 354 follows. */
    default void undeliverable(QueuedEvent event, String reason) {}

    /**
     * As {@link #undeliverable(QueuedEvent, String)} with the path it was last tried on; the
     * transmitter calls this one (by default it calls the two-argument form).
     */
    default void undeliverable(QueuedEvent event, String path, String reason) {
      undeliverable(event, reason);
    }

    default void log(String path, String message, String rule) {}
  }

  private final TransmitPlanner planner;
  private final OutboundQueue store;
  private final InstantSource clock;
  private final Listener listener;
  /** Per path, one link per destination (index as in the path's destination list). */
  private final Map<String, List<Link>> links = new LinkedHashMap<>();
  private final Map<String, Dc09Key> keys = new LinkedHashMap<>();
  private final Dc09Codec codec = Dc09Codec.standard();
  private final BlockingQueue<TxInput> inputs = new LinkedBlockingQueue<>();
  private final Map<Long, QueuedEvent> byId = new java.util.concurrent.ConcurrentHashMap<>();
  private final Thread loop;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile TransmitState state;
  private volatile boolean closing;

  private Transmitter(Transmission tx, TransmitSettings settings, OutboundQueue store, InstantSource clock, Listener listener) throws IOException {
    this.planner = new TransmitPlanner(tx, settings);
    this.store = store;
    this.clock = clock;
    this.listener = listener;
    List<QueuedEvent> pending = new ArrayList<>();
    for (OutboundQueue.Pending p : store.pending()) {
      Optional<Effect.Notification> n = NotificationCodec.decode(p.body());
      if (n.isEmpty()) {
        // Cannot happen with our own records (checksummed); never silently: report and drop.
        listener.log(null, "queued event " + p.id() + " is unreadable and cannot be sent", "store");
        store.finish(p.id(), OutboundQueue.Outcome.UNDELIVERABLE);
        continue;
      }
      QueuedEvent e = new QueuedEvent(p.id(), p.sequence(), p.raisedAt(), n.get());
      pending.add(e);
      byId.put(e.id(), e);
    }
    for (TransmissionPath p : planner.paths()) {
      Dc09Key key = p.key() == null ? null : Dc09Key.parse(p.key(), KeyForm.valueOf(p.keyForm().name()));
      keys.put(p.id(), key);
      KeyLookup lookup = KeyLookup.always(key);
      List<Link> perDestination = new ArrayList<>();
      for (int i = 0; i < TransmitPlanner.destinations(p); i++) {
        TransmissionPath.Destination d = TransmitPlanner.destination(p, i);
        perDestination.add(p.protocol() == TransmissionPath.Protocol.UDP
            ? new UdpLink(p.id(), i, d.host(), d.port(), codec, lookup, inputs::add)
            : new TcpLink(p.id(), i, d.host(), d.port(), settings.connectTimeout(), codec, lookup, inputs::add));
      }
      links.put(p.id(), List.copyOf(perDestination));
    }
    this.state = planner.initial(clock.instant(), pending);
    if (!pending.isEmpty()) listener.log(null, pending.size() + " unacknowledged event(s) recovered from the queue; resending in order", "store");
    this.loop = Thread.ofVirtual().name("transmitter").unstarted(this::run);
  }

  /** Opens the paths and starts sending what the queue holds. */
  public static Transmitter start(Transmission tx, TransmitSettings settings, OutboundQueue store, InstantSource clock, Listener listener) throws IOException {
    Transmitter t = new Transmitter(tx, settings, store, clock, listener);
    t.loop.start();
    return t;
  }

  /**
   * Puts a notification in the queue, durably, and returns it. Only after this returns does the
   * event count as raised.
   */
  public synchronized QueuedEvent submit(Effect.Notification n) throws IOException {
    OutboundQueue.Pending p = store.enqueue(clock.instant(), NotificationCodec.encode(n));
    QueuedEvent e = new QueuedEvent(p.id(), p.sequence(), p.raisedAt(), n);
    byId.put(e.id(), e);
    inputs.add(new TxInput.Enqueued(e));
    return e;
  }

  /** The planner state as of the last step (for status displays and tests). */
  public TransmitState state() {
    return state;
  }

  /** Events given up (kept in the queue file, the most recent {@code OutboundQueue.KEEP_GIVEN_UP}). */
  public List<OutboundQueue.Pending> givenUp() {
    return store.givenUp();
  }

  /** Events not yet acknowledged, oldest first. */
  public List<OutboundQueue.Pending> pending() {
    return store.pending();
  }

  private void run() {
    try {
      step(new TxInput.Tick());
      while (!closing) {
        Optional<Instant> next = planner.nextDeadline(state);
        long waitMs = next.map(t -> Math.max(0, Duration.between(clock.instant(), t).toMillis())).orElse(60_000L);
        TxInput in = inputs.poll(Math.max(1, Math.min(waitMs, 60_000L)), TimeUnit.MILLISECONDS);
        if (closing) break;
        step(in == null ? new TxInput.Tick() : in);
        TxInput more;
        while ((more = inputs.poll()) != null && !closing) step(more);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
    }
  }

  private void step(TxInput in) {
    TransmitPlanner.Result r = planner.step(state, in, clock.instant());
    state = r.state();
    for (TxEffect e : r.effects()) {
      try {
        apply(e);
      } catch (IOException | RuntimeException ex) {
        listener.log(null, "effect " + e.getClass().getSimpleName() + " failed: " + ex, "transmitter");
      }
    }
  }

  private void apply(TxEffect e) throws IOException {
    switch (e) {
      case TxEffect.Transmit t -> {
        List<Link> l = links.get(t.path());
        l.get(Math.floorMod(t.destination(), l.size())).send(codec.encode(t.frame(), keys.get(t.path())));
      }
      case TxEffect.PathChanged c -> listener.pathChanged(c.path(), c.up(), c.reason());
      case TxEffect.Delivered d -> {
        store.finish(d.eventId(), OutboundQueue.Outcome.ACKNOWLEDGED);
        QueuedEvent q = byId.remove(d.eventId());
        if (q != null) listener.delivered(q, d.path(), clock.instant());
      }
      case TxEffect.Undeliverable u -> {
        QueuedEvent q = byId.remove(u.eventId());
        // The 354 is on disk before the event leaves the queue: a crash in between resends the
        // event (and it is given up again), it never loses both.
        if (q != null && (q.notification().cid() == null || q.notification().cid() != 354)) {
          submitInternal(Codes.notification(Signal.ATS_FAULT, 354, q.notification().area(), q.notification().partition(), null, null, false,
              "DC-09 DUH; EN50131-1 8.6 failure to communicate", "failure to communicate event " + q.id()));
        }
        // Finished as UNDELIVERABLE: kept in the queue file (OutboundQueue.givenUp), not sent again.
        store.finish(u.eventId(), OutboundQueue.Outcome.UNDELIVERABLE);
        listener.log(u.path(), "event " + u.eventId() + " given up: " + u.reason(), u.rule());
        if (q != null) listener.undeliverable(q, u.path(), u.reason());
      }
      case TxEffect.Log l -> listener.log(l.path(), l.message(), l.rule());
    }
  }

  private void submitInternal(Effect.Notification n) {
    try {
      submit(n);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public void close() {
    closing = true;
    inputs.add(new TxInput.Tick());
    try {
      stopped.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (List<Link> l : links.values()) l.forEach(Link::close);
  }
}
