package org.vigil.arc.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.AccountDirectory;
import org.vigil.arc.account.Quirk;
import org.vigil.arc.store.SignalRef;
import org.vigil.arc.store.SignalRow;
import org.vigil.arc.store.StoreWrite;
import org.vigil.protocol.dc09.CrcForm;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Error;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Header;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.Dc09Responses;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.Deviation;
import org.vigil.protocol.dc09.ExtendedData;
import org.vigil.protocol.dc09.KeyForm;
import org.vigil.protocol.dc09.KeyLookup;
import org.vigil.protocol.dc09.TimestampWindow;

/**
 * What the receiver does with one frame, whatever the transport: decode (protocol module), find
 * the account, check key, encryption policy and timestamp, store durably, and answer only after the
 * commit. Every outcome is counted and logged with the reason; see docs/arc.md for the table.
 */
public final class FrameProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(FrameProcessor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.fasterxml.jackson.databind.ObjectWriter EVENTS_WRITER =
      JSON.writerFor(new com.fasterxml.jackson.core.type.TypeReference<List<StoredEvent>>() {});
  /** One stored unknown-account frame per panel identity per minute; the rest are only NAKed. */
  private static final Duration UNKNOWN_LOG_INTERVAL = Duration.ofMinutes(1);

  private final AccountDirectory accounts;
  private final CommitBatcher batcher;
  private final Supervisor supervisor;
  private final RetransmissionCache retransmissions;
  private final ReceiverMetrics metrics;
  private final StoredSignalListener listener;
  private final Clock clock;
  private final Dc09Codec codec = Dc09Codec.standard();
  private final Dc09Responses responses = new Dc09Responses(codec);
  private final KeyLookup keys;
  private final ConcurrentHashMap<String, Instant> unknownLogged = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong lastOverloadLog = new java.util.concurrent.atomic.AtomicLong();

  public FrameProcessor(AccountDirectory accounts, CommitBatcher batcher, Supervisor supervisor,
      RetransmissionCache retransmissions, ReceiverMetrics metrics, StoredSignalListener listener, Clock clock) {
    this.accounts = accounts;
    this.batcher = batcher;
    this.supervisor = supervisor;
    this.retransmissions = retransmissions;
    this.metrics = metrics;
    this.listener = listener;
    this.clock = clock;
    this.keys = (r, l, a) -> accounts.lookup(r, l, a).filter(Account::hasKey).map(FrameProcessor::key);
  }

  static Dc09Key key(Account a) {
    return Dc09Key.parse(a.key(), a.keyForm() == org.vigil.arc.account.KeyForm.ASCII ? KeyForm.ASCII : KeyForm.HEX);
  }

  /**
   * Handles one frame. Never throws for bad input: anything unexpected is logged and the frame is
   * answered with NAK (the panel keeps the event and retransmits).
   *
   * @param receivedNanos {@link System#nanoTime()} at arrival, for the ACK latency
   */
  public void process(byte[] raw, Peer peer, Responder out, long receivedNanos) {
    Instant now = clock.instant();
    try {
      Dc09Result result = codec.decode(raw, keys);
      switch (result) {
        case Dc09Result.Rejected r -> rejected(r.error(), raw, peer, out, now);
        case Dc09Result.Decoded d -> decoded(d.frame(), d.deviations(), raw, peer, out, now, receivedNanos);
      }
    } catch (RuntimeException e) {
      LOG.error("frame from {} could not be handled; answering NAK: {}", peer.label(), e.toString(), e);
      metrics.frame(peer.transport(), "error");
      out.send(responses.nak(now));
    }
  }

  private void rejected(Dc09Error error, byte[] raw, Peer peer, Responder out, Instant now) {
    Dc09Header h = error.header();
    switch (error.kind()) {
      case KEY_REQUIRED, DECRYPT, ENCRYPTION_REQUIRED -> {
        Optional<Account> account = h == null ? Optional.empty() : accounts.lookup(h.receiver(), h.line(), h.account());
        String reason = account.isEmpty() ? "UNKNOWN_ACCOUNT"
            : error.kind() == Dc09Error.Kind.DECRYPT ? "WRONG_KEY"
            : error.kind() == Dc09Error.Kind.KEY_REQUIRED ? "NO_KEY" : "ENCRYPTION_REQUIRED";
        keepUnknown(reason, error.toString(), h, raw, peer, out, now, h == null ? CrcForm.HEX : h.crcForm());
        return;
      }
      default -> {}
    }
    metrics.frame(peer.transport(), "rejected_" + error.kind().label());
    LOG.info("frame from {} rejected: {}", peer.label(), error);
    Optional<byte[]> answer = responses.answer(error, now);
    if (answer.isPresent()) out.send(answer.get());
    else out.noAnswer();
  }

  private void decoded(Dc09Frame f, List<Deviation> deviations, byte[] raw, Peer peer, Responder out, Instant now,
      long receivedNanos) {
    if (f.id().isResponse()) {
      // A response sent to the receiver (a confused peer or a loop): nothing to store or answer.
      metrics.frame(peer.transport(), "ignored_response");
      LOG.info("{} sent a {} to the receiver; ignored", peer.label(), f.id().token());
      out.noAnswer();
      return;
    }
    String number = f.account() != null ? f.account() : dataAccount(f.data());
    Optional<Account> found = accounts.lookup(f.receiver(), f.line(), number);
    if (found.isEmpty()) {
      Dc09Header h = new Dc09Header(f.id().token(), f.id(), f.encrypted(), f.sequence(), f.receiver(), f.line(),
          f.accountMarker(), number, f.crcForm());
      keepUnknown("UNKNOWN_ACCOUNT", "no account " + describe(f.receiver(), f.line(), number), h, raw, peer, out, now,
          f.crcForm());
      return;
    }
    Account account = found.get();
    if (account.encryptionRequired() && !f.encrypted()) {
      Dc09Header h = new Dc09Header(f.id().token(), f.id(), false, f.sequence(), f.receiver(), f.line(),
          f.accountMarker(), number, f.crcForm());
      keepUnknown("ENCRYPTION_REQUIRED", "account " + account.label() + " requires encryption; clear-text frame refused",
          h, raw, peer, out, now, f.crcForm());
      return;
    }
    if (account.checkTimestamp()) {
      TimestampWindow window = new TimestampWindow(Duration.ofSeconds(account.windowFutureSeconds()),
          Duration.ofSeconds(account.windowPastSeconds()));
      Optional<Dc09Error> late = window.check(f, now);
      if (late.isPresent()) {
        // Not stored: the NAK carries our time, the panel corrects its clock and resends (DC-09).
        metrics.frame(peer.transport(), "nak_timestamp");
        LOG.warn("frame from {} for {} NAKed: {}", peer.label(), account.label(), late.get());
        out.send(responses.nak(now, f.crcForm()));
        return;
      }
    }
    String path = pathKey(f, peer);
    String technology = supervisor.onFrame(account, path, now);
    String undeclared = undeclaredQuirks(account, f, deviations, raw);
    if (!undeclared.isEmpty())
      LOG.warn("frame from {} for {} shows undeclared quirks [{}]; accepted", peer.label(), account.label(), undeclared);
    byte[] ack = responses.ack(f, f.encrypted() ? key(account) : null, now);
    if (f.id() == Dc09Id.NULL) {
      StoreWrite seen = new StoreWrite.PathSeen(account.id(), path, now);
      boolean queued = batcher.submit(seen, () -> {
        out.send(ack);
        metrics.acked(receivedNanos);
        metrics.frame(peer.transport(), "ack_null");
      });
      if (!queued) overloaded(peer, out);
      return;
    }

    byte[] dedup = dedupKey(account, f);
    RetransmissionCache.Seen s = retransmissions.recognise(dedup, now);
    if (s.retransmission()) {
      StoreWrite w = new StoreWrite.Retransmission(s.ref(), account.id(), now, path, peer.label(), raw, ack);
      boolean queued = batcher.submit(w, () -> {
        out.send(ack);
        metrics.acked(receivedNanos);
        metrics.frame(peer.transport(), "ack_retransmission");
      });
      if (!queued) overloaded(peer, out);
      LOG.debug("retransmission from {} of signal {}", peer.label(), s.ref().id());
      return;
    }
    List<StoredEvent> events = SignalEventMapping.events(f);
    SignalRow row = new SignalRow(account.id(), "PANEL", now, f.timestampUtc().orElse(null), path, peer.label(),
        f.id().token(), f.encrypted(), f.sequence(), f.receiver(), f.line(), number == null ? "" : number, f.data(),
        f.extended().stream().map(ExtendedData::block).collect(Collectors.joining("\n")), json(events), undeclared,
        raw, ack, dedup);
    SignalRef ref = s.ref();
    String finalNumber = number == null ? "" : number;
    boolean queued = batcher.submit(new StoreWrite.NewSignal(ref, row), () -> {
      out.send(ack);
      metrics.acked(receivedNanos);
      metrics.frame(peer.transport(), "ack");
      listener.onStored(new StoredSignal(ref.id(), account.id(), finalNumber, StoredSignal.Origin.PANEL, now,
          f.timestampUtc(), path, technology, events,
          f.extended().stream().filter(ExtendedData::isVerification).map(ExtendedData::text).toList()));
    });
    if (!queued) {
      retransmissions.forget(dedup, ref);
      overloaded(peer, out);
    }
  }

  private void overloaded(Peer peer, Responder out) {
    // Not stored, so not answered: the panel keeps the event and retransmits.
    boolean closing = batcher.closed();
    metrics.frame(peer.transport(), closing ? "dropped_shutting_down" : "dropped_store_queue_full");
    long nowMs = System.currentTimeMillis();
    long last = lastOverloadLog.get();
    if (nowMs - last > 1000 && lastOverloadLog.compareAndSet(last, nowMs))
      LOG.warn("{}; frames (e.g. from {}) left unanswered, panels will retransmit",
          closing ? "receiver shutting down" : "store queue full (" + batcher.pending() + " writes waiting)", peer.label());
    out.noAnswer();
  }

  /** Stores the frame in the unknown-account log (rate-limited per identity), then NAKs. */
  private void keepUnknown(String reason, String detail, Dc09Header h, byte[] raw, Peer peer, Responder out,
      Instant now, CrcForm form) {
    byte[] nak = responses.nak(now, form);
    String result = "nak_" + reason.toLowerCase(java.util.Locale.ROOT);
    String identity = reason + "|" + (h == null ? peer.address() : h.receiver() + "|" + h.line() + "|" + h.account());
    Instant last = unknownLogged.get(identity);
    if (last != null && now.isBefore(last.plus(UNKNOWN_LOG_INTERVAL))) {
      metrics.frame(peer.transport(), result);
      out.send(nak);
      return;
    }
    unknownLogged.put(identity, now);
    if (unknownLogged.size() > 100_000) unknownLogged.clear();
    LOG.warn("frame from {} kept in the unknown-account log ({}): {}", peer.label(), reason, detail);
    StoreWrite w = new StoreWrite.UnknownFrame(now, reason, detail, h == null ? null : h.account(),
        h == null ? null : h.receiver(), h == null ? null : h.line(), h == null ? null : h.idToken(),
        h == null ? null : h.sequence(), peer.label(), raw, nak);
    boolean queued = batcher.submit(w, () -> {
      metrics.frame(peer.transport(), result);
      out.send(nak);
    });
    if (!queued) {
      unknownLogged.remove(identity);
      overloaded(peer, out);
    }
  }

  /** An ARC-generated signal (path fault or restore): stored first, then published. */
  public void pathChanged(PathSupervision.Change change) {
    PathSupervision.PathState s = change.state();
    Optional<Account> account = accounts.byId(s.accountId());
    String number = account.map(Account::number).orElse("");
    boolean fault = change instanceof PathSupervision.Change.Faulted;
    Instant at = switch (change) {
      case PathSupervision.Change.Faulted f -> f.at();
      case PathSupervision.Change.Restored r -> r.at();
    };
    String text = (fault ? "ARC: path " + s.path() + " failed, no frame since "
        + (s.lastSeen() == null ? "start" : s.lastSeen().toString()) : "ARC: path " + s.path() + " restored")
        + " (" + change.rule() + ")";
    StoredEvent event = new StoredEvent(org.vigil.protocol.event.EventCategory.ATS_FAULT, "ARC",
        fault ? "PATH_FAULT" : "PATH_RESTORE", 0, !fault, "", "", "", text,
        fault ? "Transmission path fault detected by the ARC" : "Transmission path restored");
    List<StoredEvent> events = List.of(event);
    SignalRow row = new SignalRow(s.accountId(), "ARC", at, null, s.path(), "arc supervision", "ARC", false, "0000",
        null, null, number, text, "", json(events), "", new byte[0], new byte[0], null);
    SignalRef ref = new SignalRef();
    LOG.warn("{} {}: {}", account.map(Account::label).orElse("account " + s.accountId()), fault ? "PATH FAULT" : "path restored", text);
    submitUntilQueued(new StoreWrite.PathChange(s.accountId(), s.path(), fault, at), () -> {});
    submitUntilQueued(new StoreWrite.NewSignal(ref, row), () -> listener.onStored(new StoredSignal(ref.id(), s.accountId(),
        number, StoredSignal.Origin.ARC, at, Optional.empty(), s.path(), s.technology(), events)));
  }

  /** ARC signals cannot be retransmitted by a panel, so they wait for room in the queue. */
  private void submitUntilQueued(StoreWrite w, CommitBatcher.OnCommitted cb) {
    for (int i = 0; i < 600 && !batcher.submit(w, cb); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  /** Supervision path of a frame: {@code R<rcvr>L<line>} (normalised), or the source address. */
  static String pathKey(Dc09Frame f, Peer peer) {
    if (f.receiver() == null && f.line() == null) return "ip:" + peer.address();
    return (f.receiver() == null ? "" : "R" + Account.normaliseHex(f.receiver()))
        + (f.line() == null ? "" : "L" + Account.normaliseHex(f.line()));
  }

  /** The account inside the data block ({@code #acct|...}) for frames without one in the header (research A.6). */
  static String dataAccount(String data) {
    if (data == null || !data.startsWith("#")) return null;
    int bar = data.indexOf('|');
    return bar > 1 ? data.substring(1, bar) : null;
  }

  private static String describe(String r, String l, String number) {
    return (r == null ? "" : "R" + r) + (l == null ? "" : "L" + l) + "#" + (number == null ? "(none)" : number);
  }

  /** SHA-256 is not thread-safe and its lookup is not free: one per event-loop thread. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });
  private static final byte[] SEP1 = {1};
  private static final byte[] SEP2 = {2};

  /**
   * The first 16 bytes of SHA-256 over {@code id 0x01 token 0x01 sequence 0x01 data 0x01 xdata}
   * (extended blocks joined by 0x02), UTF-8; stored with each signal, so the definition must not
   * change (keys from the store are compared after a restart). Fed piece by piece: the same bytes
   * as the concatenated string, without building it.
   */
  static byte[] dedupKey(Account a, Dc09Frame f) {
    MessageDigest md = SHA256.get();
    md.reset();
    md.update(Long.toString(a.id()).getBytes(StandardCharsets.UTF_8));
    md.update(SEP1);
    md.update(String.valueOf(f.id().token()).getBytes(StandardCharsets.UTF_8));
    md.update(SEP1);
    md.update(String.valueOf(f.sequence()).getBytes(StandardCharsets.UTF_8));
    md.update(SEP1);
    md.update(String.valueOf(f.data()).getBytes(StandardCharsets.UTF_8));
    md.update(SEP1);
    List<ExtendedData> xs = f.extended();
    for (int i = 0; i < xs.size(); i++) {
      if (i > 0) md.update(SEP2);
      md.update(String.valueOf(xs.get(i).block()).getBytes(StandardCharsets.UTF_8));
    }
    return Arrays.copyOf(md.digest(), 16);
  }

  private static String undeclaredQuirks(Account a, Dc09Frame f, List<Deviation> deviations, byte[] raw) {
    List<String> out = new ArrayList<>();
    if (f.crcForm() == CrcForm.BINARY && !a.quirks().contains(Quirk.BINARY_CRC)) out.add(Quirk.BINARY_CRC.name());
    boolean decimal = deviations.stream().anyMatch(d -> d.kind() == Deviation.Kind.LENGTH_DECIMAL);
    if (decimal && !a.quirks().contains(Quirk.DECIMAL_LENGTH)) out.add(Quirk.DECIMAL_LENGTH.name());
    if (!a.quirks().contains(Quirk.LOWER_CASE_HEX) && hasLowerCaseHex(f, raw)) out.add(Quirk.LOWER_CASE_HEX.name());
    if (!f.encrypted() && f.id() != Dc09Id.NULL && f.timestamp().isEmpty() && !a.quirks().contains(Quirk.MISSING_TIMESTAMP))
      out.add(Quirk.MISSING_TIMESTAMP.name());
    for (Deviation d : deviations)
      if (d.kind() != Deviation.Kind.LENGTH_DECIMAL) out.add(d.kind().name());
    return String.join(",", out);
  }

  private static boolean hasLowerCaseHex(Dc09Frame f, byte[] raw) {
    if (f.crcForm() == CrcForm.HEX && raw.length > 9)
      for (int i = 1; i < 9; i++) if (raw[i] >= 'a' && raw[i] <= 'f') return true;
    return (f.receiver() != null && !f.receiver().equals(f.receiver().toUpperCase(java.util.Locale.ROOT)))
        || (f.line() != null && !f.line().equals(f.line().toUpperCase(java.util.Locale.ROOT)));
  }

  private static String json(List<StoredEvent> events) {
    try {
      return EVENTS_WRITER.writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Receiver time as the panel would read it in a NAK (for logs). */
  static String utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toString();
  }
}
