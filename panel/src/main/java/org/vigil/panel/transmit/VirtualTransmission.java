package org.vigil.panel.transmit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Responses;
import org.vigil.protocol.dc09.Dc09Result;

/**
 * The transmitter on a virtual clock for {@code vigil simulate}: the real {@link TransmitPlanner}
 * against virtual receivers that acknowledge at once, unless the scenario has cut the path (then
 * they stay silent, as behind a cut cable). Path failures and returns come back as engine inputs
 * (so the engine reports them as ATS faults), deliveries and decisions as installer log entries.
 */
public final class VirtualTransmission {

  /** Something for the simulator: an engine input, or an effect to record, at an instant. */
  public record Output(Instant at, Input input, Effect effect) {}

  private final TransmitPlanner planner;
  private TransmitState state;
  private final Set<String> cut = new HashSet<>();
  private final Deque<TxInput> inbox = new ArrayDeque<>();
  private final java.util.Map<Long, QueuedEvent> raised = new java.util.HashMap<>();
  private long nextId = 1;
  private int nextSeq = 1;

  private VirtualTransmission(SiteConfig site, Instant start) {
    this.planner = new TransmitPlanner(site.transmission(), TransmitSettings.DEFAULT);
    this.state = planner.initial(start, List.of());
  }

  /** Empty when the site has no transmission path. */
  public static Optional<VirtualTransmission> forSite(SiteConfig site, Instant start) {
    if (site.transmission().paths().isEmpty()) return Optional.empty();
    return Optional.of(new VirtualTransmission(site, start));
  }

  /** Cuts (false) or reconnects (true) the path's link; the transmitter notices by itself. */
  public void link(String path, boolean connected) {
    if (connected) cut.remove(path);
    else cut.add(path);
  }

  /** Queues a notification the engine raised (the simulator's queue needs no disk). */
  public void raise(Effect.Notification n, Instant at) {
    QueuedEvent e = new QueuedEvent(nextId++, nextSeq, at, n);
    raised.put(e.id(), e);
    inbox.add(new TxInput.Enqueued(e));
    nextSeq = nextSeq >= 9999 ? 1 : nextSeq + 1;
  }

  public TransmitState state() {
    return state;
  }

  /** When {@link #step} next has something to do. */
  public Optional<Instant> nextDeadline() {
    if (!inbox.isEmpty()) return Optional.of(state.now());
    return planner.nextDeadline(state);
  }

  /** Runs the transmitter at {@code at}: queued events, due timers, and the receivers' answers. */
  public List<Output> step(Instant at) {
    if (at.isBefore(state.now())) at = state.now();
    List<Output> out = new ArrayList<>();
    if (inbox.isEmpty()) inbox.add(new TxInput.Tick());
    TxInput in;
    int guard = 0;
    while ((in = inbox.poll()) != null) {
      if (++guard > 100_000) throw new IllegalStateException("virtual transmission does not settle");
      TransmitPlanner.Result r = planner.step(state, in, at);
      state = r.state();
      for (TxEffect e : r.effects()) handle(e, at, out);
    }
    return out;
  }

  private void handle(TxEffect e, Instant at, List<Output> out) {
    switch (e) {
      case TxEffect.Transmit t -> {
        if (cut.contains(t.path())) return; // silence: the attempt times out
        Dc09Frame ack = Dc09Responses.ackFrame(t.frame(), at);
        inbox.add(new TxInput.Response(t.path(), new Dc09Result.Decoded(ack, List.of()), t.destination()));
      }
      case TxEffect.PathChanged c -> out.add(new Output(at, new Input.PathChanged(c.path(), c.up()), null));
      case TxEffect.Delivered d -> {
        raised.remove(d.eventId());
        out.add(new Output(at, null, new Effect.LogEntry(
          "ARC acknowledged event " + d.eventId() + " (sequence " + String.format("%04d", d.sequence()) + ") over " + d.path(), "DC-09 ACK", false)));
      }
      case TxEffect.Undeliverable u -> {
        out.add(new Output(at, null, new Effect.LogEntry("event " + u.eventId() + " given up: " + u.reason(), u.rule(), false)));
        // Reported locally as on a real panel (mandatory log entry, keypad fault).
        QueuedEvent given = raised.remove(u.eventId());
        if (given != null) out.add(new Output(at, GivenUpReport.input(given, u.path(), u.reason()), null));
        Effect.Notification n = Codes.notification(Signal.ATS_FAULT, 354, null, 0, null, null, false, u.rule(), "failure to communicate event " + u.eventId());
        out.add(new Output(at, null, n));
        raise(n, at);
      }
      case TxEffect.Log l -> {
        // Poll failures on a cut path repeat every few seconds: leave them out of the timeline.
        if (!l.rule().equals("DC-09 NULL supervision")) {
          out.add(new Output(at, null, new Effect.LogEntry((l.path() == null ? "" : l.path() + ": ") + l.message(), l.rule(), false)));
        }
      }
    }
  }
}
