package org.vigil.panel.transmit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.engine.Effect;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.Dc09Responses;
import org.vigil.protocol.dc09.KeyForm;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * Drives the pure planner on a virtual clock against scripted receivers that answer with real
 * DC-09 bytes (encoded and decoded by the protocol library), one per path.
 */
final class VirtualNet {
  enum Behaviour { ACK, SILENT, REFUSE, NAK, DUH, GARBAGE }

  final TransmitPlanner planner;
  TransmitState state;
  Instant now;
  final Map<String, Behaviour> behaviour = new HashMap<>();
  /** Per receiver address ("host:port"): overrides the path's behaviour for that destination. */
  final Map<String, Behaviour> receiver = new HashMap<>();
  /** Receiver clock minus true time, per path. */
  final Map<String, Duration> receiverSkew = new HashMap<>();
  final List<TxEffect> effects = new ArrayList<>();
  final List<TxEffect.Transmit> sent = new ArrayList<>();
  final Dc09Codec codec = Dc09Codec.standard();
  final Dc09Responses responses = new Dc09Responses(codec);
  final Map<String, Dc09Key> keys = new HashMap<>();
  long nextId = 1;
  int nextSeq = 1;

  VirtualNet(Transmission tx, TransmitSettings settings, Instant start) {
    planner = new TransmitPlanner(tx, settings);
    state = planner.initial(start, List.of());
    now = start;
    for (var p : tx.paths()) {
      behaviour.put(p.id(), Behaviour.ACK);
      if (p.key() != null) keys.put(p.id(), Dc09Key.parse(p.key(), KeyForm.valueOf(p.keyForm().name())));
    }
  }

  QueuedEvent raise(Effect.Notification n) {
    QueuedEvent e = new QueuedEvent(nextId++, nextSeq, now, n);
    nextSeq = nextSeq >= 9999 ? 1 : nextSeq + 1;
    apply(new TxInput.Enqueued(e));
    return e;
  }

  void apply(TxInput in) {
    TransmitPlanner.Result r = planner.step(state, in, now);
    state = r.state();
    for (TxEffect e : r.effects()) {
      effects.add(e);
      if (e instanceof TxEffect.Transmit t) answer(t);
    }
  }

  /** The receiver answers at once (no network latency in virtual time). */
  void answer(TxEffect.Transmit t) {
    Dc09Key key = keys.get(t.path());
    byte[] bytes = codec.encode(t.frame(), key);
    sent.add(t);
    Instant receiverNow = now.plus(receiverSkew.getOrDefault(t.path(), Duration.ZERO));
    Dc09Frame req = ((org.vigil.protocol.dc09.Dc09Result.Decoded) codec.decode(bytes, KeyLookup.always(key))).frame();
    Behaviour b = receiver.getOrDefault(TransmitPlanner.receiverKey(planner.paths().stream().filter(p -> p.id().equals(t.path())).findFirst().orElseThrow(),
        t.destination()), behaviour.get(t.path()));
    byte[] answer = switch (b) {
      case ACK -> {
        // A real receiver NAKs frames outside its +20/-40 s window (encrypted or not, here).
        var ts = req.timestampUtc();
        if (ts.isPresent() && !org.vigil.protocol.dc09.TimestampWindow.DEFAULT.accepts(req.timestamp().get(), receiverNow)) {
          yield responses.nak(receiverNow);
        }
        yield responses.ack(req, key, receiverNow);
      }
      case NAK -> responses.nak(receiverNow);
      case DUH -> responses.duh(req);
      case GARBAGE -> "\nHELLO\r".getBytes();
      case SILENT -> null;
      case REFUSE -> null;
    };
    if (b == Behaviour.REFUSE) {
      deferred.add(new TxInput.LinkFailed(t.path(), "connection refused", t.destination()));
    } else if (answer != null) {
      deferred.add(new TxInput.Response(t.path(), codec.decode(answer, KeyLookup.always(key)), t.destination()));
    }
  }

  private final List<TxInput> deferred = new ArrayList<>();

  /** Runs until {@code to}, firing deadlines and delivering answers in order. */
  void runUntil(Instant to) {
    int guard = 0;
    while (true) {
      if (++guard > 1_000_000) throw new IllegalStateException("no progress");
      if (!deferred.isEmpty()) {
        TxInput in = deferred.remove(0);
        apply(in);
        continue;
      }
      var next = planner.nextDeadline(state);
      if (next.isEmpty() || next.get().isAfter(to)) break;
      if (next.get().isAfter(now)) now = next.get();
      apply(new TxInput.Tick());
    }
    now = to;
    apply(new TxInput.Tick());
    while (!deferred.isEmpty()) apply(deferred.remove(0));
  }

  void runFor(Duration d) {
    runUntil(now.plus(d));
  }

  <T extends TxEffect> List<T> of(Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<TxEffect.Transmit> eventsSent() {
    return sent.stream().filter(t -> t.eventId() != null).toList();
  }
}
