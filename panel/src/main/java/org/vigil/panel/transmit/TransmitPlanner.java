package org.vigil.panel.transmit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.transmit.TransmitState.Head;
import org.vigil.panel.transmit.TransmitState.Outstanding;
import org.vigil.panel.transmit.TransmitState.PathState;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Result;

/**
 * The pure transmitter: {@code (state, input, now) -> (state, effects)}. It decides what to send on
 * which path and when, matches answers, retransmits with the same sequence, adopts a receiver's
 * clock from its NAK, gives an event up after DUHs, fails over between paths, polls each path with
 * NULL and declares a path failed or restored. It reads no clock and does no I/O.
 *
 * <p>Ordering: one event is in progress at a time, the oldest; the next leaves only when it has been
 * acknowledged (or given up). So events leave in the order raised on every path, and an unconfirmed
 * alarm is never sent after the confirmed alarm raised after it (BS 8243 6.4.5 e).
 */
public final class TransmitPlanner {
  static final String RULE_SEQ = "DC-09 5.5: retransmit with the same sequence";
  static final String RULE_NAK = "DC-09 NAK: receiver time adopted";
  static final String RULE_DUH = "DC-09 DUH: receiver cannot process";
  static final String RULE_FAILOVER = "EN50136-1 DP: fail over to the alternative path";
  static final String RULE_FAULT = "EN50136-1 reporting time; DD243 4.3";
  static final String RULE_BACKUP_RATE = "EN50136-1 DP: secondary takes the primary's supervision on primary failure";
  static final String RULE_DESTINATION = "path destinations tried in order (ARC receiver pair)";

  private final Transmission tx;
  private final List<TransmissionPath> paths;
  private final Map<String, TransmissionPath> byId = new LinkedHashMap<>();
  private final TransmitSettings settings;

  public TransmitPlanner(Transmission tx, TransmitSettings settings) {
    this.tx = tx;
    this.settings = settings;
    List<TransmissionPath> ps = new ArrayList<>(tx.paths());
    ps.sort(Comparator.comparing(p -> p.role() == TransmissionPath.Role.PRIMARY ? 0 : 1));
    this.paths = List.copyOf(ps);
    for (TransmissionPath p : paths) byId.put(p.id(), p);
  }

  public List<TransmissionPath> paths() {
    return paths;
  }

  public TransmitSettings settings() {
    return settings;
  }

  /** The state at start: every path presumed up (the failure time runs from now), queue as recovered. */
  public TransmitState initial(Instant start, List<QueuedEvent> pending) {
    Map<String, PathState> m = new LinkedHashMap<>();
    for (TransmissionPath p : paths) m.put(p.id(), new PathState(p.id(), true, start, start, start, start, null, 0, 0));
    return new TransmitState(m, pending, null, Map.of(), start);
  }

  public record Result(TransmitState state, List<TxEffect> effects) {}

  public Result step(TransmitState s, TxInput input, Instant now) {
    if (now.isBefore(s.now())) now = s.now(); // the shell's clock stepped back: hold time still
    Work w = new Work(s, now);
    switch (input) {
      case TxInput.Tick t -> {}
      case TxInput.Enqueued e -> {
        if (w.queue.stream().noneMatch(q -> q.id() == e.event().id())) {
          int i = 0;
          while (i < w.queue.size() && w.queue.get(i).id() < e.event().id()) i++;
          w.queue.add(i, e.event());
        }
      }
      case TxInput.Response r -> w.response(r.path(), r.result(), r.destination());
      case TxInput.LinkFailed f -> {
        PathState p = w.paths.get(f.path());
        // A failure of a receiver the path has already moved away from changes nothing.
        if (p != null && p.outstanding() != null && (f.destination() < 0 || f.destination() == p.outstanding().destination())) {
          w.failure(f.path(), "link failed: " + f.reason(), false);
        }
      }
    }
    w.timeouts();
    w.supervise();
    w.sendHead();
    w.polls();
    return new Result(w.state(), List.copyOf(w.effects));
  }

  /** The next instant at which {@link #step} with a Tick has something to do, if any. */
  public Optional<Instant> nextDeadline(TransmitState s) {
    Instant best = null;
    boolean primaryDown = primaryDown(s.paths());
    for (TransmissionPath tp : paths) {
      PathState p = s.path(tp.id());
      List<Instant> c = new ArrayList<>(3);
      if (p.outstanding() != null) c.add(p.outstanding().deadline());
      else {
        c.add(later(p.nextPoll(), p.notBefore()));
        if (s.head() != null && s.head().path().equals(p.id()) || s.head() == null && !s.queue().isEmpty()) c.add(p.notBefore());
      }
      if (p.up()) c.add(later(p.lastAck(), p.graceFrom()).plus(failureTime(tp, primaryDown)));
      for (Instant i : c) if (best == null || i.isBefore(best)) best = i;
    }
    if (best != null && best.isBefore(s.now())) best = s.now();
    return Optional.ofNullable(best);
  }

  // ------------------------------------------------------------------ supervision regime

  Duration pollInterval(TransmissionPath p, boolean primaryDown, boolean up) {
    Duration d = p.pollInterval();
    TransmissionPath primary = paths.get(0);
    if (primaryDown && p != primary && primary.pollInterval().compareTo(d) < 0) d = primary.pollInterval();
    if (!up && settings.downPollInterval().compareTo(d) < 0) d = settings.downPollInterval();
    // A poll must be answerable before the failure time runs out, or a path polled exactly at its
    // failure time would be declared failed while its poll is still in flight.
    Duration latest = failureTime(p, primaryDown).minus(settings.ackTimeout());
    if (latest.isPositive() && latest.compareTo(d) < 0) d = latest;
    return d;
  }

  Duration failureTime(TransmissionPath p, boolean primaryDown) {
    Duration d = p.failureTime();
    TransmissionPath primary = paths.get(0);
    if (primaryDown && p != primary && primary.failureTime().compareTo(d) < 0) d = primary.failureTime();
    return d;
  }

  boolean primaryDown(Map<String, PathState> m) {
    return !paths.isEmpty() && !m.get(paths.get(0).id()).up();
  }

  static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The path's destination number {@code i} (0 = the first; wraps). */
  static TransmissionPath.Destination destination(TransmissionPath p, int i) {
    List<TransmissionPath.Destination> ds = p.destinations();
    if (ds.isEmpty()) return new TransmissionPath.Destination(p.host(), p.port());
    return ds.get(Math.floorMod(i, ds.size()));
  }

  static int destinations(TransmissionPath p) {
    return Math.max(1, p.destinations().size());
  }

  /** A receiver's clock offset is kept per receiver address (two paths may share a receiver). */
  static String receiverKey(TransmissionPath p, int destination) {
    return destination(p, destination).toString();
  }

  /** Attempts of one event on a path before failing over: at least one per destination. */
  int attemptsOnPath(TransmissionPath p) {
    return Math.max(settings.attemptsPerPath(), destinations(p));
  }

  /** Builds the DC-09 frame of an event or a NULL poll for a path, stamped in the receiver's time. */
  Dc09Frame frame(TransmissionPath p, int destination, Dc09Id id, int sequence, String data, Instant now, Map<String, Duration> offsets) {
    Duration offset = offsets.getOrDefault(receiverKey(p, destination), Duration.ZERO);
    return Dc09Frame.builder(id)
        .encrypted(p.key() != null)
        .sequence(sequence)
        .receiver(p.receiver())
        .line(p.line())
        .account(p.account())
        .data(data)
        .timestamp(now.plus(offset))
        .build();
  }

  /**
   * Adds the {@code [V<link>]} block (research A.9) of a hold-up alarm with images. Only an absolute
   * http(s) link the ARC can fetch is sent; one the service could not resolve, or too long for the
   * 256-character V field, is left out so it never puts the alarm frame itself at risk.
   */
  static Dc09Frame withVerification(Dc09Frame f, String link) {
    if (link == null || link.length() > 256 || !(link.startsWith("http://") || link.startsWith("https://"))) return f;
    try {
      org.vigil.protocol.dc09.ExtendedData v = new org.vigil.protocol.dc09.ExtendedData('V', link);
      List<org.vigil.protocol.dc09.ExtendedData> xs = new java.util.ArrayList<>(f.extended());
      xs.add(v);
      return new Dc09Frame(f.id(), f.encrypted(), f.sequence(), f.receiver(), f.line(), f.accountMarker(), f.account(), f.data(), xs, f.timestamp(), f.crcForm(), f.raw());
    } catch (IllegalArgumentException e) {
      return f; // a bracket or CR in the link: no [V], the alarm goes anyway
    }
  }

  // ------------------------------------------------------------------ one step

  private final class Work {
    final Instant now;
    final Map<String, PathState> paths;
    final List<QueuedEvent> queue;
    Head head;
    final Map<String, Duration> offsets;
    final List<TxEffect> effects = new ArrayList<>();

    Work(TransmitState s, Instant now) {
      this.now = now;
      this.paths = new LinkedHashMap<>(s.paths());
      this.queue = new ArrayList<>(s.queue());
      this.head = s.head();
      this.offsets = new LinkedHashMap<>(s.offsets());
    }

    TransmitState state() {
      return new TransmitState(paths, queue, head, offsets, now);
    }

    void log(String path, String msg, String rule) {
      effects.add(new TxEffect.Log(path, msg, rule));
    }

    PathState p(String id) {
      return paths.get(id);
    }

    void put(PathState p) {
      paths.put(p.id(), p);
    }

    boolean primaryDown() {
      return TransmitPlanner.this.primaryDown(paths);
    }

    QueuedEvent event(long id) {
      for (QueuedEvent q : queue) if (q.id() == id) return q;
      return null;
    }

    // ---- answers

    void response(String pathId, Dc09Result result, int destination) {
      PathState p = p(pathId);
      if (p == null) return;
      Outstanding o = p.outstanding();
      int from = destination >= 0 ? destination : o != null ? o.destination() : p.destination();
      boolean isAck = result instanceof Dc09Result.Decoded dd && (dd.frame().id() == Dc09Id.ACK || dd.frame().id() == Dc09Id.RSP);
      if (o != null && from != o.destination() && !isAck) {
        // An answer from a receiver of the path the frame in flight was not sent to (an earlier attempt).
        log(pathId, "answer from " + receiverKey(byId.get(pathId), from) + " while waiting for "
            + receiverKey(byId.get(pathId), o.destination()) + " ignored", RULE_DESTINATION);
        return;
      }
      if (!(result instanceof Dc09Result.Decoded d)) {
        Dc09Result.Rejected r = (Dc09Result.Rejected) result;
        if (o == null) {
          log(pathId, "unreadable answer while nothing was outstanding ignored: " + r.error(), "DC-09");
          return;
        }
        failure(pathId, "unreadable answer (" + r.error().kind().label() + ")", false);
        return;
      }
      Dc09Frame f = d.frame();
      switch (f.id()) {
        case ACK, RSP -> ack(pathId, p, o, f, from);
        case NAK -> nak(pathId, p, o, f, from);
        case DUH -> duh(pathId, p, o, f, from);
        default -> {
          if (o != null) failure(pathId, "answer is not ACK/NAK/DUH but " + f.id().token(), false);
        }
      }
    }

    void ack(String pathId, PathState p, Outstanding o, Dc09Frame f, int from) {
      TransmissionPath tp = byId.get(pathId);
      if (f.account() != null && tp.account() != null && !f.account().equalsIgnoreCase(tp.account())) {
        if (o != null) failure(pathId, "ACK for account " + f.account() + ", not ours", false);
        return;
      }
      int seq = f.sequenceNumber();
      if (o != null && o.sequence() == seq) {
        success(pathId, o.eventId(), from);
        return;
      }
      // A late ACK for the head event (its earlier attempt timed out): it was delivered after all.
      if (head != null) {
        QueuedEvent h = event(head.eventId());
        if (h != null && h.sequence() == seq && seq != 0) {
          PathState q = p(pathId);
          if (q.outstanding() != null && q.outstanding().sequence() == seq) q = with(q, null);
          put(q);
          log(pathId, "late ACK for sequence " + f.sequence() + " accepted", RULE_SEQ);
          markAlive(pathId, from);
          delivered(pathId, h, from);
          return;
        }
      }
      log(pathId, "ACK for sequence " + f.sequence() + " matches nothing outstanding: ignored", "DC-09: panel validates the echoed sequence");
    }

    void nak(String pathId, PathState p, Outstanding o, Dc09Frame f, int from) {
      if (o == null) {
        log(pathId, "NAK while nothing was outstanding ignored", "DC-09");
        return;
      }
      TransmissionPath tp = byId.get(pathId);
      boolean adopted = false;
      if (f.timestampUtc().isPresent()) {
        Duration offset = Duration.between(now, f.timestampUtc().get());
        Duration old = offsets.getOrDefault(receiverKey(tp, from), Duration.ZERO);
        if (offset.minus(old).abs().compareTo(Duration.ofSeconds(2)) >= 0) {
          offsets.put(receiverKey(tp, from), offset);
          adopted = true;
          log(pathId, "NAK: receiver " + receiverKey(tp, from) + " time offset " + offset.toSeconds() + " s adopted", RULE_NAK);
        }
      }
      failure(pathId, "NAK" + (adopted ? " (clock corrected)" : ""), adopted);
    }

    void duh(String pathId, PathState p, Outstanding o, Dc09Frame f, int from) {
      if (o == null) return;
      // The receiver read the frame: the path itself works.
      put(with(p, null));
      markAlive(pathId, from);
      if (o.poll()) {
        log(pathId, "receiver answered DUH to a NULL poll (path counted alive)", RULE_DUH);
        return;
      }
      if (head == null || head.eventId() != o.eventId()) return;
      head = new Head(head.eventId(), head.path(), 0, head.attempts(), head.duhs() + 1);
      QueuedEvent e = event(head.eventId());
      TransmissionPath tp = byId.get(pathId);
      log(pathId, "DUH from " + receiverKey(tp, from) + " for event " + e.id() + " sequence " + String.format("%04d", e.sequence())
          + " (" + head.duhs() + " of " + settings.maxDuh() + ")", RULE_DUH);
      if (head.duhs() >= settings.maxDuh()) {
        effects.add(new TxEffect.Undeliverable(e.id(), pathId, RULE_DUH, "receiver answered DUH " + head.duhs() + " times"));
        queue.remove(e);
        head = null;
      } else if (destinations(tp) > 1) {
        // The next receiver in order may understand it: the path's other receiver first.
        PathState q = p(pathId);
        int next = (from + 1) % destinations(tp);
        put(new PathState(q.id(), q.up(), q.lastAck(), q.graceFrom(), q.nextPoll(), q.notBefore(), q.outstanding(), q.failures(), q.goodAcks(), next,
            q.answered()));
        log(pathId, "event " + e.id() + " goes to " + receiverKey(tp, next) + " next (DUH from " + receiverKey(tp, from) + ")", RULE_DESTINATION);
      } else {
        switchPath(nextPath(pathId), "DUH on " + pathId);
      }
    }

    void success(String pathId, Long eventId, int from) {
      PathState p = p(pathId);
      put(with(p, null));
      markAlive(pathId, from);
      if (eventId != null && head != null && head.eventId() == eventId) {
        QueuedEvent e = event(eventId);
        if (e != null) delivered(pathId, e, from);
      }
    }

    void delivered(String pathId, QueuedEvent e, int from) {
      TransmissionPath tp = byId.get(pathId);
      if (destinations(tp) > 1) {
        log(pathId, "event " + e.id() + " sequence " + String.format("%04d", e.sequence()) + " acknowledged by " + receiverKey(tp, from), RULE_DESTINATION);
      }
      effects.add(new TxEffect.Delivered(e.id(), pathId, e.sequence()));
      queue.remove(e);
      head = null;
    }

    /** The receiver answered on this path: it is alive; restore it after enough answers in a row. */
    void markAlive(String pathId, int from) {
      PathState p = p(pathId);
      TransmissionPath tp = byId.get(pathId);
      int n = destinations(tp);
      from = Math.floorMod(from, n);
      if (n > 1 && from != p.answered()) {
        log(pathId, "receiver " + receiverKey(tp, from) + " (destination " + (from + 1) + " of " + n + ") answers"
            + (p.answered() < 0 ? "" : " instead of " + receiverKey(tp, p.answered())), RULE_DESTINATION);
      }
      boolean wasPrimaryDown = primaryDown();
      int good = p.up() ? 0 : p.goodAcks() + 1;
      boolean up = p.up() || good >= settings.restoreAcks();
      Instant nextPoll = p.nextPoll();
      if (!p.up() && !up) nextPoll = now.plus(pollInterval(byId.get(pathId), wasPrimaryDown, false));
      // Stay with the receiver that answers until it fails.
      put(new PathState(p.id(), up, now, p.graceFrom(), nextPoll, now, p.outstanding(), 0, up ? 0 : good, from, from));
      if (!p.up() && up) {
        effects.add(new TxEffect.PathChanged(pathId, true, RULE_FAULT, settings.restoreAcks() + " acknowledgements in a row"));
        regimeChanged(wasPrimaryDown);
      }
    }

    /** A failed attempt on the path (timeout, link failure, NAK, garbage). */
    void failure(String pathId, String reason, boolean resendNow) {
      PathState p = p(pathId);
      Outstanding o = p.outstanding();
      if (o == null) return;
      TransmissionPath tp = byId.get(pathId);
      Instant notBefore = resendNow ? now : now.plus(settings.retryDelay());
      int n = destinations(tp);
      int failures = p.failures() + 1;
      // A receiver that does not answer: the next frame goes to the path's next destination (a
      // NAK that corrected the clock is resent to the same receiver).
      int dest = p.destination();
      if (n > 1 && !resendNow && o.destination() == p.destination()) {
        dest = (o.destination() + 1) % n;
        log(pathId, receiverKey(tp, o.destination()) + " failed (" + reason + "): next frame to " + receiverKey(tp, dest), RULE_DESTINATION);
      }
      Instant nextPoll = p.nextPoll();
      if (o.poll()) {
        Duration again = pollInterval(tp, primaryDown(), p.up());
        if (settings.downPollInterval().compareTo(again) < 0) again = settings.downPollInterval();
        // A destination not yet tried since the last answer is polled after the short pause.
        if (failures < n) again = settings.retryDelay();
        nextPoll = resendNow ? now : now.plus(again);
      }
      put(new PathState(p.id(), p.up(), p.lastAck(), p.graceFrom(), nextPoll, notBefore, null, failures, p.goodAcks(), dest, p.answered()));
      if (o.poll()) {
        log(pathId, "NULL poll not acknowledged: " + reason, "DC-09 NULL supervision");
        return;
      }
      if (head == null || head.eventId() != o.eventId()) return;
      head = new Head(head.eventId(), head.path(), head.attemptsOnPath() + 1, head.attempts(), head.duhs());
      log(pathId, "event " + o.eventId() + " sequence " + String.format("%04d", o.sequence()) + " attempt " + o.attempt() + " failed: " + reason, RULE_SEQ);
      if (head.attemptsOnPath() >= attemptsOnPath(tp)) {
        String next = nextPath(pathId);
        if (!next.equals(pathId)) switchPath(next, head.attemptsOnPath() + " failed attempts on " + pathId);
        else head = new Head(head.eventId(), head.path(), 0, head.attempts(), head.duhs());
      }
    }

    void switchPath(String to, String why) {
      if (!to.equals(head.path())) log(to, "event " + head.eventId() + " fails over from " + head.path() + " to " + to + " (" + why + ")", RULE_FAILOVER);
      head = new Head(head.eventId(), to, 0, head.attempts(), head.duhs());
    }

    String nextPath(String from) {
      List<TransmissionPath> ps = TransmitPlanner.this.paths;
      int i = 0;
      while (i < ps.size() && !ps.get(i).id().equals(from)) i++;
      // Prefer the next path that is up; otherwise simply the next one.
      for (int k = 1; k <= ps.size(); k++) {
        TransmissionPath c = ps.get((i + k) % ps.size());
        if (p(c.id()).up()) return c.id();
      }
      return ps.get((i + 1) % ps.size()).id();
    }

    PathState with(PathState p, Outstanding o) {
      return new PathState(p.id(), p.up(), p.lastAck(), p.graceFrom(), p.nextPoll(), p.notBefore(), o, p.failures(), p.goodAcks(), p.destination(),
          p.answered());
    }

    // ---- time

    void timeouts() {
      for (String id : new ArrayList<>(paths.keySet())) {
        Outstanding o = p(id).outstanding();
        if (o != null && !now.isBefore(o.deadline())) {
          failure(id, "no answer within " + settings.ackTimeout().toSeconds() + " s", false);
        }
      }
    }

    void supervise() {
      for (TransmissionPath tp : TransmitPlanner.this.paths) {
        PathState p = p(tp.id());
        if (!p.up()) continue;
        boolean wasPrimaryDown = primaryDown();
        Duration ft = failureTime(tp, wasPrimaryDown);
        Instant due = later(p.lastAck(), p.graceFrom()).plus(ft);
        if (now.isBefore(due)) continue;
        put(new PathState(p.id(), false, p.lastAck(), p.graceFrom(), now, p.notBefore(), p.outstanding(), p.failures(), 0, p.destination(), p.answered()));
        effects.add(new TxEffect.PathChanged(tp.id(), false, RULE_FAULT,
            "no acknowledgement for " + ft.toSeconds() + " s (" + tp.technology() + ")"));
        regimeChanged(wasPrimaryDown);
        if (head != null && head.path().equals(tp.id()) && p(head.path()).outstanding() == null) {
          String next = nextPath(tp.id());
          if (!next.equals(tp.id()) && p(next).up()) switchPath(next, tp.id() + " declared failed");
        }
      }
    }

    /** When the primary fails or returns, the secondary's supervision changes: restart its clocks. */
    void regimeChanged(boolean wasPrimaryDown) {
      boolean isPrimaryDown = primaryDown();
      if (wasPrimaryDown == isPrimaryDown) return;
      for (TransmissionPath tp : TransmitPlanner.this.paths.subList(1, TransmitPlanner.this.paths.size())) {
        PathState p = p(tp.id());
        Instant np = p.nextPoll();
        Instant sooner = now.plus(pollInterval(tp, isPrimaryDown, p.up()));
        if (sooner.isBefore(np)) np = sooner;
        put(new PathState(p.id(), p.up(), p.lastAck(), now, np, p.notBefore(), p.outstanding(), p.failures(), p.goodAcks(), p.destination(), p.answered()));
        if (isPrimaryDown) log(tp.id(), "polls every " + pollInterval(tp, true, p.up()).toSeconds() + " s while the primary is failed", RULE_BACKUP_RATE);
      }
    }

    // ---- sending

    void sendHead() {
      if (queue.isEmpty()) return;
      QueuedEvent e = queue.get(0);
      if (head == null || head.eventId() != e.id()) head = new Head(e.id(), choosePath(), 0, 0, 0);
      // Already outstanding somewhere (e.g. a late answer may still come on the old path).
      for (PathState p : paths.values()) {
        if (p.outstanding() != null && !p.outstanding().poll() && p.outstanding().eventId() == e.id()) return;
      }
      PathState p = p(head.path());
      if (!p.up()) {
        for (TransmissionPath c : TransmitPlanner.this.paths) {
          PathState q = p(c.id());
          if (q.up() && q.failures() == 0 && !c.id().equals(head.path()) && encodes(c, e)) {
            switchPath(c.id(), head.path() + " is failed");
            p = q;
            break;
          }
        }
      }
      if (p.outstanding() != null || now.isBefore(p.notBefore())) return;
      TransmissionPath tp = byId.get(p.id());
      EventFormat.Encoded enc = EventFormat.encode(e.notification(), tp.format(), tp.account(), tx.duressZone992());
      if (enc instanceof EventFormat.Encoded.NoCode nc) {
        // Another path's format may have a code for it (e.g. Contact ID where SIA has none).
        for (TransmissionPath c : TransmitPlanner.this.paths) {
          if (c.format() == tp.format()) continue;
          if (encodes(c, e)) {
            switchPath(c.id(), nc.reason() + " in " + tp.format() + ", " + c.format() + " has one");
            sendHead();
            return;
          }
        }
        effects.add(new TxEffect.Undeliverable(e.id(), p.id(), "event catalogue", nc.reason()));
        queue.remove(0);
        head = null;
        sendHead();
        return;
      }
      String data = ((EventFormat.Encoded.Data) enc).data();
      Integer user = e.notification().user();
      if (head.attempts() == 0 && user != null && e.notification().signal() != org.vigil.panel.engine.Signal.DURESS
          && EventFormat.reportedUser(tp.format(), user) != user) {
        log(p.id(), String.format("user %03d reported as %03d in %s", user, EventFormat.reportedUser(tp.format(), user), tp.format()),
            tp.format() == TransmissionPath.Format.ADM_CID ? EventFormat.RULE_CID_USERS : EventFormat.RULE_OTHER_USERS);
      }
      Dc09Id id = tp.format() == TransmissionPath.Format.ADM_CID ? Dc09Id.ADM_CID : Dc09Id.SIA_DCS;
      Dc09Frame f = withVerification(frame(tp, p.destination(), id, e.sequence(), data, now, offsets), e.notification().verification());
      int attempt = head.attempts() + 1;
      head = new Head(head.eventId(), head.path(), head.attemptsOnPath(), attempt, head.duhs());
      Outstanding o = new Outstanding(e.id(), e.sequence(), now.plus(settings.ackTimeout()), f, attempt, p.destination());
      // Any transmission restarts the supervision interval (DC-09 NULL: "when the PE transmits any other message").
      Instant nextPoll = now.plus(pollInterval(tp, primaryDown(), p.up()));
      put(new PathState(p.id(), p.up(), p.lastAck(), p.graceFrom(), nextPoll, p.notBefore(), o, p.failures(), p.goodAcks(), p.destination(), p.answered()));
      if (attempt > 1) log(p.id(), "retransmitting event " + e.id() + " with sequence " + f.sequence() + " (attempt " + attempt + ")", RULE_SEQ);
      effects.add(new TxEffect.Transmit(p.id(), f, e.id(), attempt, p.destination()));
    }

    boolean encodes(TransmissionPath c, QueuedEvent e) {
      return EventFormat.encode(e.notification(), c.format(), c.account(), tx.duressZone992()) instanceof EventFormat.Encoded.Data;
    }

    String choosePath() {
      for (TransmissionPath c : TransmitPlanner.this.paths) {
        PathState q = p(c.id());
        if (q.up() && q.failures() == 0) return c.id();
      }
      for (TransmissionPath c : TransmitPlanner.this.paths) if (p(c.id()).up()) return c.id();
      return TransmitPlanner.this.paths.get(0).id();
    }

    void polls() {
      for (TransmissionPath tp : TransmitPlanner.this.paths) {
        PathState p = p(tp.id());
        if (p.outstanding() != null || now.isBefore(p.nextPoll()) || now.isBefore(p.notBefore())) continue;
        Dc09Frame f = frame(tp, p.destination(), Dc09Id.NULL, 0, "", now, offsets);
        Outstanding o = new Outstanding(null, 0, now.plus(settings.ackTimeout()), f, 1, p.destination());
        Instant nextPoll = now.plus(pollInterval(tp, primaryDown(), p.up()));
        put(new PathState(p.id(), p.up(), p.lastAck(), p.graceFrom(), nextPoll, p.notBefore(), o, p.failures(), p.goodAcks(), p.destination(), p.answered()));
        effects.add(new TxEffect.Transmit(tp.id(), f, null, 1, p.destination()));
      }
    }
  }
}
