package org.vigil.panel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The panel's embedded store: an append-only file of checksummed records. Each record is
 * {@code magic(4) length(4) crc32c(4) type(1) payload(length)}; {@link #append} writes one record
 * and forces it to the device before returning, so a record that {@code append} returned for
 * survives a power cut.
 *
 * <p>Opening scans the file. A record that is cut short or fails its checksum at the end of the file
 * is a torn write (power failed mid-append): the tail is truncated and reported. A bad record
 * followed by good ones is corruption in the middle (bit rot, a foreign write): it is skipped, the
 * records after it are kept (they are found again by their magic), and it is reported; nothing
 * already durable is thrown away because of a neighbour.
 *
 * <p>Not thread-safe on its own; {@link OutboundQueue} serialises access.
 */
public final class RecordLog implements AutoCloseable {
  static final int MAGIC = 0x5669474C; // "ViGL"
  static final int HEADER = 13;
  /** Largest payload: far above any event, small enough that a garbled length cannot exhaust memory. */
  public static final int MAX_PAYLOAD = 1 << 20;

  /** One record as read back. */
  public record Entry(long offset, byte type, byte[] payload) {}

  /** What the opening scan found. */
  public record Recovery(List<Entry> entries, long truncatedBytes, List<String> problems) {
    public boolean clean() {
      return truncatedBytes == 0 && problems.isEmpty();
    }
  }

  private final Path file;
  private final FileChannel ch;
  private final boolean sync;
  private long size;
  private final Recovery recovery;

  private RecordLog(Path file, boolean sync) throws IOException {
    this.file = file;
    this.sync = sync;
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    this.ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.recovery = scan();
  }

  /** Opens (creating if needed) and recovers the log; every append is forced to disk. */
  public static RecordLog open(Path file) throws IOException {
    return new RecordLog(file, true);
  }

  /**
   * Opens without forcing appends to the device (tests of logic only, never the panel service: a
   * record then survives a process kill but not a power cut).
   */
  public static RecordLog openUnsynced(Path file) throws IOException {
    return new RecordLog(file, false);
  }

  public Recovery recovery() {
    return recovery;
  }

  public Path file() {
    return file;
  }

  public long size() {
    return size;
  }

  /** Appends one record and forces it (data only: the length is in the record) before returning. */
  public long append(byte type, byte[] payload) throws IOException {
    if (payload.length > MAX_PAYLOAD) throw new IllegalArgumentException("record too large: " + payload.length);
    ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
    b.putInt(MAGIC).putInt(payload.length).putInt(crc(type, payload)).put(type).put(payload).flip();
    long at = size;
    while (b.hasRemaining()) ch.write(b, at + b.position());
    size = at + HEADER + payload.length;
    // force(true) on the first growth would be needed for metadata; the file length changes with
    // each append, so force metadata too: the recovery scan copes with a torn tail either way.
    if (sync) ch.force(true);
    return at;
  }

  static int crc(byte type, byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(type);
    c.update(payload);
    return (int) c.getValue();
  }

  private Recovery scan() throws IOException {
    long len = ch.size();
    List<Entry> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long pos = 0;
    long goodEnd = 0;
    ByteBuffer h = ByteBuffer.allocate(HEADER);
    while (pos < len) {
      Entry e = readAt(pos, len, h);
      if (e != null) {
        out.add(e);
        pos += HEADER + e.payload().length;
        goodEnd = pos;
        continue;
      }
      // Bad record at pos: look for the next good record after it.
      long next = findNextGood(pos + 1, len, h);
      if (next < 0) break; // torn tail
      problems.add("corrupt record at byte " + pos + " (" + (next - pos) + " bytes skipped, later records kept)");
      pos = next;
    }
    long truncated = len - goodEnd;
    if (truncated > 0) {
      ch.truncate(goodEnd);
      if (sync) ch.force(true);
      problems.add("torn tail of " + truncated + " bytes truncated at byte " + goodEnd);
    }
    size = goodEnd;
    return new Recovery(List.copyOf(out), truncated, List.copyOf(problems));
  }

  private long findNextGood(long from, long len, ByteBuffer h) throws IOException {
    ByteBuffer w = ByteBuffer.allocate(4);
    for (long p = from; p + HEADER <= len; p++) {
      w.clear();
      if (ch.read(w, p) < 4) return -1;
      if (w.getInt(0) == MAGIC && readAt(p, len, h) != null) return p;
    }
    return -1;
  }

  private Entry readAt(long pos, long len, ByteBuffer h) throws IOException {
    if (pos + HEADER > len) return null;
    h.clear();
    while (h.hasRemaining()) {
      if (ch.read(h, pos + h.position()) < 0) return null;
    }
    h.flip();
    if (h.getInt() != MAGIC) return null;
    int n = h.getInt();
    int crc = h.getInt();
    byte type = h.get();
    if (n < 0 || n > MAX_PAYLOAD || pos + HEADER + n > len) return null;
    ByteBuffer p = ByteBuffer.allocate(n);
    while (p.hasRemaining()) {
      if (ch.read(p, pos + HEADER + p.position()) < 0) return null;
    }
    byte[] payload = p.array();
    if (crc(type, payload) != crc) return null;
    return new Entry(pos, type, payload);
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
