package org.vigil.panel.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The panel's append-only event log: one JSON line per entry, each chained to the previous entry by a
 * SHA-256 hash, written and forced to disk before {@link #append} returns. Editing, removing or
 * reordering any line breaks the chain, which {@link #verify} reports with the line number.
 *
 * <p>Capacity: routine entries beyond {@code routineCapacity} are dropped oldest first by a
 * compaction that rewrites the file; mandatory entries are always kept (EN 50131-1 8.10 requires a
 * minimum number of mandatory events; we keep all of them). A compacted file starts with an anchor
 * line that names how many routine entries were dropped and the hash the old chain ended with, so a
 * verifier still sees where the chain came from.
 */
public final class EventLog implements AutoCloseable {
  public static final int DEFAULT_ROUTINE_CAPACITY = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final int routineCapacity;
  private final List<LogEntry> entries = new ArrayList<>();
  private FileChannel channel;
  private String anchor = "";
  private long dropped;

  private EventLog(Path file, int routineCapacity) {
    this.file = file;
    this.routineCapacity = routineCapacity;
  }

  /**
   * Opens (or creates) the log. A torn last line (power lost mid-write) is cut off and the cut is
   * itself logged; anything else that does not verify is kept as it is and reported by
   * {@link #verify}, never silently repaired.
   */
  public static EventLog open(Path file) throws IOException {
    return open(file, DEFAULT_ROUTINE_CAPACITY);
  }

  public static EventLog open(Path file, int routineCapacity) throws IOException {
    EventLog log = new EventLog(file, routineCapacity);
    log.load();
    return log;
  }

  private void load() throws IOException {
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    boolean torn = false;
    if (Files.exists(file)) {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n') + 1;
      if (end < text.length()) {
        // Power lost in the middle of a line: the partial line was never acknowledged to anyone.
        torn = true;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
          ch.force(true);
        }
        text = text.substring(0, end);
      }
      for (String line : text.split("\n")) {
        if (line.isBlank()) continue;
        Parsed p = parse(line);
        if (p.anchor) {
          anchor = p.entry.hash();
          dropped = p.dropped;
        } else if (p.entry != null) entries.add(p.entry);
      }
    }
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    if (torn) append(lastTime(), EventClass.MANDATORY, false, "event log: a partly written last entry (power loss) was removed", "");
  }

  private Instant lastTime() {
    return entries.isEmpty() ? Instant.EPOCH : entries.get(entries.size() - 1).at();
  }

  /** Appends one entry and forces it to disk. Returns the entry with its sequence number and hash. */
  public synchronized LogEntry append(Instant at, EventClass cls, boolean userVisible, String message, String rule) {
    long seq = entries.isEmpty() ? dropped + 1 : entries.get(entries.size() - 1).seq() + 1;
    String prev = entries.isEmpty() ? anchor : entries.get(entries.size() - 1).hash();
    String r = rule == null ? "" : rule;
    String m = message == null ? "" : message;
    LogEntry e = new LogEntry(seq, at, cls, userVisible, m, r, prev, hash(seq, at, cls, userVisible, m, r, prev));
    try {
      channel.write(java.nio.ByteBuffer.wrap((line(e) + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    } catch (IOException ex) {
      throw new UncheckedIOException("event log " + file + ": " + ex.getMessage(), ex);
    }
    entries.add(e);
    if (cls == EventClass.ROUTINE && routineCount() > routineCapacity) compact();
    return e;
  }

  private long routineCount() {
    return entries.stream().filter(x -> x.eventClass() == EventClass.ROUTINE).count();
  }

  /** Drops the oldest routine entries down to capacity and rewrites the file with a new chain from an anchor. */
  private void compact() {
    long excess = routineCount() - routineCapacity;
    List<LogEntry> kept = new ArrayList<>();
    String lastHash = entries.get(entries.size() - 1).hash();
    long removed = 0;
    for (LogEntry e : entries) {
      if (e.eventClass() == EventClass.ROUTINE && removed < excess) {
        removed++;
        continue;
      }
      kept.add(e);
    }
    long totalDropped = dropped + removed;
    // The anchor chains the new file to the old one: it carries the hash the old chain ended with.
    String anchorHash = sha256("anchor|" + totalDropped + "|" + lastHash);
    List<LogEntry> rechained = new ArrayList<>();
    String prev = anchorHash;
    for (LogEntry e : kept) {
      LogEntry n = new LogEntry(e.seq(), e.at(), e.eventClass(), e.userVisible(), e.message(), e.rule(), prev,
          hash(e.seq(), e.at(), e.eventClass(), e.userVisible(), e.message(), e.rule(), prev));
      rechained.add(n);
      prev = n.hash();
    }
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      StringBuilder sb = new StringBuilder();
      ObjectNode a = JSON.createObjectNode();
      a.put("anchor", anchorHash);
      a.put("dropped", totalDropped);
      a.put("previousChainEnd", lastHash);
      sb.append(a).append('\n');
      for (LogEntry e : rechained) sb.append(line(e)).append('\n');
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      channel.close();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException("event log compaction " + file + ": " + ex.getMessage(), ex);
    }
    entries.clear();
    entries.addAll(rechained);
    anchor = anchorHash;
    dropped = totalDropped;
  }

  public synchronized List<LogEntry> entries() {
    return List.copyOf(entries);
  }

  /** The newest {@code n} entries, newest last. */
  public synchronized List<LogEntry> tail(int n) {
    return List.copyOf(entries.subList(Math.max(0, entries.size() - n), entries.size()));
  }

  public Path file() {
    return file;
  }

  /** Verifies this open log's file as it is on disk, with no append half-written meanwhile. */
  public synchronized Verification verifyNow() throws IOException {
    return verify(file);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing a file we only append to: nothing left to lose
    }
  }

  // ---- verification (also used on a file that is not open) ----

  /** Result of checking a log file's chain. {@code problems} empty means intact. */
  public record Verification(int entries, long dropped, List<String> problems) {
    public boolean intact() {
      return problems.isEmpty();
    }
  }

  /** Checks every line of a log file: JSON, sequence, previous-hash link and own hash. */
  public static Verification verify(Path file) throws IOException {
    List<String> problems = new ArrayList<>();
    if (!Files.exists(file)) return new Verification(0, 0, List.of("no event log at " + file));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String prev = "";
    long lastSeq = 0;
    long dropped = 0;
    int count = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int no = i + 1;
      if (line.isBlank()) continue;
      Parsed p = parse(line);
      if (p.error != null) {
        problems.add("line " + no + ": " + p.error);
        continue;
      }
      if (p.anchor) {
        if (i != 0) problems.add("line " + no + ": compaction anchor in the middle of the log");
        prev = p.entry.hash();
        dropped = p.dropped;
        lastSeq = 0;
        continue;
      }
      LogEntry e = p.entry;
      count++;
      if (!e.prev().equals(prev)) problems.add("line " + no + " (entry " + e.seq() + "): chain broken: previous hash does not match the entry before it (entry removed, inserted or reordered)");
      String expect = hash(e.seq(), e.at(), e.eventClass(), e.userVisible(), e.message(), e.rule(), e.prev());
      if (!expect.equals(e.hash())) problems.add("line " + no + " (entry " + e.seq() + "): contents changed after writing (hash mismatch)");
      if (lastSeq != 0 && e.seq() <= lastSeq) problems.add("line " + no + ": sequence " + e.seq() + " after " + lastSeq);
      lastSeq = e.seq();
      prev = e.hash();
    }
    return new Verification(count, dropped, problems);
  }

  /** Reads the entries of a log file without opening it for writing (for {@code vigil panel log}). */
  public static List<LogEntry> read(Path file) throws IOException {
    List<LogEntry> out = new ArrayList<>();
    if (!Files.exists(file)) return out;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      Parsed p = parse(line);
      if (p.entry != null && !p.anchor) out.add(p.entry);
    }
    return out;
  }

  private record Parsed(LogEntry entry, boolean anchor, long dropped, String error) {}

  private static Parsed parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n.has("anchor")) {
        return new Parsed(new LogEntry(0, Instant.EPOCH, EventClass.MANDATORY, false, "", "", "", n.get("anchor").asText()), true,
            n.path("dropped").asLong(), null);
      }
      LogEntry e = new LogEntry(n.get("seq").asLong(), Instant.parse(n.get("at").asText()), EventClass.valueOf(n.get("class").asText()),
          n.get("visible").asBoolean(), n.get("message").asText(), n.get("rule").asText(), n.get("prev").asText(), n.get("hash").asText());
      return new Parsed(e, false, 0, null);
    } catch (IOException | RuntimeException ex) {
      return new Parsed(null, false, 0, "not a log entry (" + ex.getClass().getSimpleName() + ")");
    }
  }

  private static String line(LogEntry e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", e.seq());
    n.put("at", e.at().toString());
    n.put("class", e.eventClass().name());
    n.put("visible", e.userVisible());
    n.put("message", e.message());
    n.put("rule", e.rule());
    n.put("prev", e.prev());
    n.put("hash", e.hash());
    return n.toString();
  }

  static String hash(long seq, Instant at, EventClass cls, boolean visible, String message, String rule, String prev) {
    return sha256(seq + "|" + at + "|" + cls + "|" + visible + "|" + message.length() + ":" + message + "|" + rule.length() + ":" + rule + "|" + prev);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
