package org.vigil.arc.console.queue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.vigil.arc.handling.AccountState;

/**
 * The engine's {@link AccountState} per account in PostgreSQL (table {@code handling_state}, V102), so the ARC's
 * alarm handling survives a restart. Encoding: Java serialization of the immutable handling records; a row that
 * cannot be read back (corrupt, or written by an incompatible version) is reported as {@link Snapshot.Unreadable}.
 */
public final class HandlingSnapshots {
    private final DataSource db;

    public HandlingSnapshots(DataSource db) {
        this.db = db;
    }

    /** One stored row as read at start. */
    public sealed interface Snapshot {
        String accountId();

        long lastSignalId();

        record Readable(String accountId, AccountState state, long lastSignalId) implements Snapshot {}

        record Unreadable(String accountId, long lastSignalId, String reason) implements Snapshot {}
    }

    /**
     * The console's record of one alarm beside the engine's state (table console_alarm, V105): the page version,
     * when it was first taken, when police were dispatched, who closed it.
     */
    public record AlarmRecord(String alarmId, String accountId, long version, Instant takenAt, Instant dispatchedAt, String closedBy) {}

    public void save(String accountId, AccountState state, long lastSignalId, Instant now) throws SQLException {
        save(accountId, state, lastSignalId, now, List.of());
    }

    /** The account's snapshot and the records of the alarms that changed with it, in one transaction. */
    public void save(String accountId, AccountState state, long lastSignalId, Instant now, List<AlarmRecord> alarms) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO handling_state (account_id, state, last_signal_id, updated_at) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (account_id) DO UPDATE SET state = EXCLUDED.state,"
                                + " last_signal_id = GREATEST(handling_state.last_signal_id, EXCLUDED.last_signal_id), updated_at = EXCLUDED.updated_at")) {
                    ps.setString(1, accountId);
                    ps.setBytes(2, encode(state));
                    ps.setLong(3, lastSignalId);
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.executeUpdate();
                }
                if (!alarms.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO console_alarm (alarm_id, account_id, version, taken_at, dispatched_at, closed_by, updated_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alarm_id) DO UPDATE SET version = EXCLUDED.version,"
                                    + " taken_at = EXCLUDED.taken_at, dispatched_at = EXCLUDED.dispatched_at, closed_by = EXCLUDED.closed_by,"
                                    + " updated_at = EXCLUDED.updated_at")) {
                        for (AlarmRecord a : alarms) {
                            ps.setString(1, a.alarmId());
                            ps.setString(2, a.accountId());
                            ps.setLong(3, a.version());
                            ps.setTimestamp(4, a.takenAt() == null ? null : Timestamp.from(a.takenAt()));
                            ps.setTimestamp(5, a.dispatchedAt() == null ? null : Timestamp.from(a.dispatchedAt()));
                            ps.setString(6, a.closedBy());
                            ps.setTimestamp(7, Timestamp.from(now));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Every alarm record, by alarm id (at start). */
    public java.util.Map<String, AlarmRecord> alarms() throws SQLException {
        java.util.Map<String, AlarmRecord> out = new java.util.HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT alarm_id, account_id, version, taken_at, dispatched_at, closed_by FROM console_alarm");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), alarmRecord(rs));
        }
        return out;
    }

    /** One alarm's record, also for alarms the engine no longer keeps (closed long ago). */
    public java.util.Optional<AlarmRecord> alarm(String alarmId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT alarm_id, account_id, version, taken_at, dispatched_at, closed_by FROM console_alarm WHERE alarm_id = ?")) {
            ps.setString(1, alarmId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(alarmRecord(rs)) : java.util.Optional.empty();
            }
        }
    }

    private static AlarmRecord alarmRecord(ResultSet rs) throws SQLException {
        Timestamp taken = rs.getTimestamp(4), dispatched = rs.getTimestamp(5);
        return new AlarmRecord(rs.getString(1), rs.getString(2), rs.getLong(3), taken == null ? null : taken.toInstant(),
                dispatched == null ? null : dispatched.toInstant(), rs.getString(6));
    }

    public List<Snapshot> loadAll() throws SQLException {
        List<Snapshot> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT account_id, state, last_signal_id FROM handling_state ORDER BY account_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                long last = rs.getLong(3);
                try {
                    out.add(new Snapshot.Readable(id, decode(rs.getBytes(2)), last));
                } catch (IOException | ClassNotFoundException | ClassCastException e) {
                    out.add(new Snapshot.Unreadable(id, last, e.toString()));
                }
            }
        }
        return out;
    }

    static byte[] encode(AccountState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(s);
        } catch (IOException e) {
            throw new IllegalStateException("handling state not serializable", e);
        }
        return bytes.toByteArray();
    }

    static AccountState decode(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            // Only our own records and the JDK's value types: a tampered row cannot instantiate anything else.
            in.setObjectInputFilter(info -> {
                Class<?> c = info.serialClass();
                if (c == null) return java.io.ObjectInputFilter.Status.UNDECIDED;
                String n = c.isArray() ? c.getComponentType().getName() : c.getName();
                return n.startsWith("org.vigil.arc.handling.") || n.startsWith("java.") || c.isPrimitive()
                        || (c.isArray() && c.getComponentType().isPrimitive())
                        ? java.io.ObjectInputFilter.Status.ALLOWED : java.io.ObjectInputFilter.Status.REJECTED;
            });
            return (AccountState) in.readObject();
        }
    }
}
