package org.vigil.panel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbound alarm queue on the {@link RecordLog}: an event is on disk ({@link #enqueue} returned)
 * before it counts as raised, and it leaves the queue only with a {@code DONE} record (acknowledged
 * by the ARC, or refused for good). After a restart {@link #pending()} gives the unfinished events
 * in the order they were raised, with the DC-09 sequence number they were first given, so a resend
 * after a crash is a DC-09 retransmission (same sequence) and not a new event.
 *
 * <p>Thread-safe.
 */
public final class OutboundQueue implements AutoCloseable {
  static final byte ENQUEUED = 1;
  static final byte DONE = 2;
  /** Rewrite the file when this many finished events are in it. */
  static final int COMPACT_AFTER = 4096;
  /**
   * Given-up events kept in the file (most recent first dropped last): a signal the ARC refused is
   * never silently lost; the installer finds it here and in the event log.
   */
  static final int KEEP_GIVEN_UP = 100;

  /** How an event left the queue. */
  public enum Outcome { ACKNOWLEDGED, UNDELIVERABLE }

  /**
   * An event waiting for its ACK.
   *
   * @param id the queue's own number, increasing in the order raised
   * @param sequence the DC-09 sequence number given at enqueue (1-9999)
   * @param body the event, encoded by the transmitter
   */
  public record Pending(long id, int sequence, Instant raisedAt, byte[] body) {}

  private final boolean sync;
  private final Path file;
  private RecordLog log;
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  private final Map<Long, Pending> givenUp = new LinkedHashMap<>();
  private long nextId = 1;
  private int lastSequence;
  private int finishedInFile;
  private final RecordLog.Recovery recovery;

  private OutboundQueue(Path file, boolean sync) throws IOException {
    this.file = file;
    this.sync = sync;
    this.log = sync ? RecordLog.open(file) : RecordLog.openUnsynced(file);
    this.recovery = log.recovery();
    for (RecordLog.Entry e : recovery.entries()) {
      ByteBuffer b = ByteBuffer.wrap(e.payload());
      long id = b.getLong();
      nextId = Math.max(nextId, id + 1);
      if (e.type() == ENQUEUED) {
        int seq = b.getInt();
        Instant at = Instant.ofEpochMilli(b.getLong());
        byte[] body = new byte[b.remaining()];
        b.get(body);
        pending.put(id, new Pending(id, seq, at, body));
        lastSequence = seq;
      } else if (e.type() == DONE) {
        Pending p = pending.remove(id);
        if (p != null && b.hasRemaining() && b.get() == Outcome.UNDELIVERABLE.ordinal()) keepGivenUp(p);
        finishedInFile++;
      }
    }
    if (finishedInFile > 0) compact();
  }

  /** Opens the queue, forcing every record to disk (the panel service). */
  public static OutboundQueue open(Path file) throws IOException {
    return new OutboundQueue(file, true);
  }

  /** Opens without fsync: survives a process kill, not a power cut (tests and the simulator). */
  public static OutboundQueue openUnsynced(Path file) throws IOException {
    return new OutboundQueue(file, false);
  }

  /** What the opening scan found (torn tail truncated, corrupt records skipped). */
  public RecordLog.Recovery recovery() {
    return recovery;
  }

  /**
   * Events finished as {@link Outcome#UNDELIVERABLE} (the ARC refused them), oldest first; the last
   * {@value #KEEP_GIVEN_UP} are kept across restarts and compaction.
   */
  public synchronized List<Pending> givenUp() {
    return List.copyOf(givenUp.values());
  }

  private void keepGivenUp(Pending p) {
    givenUp.put(p.id(), p);
    while (givenUp.size() > KEEP_GIVEN_UP) givenUp.remove(givenUp.keySet().iterator().next());
  }

  /** Events not yet finished, oldest first. */
  public synchronized List<Pending> pending() {
    return List.copyOf(pending.values());
  }

  public synchronized int size() {
    return pending.size();
  }

  /** The sequence number after {@code s}: 0001-9999, wrapping to 0001 (0000 is for NULL polls). */
  public static int nextSequence(int s) {
    return s >= 9999 ? 1 : s + 1;
  }

  /** Writes the event durably and returns it with its id and sequence number. */
  public synchronized Pending enqueue(Instant raisedAt, byte[] body) throws IOException {
    long id = nextId;
    int seq = nextSequence(lastSequence);
    ByteBuffer b = ByteBuffer.allocate(20 + body.length);
    b.putLong(id).putInt(seq).putLong(raisedAt.toEpochMilli()).put(body);
    log.append(ENQUEUED, b.array());
    nextId++;
    lastSequence = seq;
    Pending p = new Pending(id, seq, Instant.ofEpochMilli(raisedAt.toEpochMilli()), body.clone());
    pending.put(id, p);
    return p;
  }

  /** Records that the event left the queue. Unknown or already finished ids are ignored. */
  public synchronized void finish(long id, Outcome outcome) throws IOException {
    if (!pending.containsKey(id)) return;
    ByteBuffer b = ByteBuffer.allocate(9);
    b.putLong(id).put((byte) outcome.ordinal());
    log.append(DONE, b.array());
    Pending p = pending.remove(id);
    if (outcome == Outcome.UNDELIVERABLE) keepGivenUp(p);
    if (++finishedInFile >= COMPACT_AFTER) compact();
  }

  /**
   * Rewrites the file with only the pending events: written to a temporary file, forced, then
   * atomically renamed over the old one, so a crash at any point leaves one complete file.
   */
  private void compact() throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".compact");
    Files.deleteIfExists(tmp);
    try (RecordLog t = sync ? RecordLog.open(tmp) : RecordLog.openUnsynced(tmp)) {
      // Given-up events first (kept as finished-undeliverable pairs), then the pending in order, so
      // the last ENQUEUED record still carries the last sequence number.
      for (Pending p : givenUp.values()) {
        ByteBuffer b = ByteBuffer.allocate(20 + p.body().length);
        b.putLong(p.id()).putInt(p.sequence()).putLong(p.raisedAt().toEpochMilli()).put(p.body());
        t.append(ENQUEUED, b.array());
        ByteBuffer d = ByteBuffer.allocate(9);
        d.putLong(p.id()).put((byte) Outcome.UNDELIVERABLE.ordinal());
        t.append(DONE, d.array());
      }
      for (Pending p : pending.values()) {
        ByteBuffer b = ByteBuffer.allocate(20 + p.body().length);
        b.putLong(p.id()).putInt(p.sequence()).putLong(p.raisedAt().toEpochMilli()).put(p.body());
        t.append(ENQUEUED, b.array());
      }
      boolean lastIsPending = !pending.isEmpty() && pending.containsKey(nextId - 1);
      if (!lastIsPending) {
        // Keep the id and sequence counters across the rewrite with a finished marker record.
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putLong(nextId - 1).putInt(lastSequence).putLong(0);
        t.append(ENQUEUED, b.array());
        ByteBuffer d = ByteBuffer.allocate(9);
        d.putLong(nextId - 1).put((byte) Outcome.ACKNOWLEDGED.ordinal());
        t.append(DONE, d.array());
      }
    }
    log.close();
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (sync) forceDirectory(file.toAbsolutePath().getParent());
    log = sync ? RecordLog.open(file) : RecordLog.openUnsynced(file);
    finishedInFile = givenUp.size() + (lastIsPendingAfterCompact() ? 0 : 1);
  }

  private boolean lastIsPendingAfterCompact() {
    return !pending.isEmpty() && pending.containsKey(nextId - 1);
  }

  private static void forceDirectory(Path dir) {
    if (dir == null) return;
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException ignored) {
      // Some file systems cannot open a directory; the rename is still atomic there.
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }

  /** For tests: finished events currently in the file. */
  synchronized int finishedInFile() {
    return finishedInFile;
  }

  /** For diagnostics: ids pending, in order. */
  public synchronized List<Long> pendingIds() {
    return new ArrayList<>(pending.keySet());
  }
}
