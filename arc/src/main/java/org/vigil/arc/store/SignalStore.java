package org.vigil.arc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Writes batches of signals and related rows in one transaction, and reads them back. */
public final class SignalStore {
  private static final int ID_BLOCK = 1000;
  private final DataSource db;
  private long nextId;
  private long blockEnd;
  private final SignalCopy copy = new SignalCopy();
  private final List<StoreWrite.NewSignal> newSignals = new ArrayList<>();
  /** The previous {@link #write} threw: its batch may have committed after all (ambiguous commit). */
  private boolean lastWriteFailed;
  private boolean insertOnly;

  public SignalStore(DataSource db) {
    this.db = db;
  }

  public DataSource dataSource() {
    return db;
  }

  /**
   * Writes every item in one transaction and commits. On any exception nothing of the batch is
   * committed (or, after an ambiguous commit, everything was): retrying the same list is safe.
   * Called from one thread (the batcher).
   *
   * <p>Signals go in with one binary COPY per batch (the fast path); after a failed attempt the
   * retry uses {@code INSERT ... ON CONFLICT (id) DO NOTHING}, because the failed attempt may have
   * committed (the connection broke after COMMIT was sent) and COPY would then refuse the ids.
   */
  public void write(List<StoreWrite> batch) throws SQLException {
    boolean retry = lastWriteFailed || insertOnly;
    lastWriteFailed = true;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        assignIds(c, batch);
        if (retry) writeSignals(c, batch);
        else copySignals(c, batch);
        writeRetransmissions(c, batch);
        writeUnknown(c, batch);
        writePaths(c, batch);
        c.commit();
        lastWriteFailed = false;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is probably gone; the pool discards it
        }
        throw e;
      }
    }
  }

  private void assignIds(Connection c, List<StoreWrite> batch) throws SQLException {
    for (StoreWrite w : batch) {
      if (w instanceof StoreWrite.NewSignal s && s.ref().id() == 0) {
        if (nextId == 0 || nextId >= blockEnd) {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT nextval('signal_id_block_seq')")) {
            rs.next();
            nextId = rs.getLong(1);
            blockEnd = nextId + ID_BLOCK;
          }
        }
        s.ref().assign(nextId++);
      }
    }
  }

  /** Tests: makes the next write behave as the retry of a batch whose commit may have happened. */
  void assumeLastWriteAmbiguous() {
    lastWriteFailed = true;
  }

  /** Benchmark: every write takes the INSERT path (the write path before COPY), for a same-run comparison. */
  void insertOnly(boolean on) {
    insertOnly = on;
  }

  private void copySignals(Connection c, List<StoreWrite> batch) throws SQLException {
    newSignals.clear();
    for (StoreWrite w : batch) if (w instanceof StoreWrite.NewSignal s) newSignals.add(s);
    if (newSignals.isEmpty()) return;
    SignalCopy.Out data = copy.encode(newSignals);
    newSignals.clear();
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(SignalCopy.SQL);
    try {
      in.writeToCopy(data.array(), 0, data.length());
      in.endCopy();
    } finally {
      if (in.isActive()) in.cancelCopy();
    }
  }

  private static void writeSignals(Connection c, List<StoreWrite> batch) throws SQLException {
    String sql = "INSERT INTO signal (id, account_id, origin, received_at, panel_time, path, connection, token,"
        + " encrypted, sequence, receiver, line, account_number, data, xdata, events, deviations, raw, response,"
        + " dedup_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?) ON CONFLICT (id) DO NOTHING";
    PreparedStatement ps = null;
    try {
      for (StoreWrite w : batch) {
        if (!(w instanceof StoreWrite.NewSignal s)) continue;
        if (ps == null) ps = c.prepareStatement(sql);
        SignalRow r = s.row();
        int i = 1;
        ps.setLong(i++, s.ref().id());
        ps.setLong(i++, r.accountId());
        ps.setString(i++, r.origin());
        ps.setTimestamp(i++, Timestamp.from(r.receivedAt()));
        if (r.panelTime() == null) ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setTimestamp(i++, Timestamp.from(r.panelTime()));
        ps.setString(i++, r.path());
        ps.setString(i++, r.connection());
        ps.setString(i++, r.token());
        ps.setBoolean(i++, r.encrypted());
        ps.setString(i++, r.sequence());
        ps.setString(i++, r.receiver());
        ps.setString(i++, r.line());
        ps.setString(i++, r.accountNumber());
        ps.setString(i++, clean(r.data()));
        ps.setString(i++, clean(r.xdata()));
        ps.setString(i++, r.eventsJson());
        ps.setString(i++, r.deviations());
        ps.setBytes(i++, r.raw());
        ps.setBytes(i++, r.response());
        ps.setBytes(i++, r.dedupKey());
        ps.addBatch();
      }
      if (ps != null) ps.executeBatch();
    } finally {
      if (ps != null) ps.close();
    }
  }

  private static void writeRetransmissions(Connection c, List<StoreWrite> batch) throws SQLException {
    PreparedStatement ps = null;
    try {
      for (StoreWrite w : batch) {
        if (!(w instanceof StoreWrite.Retransmission r)) continue;
        if (ps == null)
          ps = c.prepareStatement("INSERT INTO retransmission (signal_id, received_at, path, connection, raw, response)"
              + " VALUES (?,?,?,?,?,?)");
        ps.setLong(1, r.original().id());
        ps.setTimestamp(2, Timestamp.from(r.receivedAt()));
        ps.setString(3, r.path());
        ps.setString(4, r.connection());
        ps.setBytes(5, r.raw());
        ps.setBytes(6, r.response());
        ps.addBatch();
      }
      if (ps != null) ps.executeBatch();
    } finally {
      if (ps != null) ps.close();
    }
  }

  private static void writeUnknown(Connection c, List<StoreWrite> batch) throws SQLException {
    PreparedStatement ps = null;
    try {
      for (StoreWrite w : batch) {
        if (!(w instanceof StoreWrite.UnknownFrame u)) continue;
        if (ps == null)
          ps = c.prepareStatement("INSERT INTO unknown_account_frame (received_at, reason, detail, account_number,"
              + " receiver, line, token, sequence, connection, raw, response) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        ps.setTimestamp(1, Timestamp.from(u.receivedAt()));
        ps.setString(2, u.reason());
        ps.setString(3, clean(u.detail()));
        ps.setString(4, clean(u.accountNumber()));
        ps.setString(5, clean(u.receiver()));
        ps.setString(6, clean(u.line()));
        ps.setString(7, clean(u.token()));
        ps.setString(8, clean(u.sequence()));
        ps.setString(9, u.connection());
        ps.setBytes(10, u.raw());
        ps.setBytes(11, u.response());
        ps.addBatch();
      }
      if (ps != null) ps.executeBatch();
    } finally {
      if (ps != null) ps.close();
    }
  }

  private record PathKey(long accountId, String path) {}

  private static void writePaths(Connection c, List<StoreWrite> batch) throws SQLException {
    // One row per path per batch: a multi-row upsert may not touch the same row twice.
    Map<PathKey, Instant> seen = new LinkedHashMap<>();
    Map<PathKey, StoreWrite.PathChange> changes = new LinkedHashMap<>();
    for (StoreWrite w : batch) {
      if (w instanceof StoreWrite.PathSeen p) seen.merge(new PathKey(p.accountId(), p.path()), p.at(), SignalStore::later);
      if (w instanceof StoreWrite.NewSignal s && "PANEL".equals(s.row().origin()))
        seen.merge(new PathKey(s.row().accountId(), s.row().path()), s.row().receivedAt(), SignalStore::later);
      if (w instanceof StoreWrite.Retransmission r)
        seen.merge(new PathKey(r.accountId(), r.path()), r.receivedAt(), SignalStore::later);
      if (w instanceof StoreWrite.PathChange p) changes.put(new PathKey(p.accountId(), p.path()), p);
    }
    if (!seen.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO path_state (account_id, path, last_seen, faulted, changed_at)"
          + " VALUES (?,?,?,false,?) ON CONFLICT (account_id, path) DO UPDATE SET last_seen ="
          + " greatest(path_state.last_seen, excluded.last_seen)")) {
        for (var e : seen.entrySet()) {
          ps.setLong(1, e.getKey().accountId());
          ps.setString(2, e.getKey().path());
          ps.setTimestamp(3, Timestamp.from(e.getValue()));
          ps.setTimestamp(4, Timestamp.from(e.getValue()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!changes.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO path_state (account_id, path, last_seen, faulted, changed_at)"
          + " VALUES (?,?,NULL,?,?) ON CONFLICT (account_id, path) DO UPDATE SET faulted = excluded.faulted,"
          + " changed_at = excluded.changed_at")) {
        for (var p : changes.values()) {
          ps.setLong(1, p.accountId());
          ps.setString(2, p.path());
          ps.setBoolean(3, p.faulted());
          ps.setTimestamp(4, Timestamp.from(p.at()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** PostgreSQL text cannot hold NUL; the raw bytes column keeps the original. */
  static String clean(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }

  // ---- reads -------------------------------------------------------------------------------

  /** A stored signal as read back (evidence view). */
  public record SignalView(
      long id, long accountId, String origin, Instant receivedAt, Instant panelTime, String path,
      String connection, String token, boolean encrypted, String sequence, String accountNumber,
      String data, String eventsJson, String deviations, byte[] raw, byte[] response) {}

  public List<SignalView> signals(Long accountId, int limit) throws SQLException {
    String sql = "SELECT id, account_id, origin, received_at, panel_time, path, connection, token, encrypted, sequence,"
        + " account_number, data, events::text, deviations, raw, response FROM signal"
        + (accountId == null ? "" : " WHERE account_id = ?") + " ORDER BY id DESC LIMIT ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (accountId != null) ps.setLong(i++, accountId);
      ps.setInt(i, limit);
      List<SignalView> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp pt = rs.getTimestamp(5);
          out.add(new SignalView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
              pt == null ? null : pt.toInstant(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
              rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
              rs.getBytes(15), rs.getBytes(16)));
        }
      }
      return out;
    }
  }

  /** A row of the unknown-account log. */
  public record UnknownFrameView(long id, Instant receivedAt, String reason, String detail, String accountNumber,
      String receiver, String line, String connection, byte[] raw) {}

  public List<UnknownFrameView> unknownFrames(int limit) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id, received_at, reason, detail, account_number, receiver, line,"
            + " connection, raw FROM unknown_account_frame ORDER BY id DESC LIMIT ?")) {
      ps.setInt(1, limit);
      List<UnknownFrameView> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          out.add(new UnknownFrameView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9)));
      }
      return out;
    }
  }

  /** Dedup keys of signals received since {@code since}, to recognise retransmissions after a restart. */
  public Map<java.nio.ByteBuffer, Long> dedupKeysSince(Instant since) throws SQLException {
    Map<java.nio.ByteBuffer, Long> out = new LinkedHashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT dedup_key, id FROM signal WHERE received_at >= ? AND dedup_key IS NOT NULL ORDER BY id")) {
      ps.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(java.nio.ByteBuffer.wrap(rs.getBytes(1)), rs.getLong(2));
      }
    }
    return out;
  }

  /** Persisted supervision state of one path. */
  public record PathStateView(long accountId, String path, Instant lastSeen, boolean faulted, Instant changedAt) {}

  public List<PathStateView> pathStates() throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT account_id, path, last_seen, faulted, changed_at FROM path_state ORDER BY account_id, path")) {
      List<PathStateView> out = new ArrayList<>();
      while (rs.next()) {
        Timestamp ls = rs.getTimestamp(3);
        out.add(new PathStateView(rs.getLong(1), rs.getString(2), ls == null ? null : ls.toInstant(), rs.getBoolean(4),
            rs.getTimestamp(5).toInstant()));
      }
      return out;
    }
  }

  public long count(String table) throws SQLException {
    if (!table.matches("signal|retransmission|unknown_account_frame|path_state|account")) throw new IllegalArgumentException(table);
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
