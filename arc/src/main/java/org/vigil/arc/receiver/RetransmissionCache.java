package org.vigil.arc.receiver;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.arc.store.SignalRef;

/**
 * Recognises retransmissions: the same account, sequence and content (id token, R, L, account,
 * data, extended data; not the timestamp or the padding, which a resend may change) within a
 * window. Dual-path panels and NAK retries deliver the same event twice (research A.5).
 *
 * <p>Warmed from the store at start-up, so a frame committed just before a crash, whose ACK was
 * lost, is still recognised when the panel resends it. Bounded: under a flood the oldest entries
 * go first (that only weakens duplicate detection, it never loses a signal).
 */
public final class RetransmissionCache {
  private record Entry(SignalRef ref, Instant firstSeen) {}

  private final Duration window;
  private final int maxEntries;
  private final LinkedHashMap<ByteBuffer, Entry> entries = new LinkedHashMap<>();

  public RetransmissionCache(Duration window, int maxEntries) {
    this.window = window;
    this.maxEntries = maxEntries;
  }

  public Duration window() {
    return window;
  }

  /** Outcome of {@link #recognise}: the first sighting (store it) or a retransmission of {@code ref}. */
  public record Seen(SignalRef ref, boolean retransmission) {}

  /** Registers the key, or returns the signal it was first stored as. */
  public synchronized Seen recognise(byte[] key, Instant now) {
    ByteBuffer k = ByteBuffer.wrap(key);
    Entry e = entries.get(k);
    if (e != null && !e.firstSeen().plus(window).isBefore(now)) return new Seen(e.ref(), true);
    if (e != null) entries.remove(k);
    SignalRef ref = new SignalRef();
    entries.put(k, new Entry(ref, now));
    if (entries.size() > maxEntries) {
      Iterator<ByteBuffer> it = entries.keySet().iterator();
      it.next();
      it.remove();
    }
    return new Seen(ref, false);
  }

  /** The write for a first sighting could not be queued: forget it so a resend is stored. */
  public synchronized void forget(byte[] key, SignalRef ref) {
    ByteBuffer k = ByteBuffer.wrap(key);
    Entry e = entries.get(k);
    if (e != null && e.ref() == ref) entries.remove(k);
  }

  /** Adds a signal already in the store (start-up warm-up). */
  public synchronized void remember(ByteBuffer key, long signalId, Instant receivedAt) {
    entries.put(key, new Entry(new SignalRef(signalId), receivedAt));
  }

  /** Drops entries older than the window. */
  public synchronized void expire(Instant now) {
    Instant limit = now.minus(window);
    Iterator<Map.Entry<ByteBuffer, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue().firstSeen().isBefore(limit)) it.remove();
      else break; // insertion order = time order
    }
  }

  public synchronized int size() {
    return entries.size();
  }
}
