package org.vigil.arc.receiver;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.vigil.arc.store.SignalRef;

/**
 * Recognises retransmissions: the same account, sequence and content (id token, R, L, account,
 * data, extended data; not the timestamp or the padding, which a resend may change) within a
 * window. Dual-path panels and NAK retries deliver the same event twice (research A.5).
 *
 * <p>Warmed from the store at start-up, so a frame committed just before a crash, whose ACK was
 * lost, is still recognised when the panel resends it. Bounded: under a flood the oldest entries
 * go first (that only weakens duplicate detection, it never loses a signal).
 *
 * <p>Compact on purpose: every signal of the last window (10 minutes by default) is held, i.e.
 * hundreds of thousands of entries at a busy ARC. The former map of {@code ByteBuffer} to record
 * cost about 200 bytes and six objects per entry, which the garbage collector copied young to old
 * (pauses of 10-75 ms measured under load) and kept ~100-400 MB resident. Here an entry is a few
 * slots in primitive arrays (about 44 bytes, no object once its signal is committed): a ring in
 * arrival order (= time order, so expiry and eviction take the oldest) and an open-addressing index
 * of the 16-byte key (the key is a SHA-256 prefix, so its bits are already uniform). The ring
 * starts small and doubles only when the window holds more signals, up to {@code maxEntries}; it
 * halves again when traffic falls.
 */
public final class RetransmissionCache {
  private static final int MIN_CAPACITY = 1 << 12;
  private static final long DEAD = -1;

  private final Duration window;
  private final long windowMillis;
  private final int maxEntries;

  // the ring, oldest at `tail`, next free at `head`; `used` slots between them (dead ones included)
  private long[] key0;
  private long[] key1;
  private long[] ids; // signal id once known; 0 while pending (see refs); DEAD after forget/replace
  private long[] seenAt; // epoch millis of the first sighting
  private SignalRef[] refs; // the pending signal's ref, dropped once the store assigned its id
  private int tail;
  private int head;
  private int used;
  private int live;
  private int settled; // entries from `tail` whose ref has been replaced by its id

  /** Open addressing, linear probing: ring slot + 1, or 0 for an empty cell. */
  private int[] index;

  public RetransmissionCache(Duration window, int maxEntries) {
    this.window = window;
    this.windowMillis = window.toMillis();
    this.maxEntries = Math.max(16, maxEntries);
    allocate(Math.min(MIN_CAPACITY, Integer.highestOneBit(this.maxEntries - 1) << 1));
  }

  public Duration window() {
    return window;
  }

  /** Outcome of {@link #recognise}: the first sighting (store it) or a retransmission of {@code ref}. */
  public record Seen(SignalRef ref, boolean retransmission) {}

  /** Registers the key, or returns the signal it was first stored as. */
  public synchronized Seen recognise(byte[] key, Instant now) {
    long k0 = first(key);
    long k1 = second(key);
    long nowMs = now.toEpochMilli();
    int slot = find(k0, k1);
    if (slot >= 0) {
      if (seenAt[slot] + windowMillis >= nowMs) return new Seen(refOf(slot), true);
      kill(slot); // seen before, but longer ago than the window: a new signal
    }
    SignalRef ref = new SignalRef();
    add(k0, k1, 0, ref, nowMs);
    return new Seen(ref, false);
  }

  /** The write for a first sighting could not be queued: forget it so a resend is stored. */
  public synchronized void forget(byte[] key, SignalRef ref) {
    int slot = find(first(key), second(key));
    if (slot >= 0 && refs[slot] == ref) kill(slot);
  }

  /** Adds a signal already in the store (start-up warm-up). */
  public synchronized void remember(ByteBuffer key, long signalId, Instant receivedAt) {
    byte[] k = new byte[16];
    key.duplicate().get(k, 0, Math.min(16, key.remaining()));
    long k0 = first(k);
    long k1 = second(k);
    int slot = find(k0, k1);
    if (slot >= 0) kill(slot);
    add(k0, k1, signalId, null, receivedAt.toEpochMilli());
  }

  /** Drops entries older than the window, and gives memory back when the window holds far fewer. */
  public synchronized void expire(Instant now) {
    long limit = now.toEpochMilli() - windowMillis;
    while (used > 0 && (ids[tail] == DEAD || seenAt[tail] < limit)) removeOldest();
    settle();
    int cap = ids.length;
    if (cap > MIN_CAPACITY && used < cap / 8) resize(cap / 2);
  }

  public synchronized int size() {
    return live;
  }

  /** Ring slots currently allocated (for tests and the memory figures in docs/performance.md). */
  public synchronized int capacity() {
    return ids.length;
  }

  // ---- internals ----------------------------------------------------------------------------

  private SignalRef refOf(int slot) {
    SignalRef r = refs[slot];
    return r != null ? r : new SignalRef(ids[slot]);
  }

  private void add(long k0, long k1, long id, SignalRef ref, long atMs) {
    if (used == ids.length) {
      if (ids.length < maxEntries) resize(ids.length * 2);
      else removeOldest();
    }
    int slot = head;
    key0[slot] = k0;
    key1[slot] = k1;
    ids[slot] = id;
    refs[slot] = ref;
    seenAt[slot] = atMs;
    head = (head + 1) & (ids.length - 1);
    used++;
    live++;
    indexPut(k0, slot);
  }

  private void kill(int slot) {
    indexRemove(slot);
    ids[slot] = DEAD;
    refs[slot] = null;
    live--;
  }

  private void removeOldest() {
    int slot = tail;
    if (ids[slot] != DEAD) kill(slot);
    refs[slot] = null;
    if (settled > 0) settled--;
    tail = (tail + 1) & (ids.length - 1);
    used--;
  }

  /** Replaces committed signals' refs by their ids, oldest first, so the objects can go. */
  private void settle() {
    int mask = ids.length - 1;
    while (settled < used) {
      int slot = (tail + settled) & mask;
      SignalRef r = refs[slot];
      if (r != null) {
        long id = r.id();
        if (id == 0) break; // not committed yet; the next tick continues from here
        ids[slot] = id;
        refs[slot] = null;
      }
      settled++;
    }
  }

  private void allocate(int capacity) {
    key0 = new long[capacity];
    key1 = new long[capacity];
    ids = new long[capacity];
    seenAt = new long[capacity];
    refs = new SignalRef[capacity];
    index = new int[capacity * 2];
    tail = head = used = live = settled = 0;
  }

  /** Copies the ring in order (dead slots dropped) into arrays of the new capacity. */
  private void resize(int capacity) {
    long[] o0 = key0, o1 = key1, oIds = ids, oAt = seenAt;
    SignalRef[] oRefs = refs;
    int oTail = tail, oUsed = used, oMask = oIds.length - 1;
    allocate(capacity);
    for (int i = 0; i < oUsed; i++) {
      int s = (oTail + i) & oMask;
      if (oIds[s] == DEAD) continue;
      add(o0[s], o1[s], oIds[s], oRefs[s], oAt[s]);
    }
  }

  private int find(long k0, long k1) {
    int mask = index.length - 1;
    for (int i = hash(k0) & mask; ; i = (i + 1) & mask) {
      int v = index[i];
      if (v == 0) return -1;
      int slot = v - 1;
      if (key0[slot] == k0 && key1[slot] == k1) return slot;
    }
  }

  private void indexPut(long k0, int slot) {
    int mask = index.length - 1;
    int i = hash(k0) & mask;
    while (index[i] != 0) i = (i + 1) & mask;
    index[i] = slot + 1;
  }

  /** Removes the cell of {@code slot} and shifts later cells of the probe run back (no tombstones). */
  private void indexRemove(int slot) {
    int mask = index.length - 1;
    int i = hash(key0[slot]) & mask;
    while (index[i] != slot + 1) i = (i + 1) & mask;
    int gap = i;
    for (int j = (gap + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
      int home = hash(key0[index[j] - 1]) & mask;
      // move j into the gap when its home is not inside (gap, j]
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        index[gap] = index[j];
        gap = j;
      }
    }
    index[gap] = 0;
  }

  private static int hash(long k0) {
    return (int) (k0 ^ (k0 >>> 32));
  }

  private static long first(byte[] k) {
    return word(k, 0);
  }

  private static long second(byte[] k) {
    return word(k, 8);
  }

  private static long word(byte[] k, int from) {
    long v = 0;
    for (int i = from; i < from + 8; i++) v = (v << 8) | (i < k.length ? k[i] & 0xFF : 0);
    return v;
  }

  @Override
  public synchronized String toString() {
    return "RetransmissionCache[" + live + " of " + ids.length + ", window " + window + "]";
  }
}
