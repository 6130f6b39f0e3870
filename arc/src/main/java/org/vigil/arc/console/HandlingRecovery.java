package org.vigil.arc.console;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.console.queue.EngineAlarmDesk;
import org.vigil.arc.console.queue.HandlingSnapshots;
import org.vigil.arc.console.web.Json;
import org.vigil.arc.receiver.StoredEvent;
import org.vigil.arc.receiver.StoredSignal;

/**
 * Brings the ARC II engine back after a restart: loads every account's snapshot into the desk, then replays from the
 * signal store what the snapshots have not seen (a crash between a signal's commit and its snapshot), each signal
 * judged at its receive time. An unreadable snapshot is logged and its account replays its last 24 h of signals.
 */
final class HandlingRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(HandlingRecovery.class);
    /** How far back an account with an unreadable snapshot is rebuilt from its signals. */
    static final Duration UNREADABLE_REPLAY = Duration.ofHours(24);

    private final DataSource db;
    private final EngineAlarmDesk desk;

    HandlingRecovery(DataSource db, EngineAlarmDesk desk) {
        this.db = db;
        this.desk = desk;
    }

    /** What was loaded: per account the signal id replay starts after, and which accounts replay 24 h instead. */
    record Loaded(Map<String, Long> after, Set<String> unreadable, long newest) {
        boolean any() {
            return !after.isEmpty() || !unreadable.isEmpty();
        }
    }

    Loaded load() {
        Map<String, Long> after = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        long newest = 0;
        Map<String, HandlingSnapshots.AlarmRecord> records = Map.of();
        try {
            records = new HandlingSnapshots(db).alarms();
        } catch (SQLException e) {
            LOG.warn("console alarm records not loaded (page versions restart at 1): {}", e.toString());
        }
        try {
            for (HandlingSnapshots.Snapshot s : new HandlingSnapshots(db).loadAll()) {
                newest = Math.max(newest, s.lastSignalId());
                switch (s) {
                    case HandlingSnapshots.Snapshot.Readable r -> {
                        desk.restore(r.accountId(), r.state(), r.lastSignalId(), records);
                        after.put(r.accountId(), r.lastSignalId());
                    }
                    case HandlingSnapshots.Snapshot.Unreadable u -> {
                        LOG.warn("handling state of account {} unreadable ({}); rebuilding it from its signals of the last {} h",
                                u.accountId(), u.reason(), UNREADABLE_REPLAY.toHours());
                        unreadable.add(u.accountId());
                    }
                }
            }
        } catch (SQLException e) {
            LOG.error("handling snapshots not loaded: {}", e.toString());
        }
        return new Loaded(after, unreadable, newest);
    }

    /**
     * Feeds {@code handle} every stored signal an account's state has not seen: after its snapshot's last signal; for
     * an unreadable snapshot, those of the last 24 h; for an account without a snapshot, those after the newest
     * snapshot of any account. With no snapshot at all (first start), nothing is replayed.
     */
    void replay(Loaded loaded, Instant now, Consumer<StoredSignal> handle, AccountNumbers numbers) {
        if (!loaded.any()) return;
        long from = loaded.after().values().stream().mapToLong(Long::longValue).min().orElse(loaded.newest());
        from = Math.min(from, loaded.newest());
        Instant since = loaded.unreadable().isEmpty() ? Instant.MAX : now.minus(UNREADABLE_REPLAY);
        String sql = "SELECT id, account_id, account_number, origin, received_at, panel_time, path, events::text FROM signal"
                + " WHERE id > ? OR received_at >= ? ORDER BY id";
        int replayed = 0;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setTimestamp(2, since == Instant.MAX ? Timestamp.from(now.plus(Duration.ofDays(36500))) : Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String number = numbers.number(rs.getLong(2), rs.getString(3));
                    Instant at = rs.getTimestamp(5).toInstant();
                    boolean wanted = loaded.unreadable().contains(number) ? !at.isBefore(since)
                            : id > loaded.after().getOrDefault(number, loaded.newest());
                    if (!wanted) continue;
                    handle.accept(row(rs));
                    replayed++;
                }
            }
        } catch (SQLException e) {
            LOG.error("stored signals not replayed into alarm handling: {}", e.toString());
        }
        if (replayed > 0) LOG.info("replayed {} stored signal(s) into alarm handling", replayed);
    }

    /** The stored signals with these ids (to show the signals of restored alarms as they were received). */
    void signals(java.util.Collection<Long> ids, Consumer<StoredSignal> handle) {
        if (ids.isEmpty()) return;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, account_id, account_number, origin, received_at, panel_time, path, events::text FROM signal WHERE id = ANY (?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) handle.accept(row(rs));
            }
        } catch (SQLException e) {
            LOG.warn("signals of restored alarms not read: {}", e.toString());
        }
    }

    private static StoredSignal row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Timestamp pt = rs.getTimestamp(6);
        return new StoredSignal(id, rs.getLong(2), rs.getString(3),
                "ARC".equals(rs.getString(4)) ? StoredSignal.Origin.ARC : StoredSignal.Origin.PANEL, rs.getTimestamp(5).toInstant(),
                Optional.ofNullable(pt).map(Timestamp::toInstant), rs.getString(7), "", events(rs.getString(8), id));
    }

    private static List<StoredEvent> events(String json, long id) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<StoredEvent>>() {});
        } catch (Exception e) {
            LOG.warn("events of stored signal {} not readable for replay: {}", id, e.toString());
            return List.of();
        }
    }

    /** The account number the engine keys by, from the store's account id and the number as received. */
    @FunctionalInterface
    interface AccountNumbers {
        String number(long accountId, String asReceived);
    }
}
