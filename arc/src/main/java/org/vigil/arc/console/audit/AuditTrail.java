package org.vigil.arc.console.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Append-only audit trail in PostgreSQL (table console_audit, migration V100). */
public final class AuditTrail {
    private static final int DETAIL_MAX = 2000;
    private final DataSource db;

    public AuditTrail(DataSource db) {
        this.db = db;
    }

    public void record(Instant at, String actor, String action, String alarmId, String accountId,
                       AuditEntry.Outcome outcome, String detail) {
        String d = detail == null ? "" : detail;
        if (d.length() > DETAIL_MAX) d = d.substring(0, DETAIL_MAX - 1) + "…";
        String sql = "INSERT INTO console_audit (at, actor, action, alarm_id, account_id, outcome, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, truncate(actor, 64));
            ps.setString(3, truncate(action, 64));
            setNullable(ps, 4, alarmId);
            setNullable(ps, 5, accountId);
            ps.setString(6, outcome.name());
            ps.setString(7, d);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit trail", e);
        }
    }

    public List<AuditEntry> forAlarm(String alarmId) {
        return query("WHERE alarm_id = ? ORDER BY id", alarmId, 1000);
    }

    public List<AuditEntry> forAccount(String accountId) {
        return query("WHERE account_id = ? ORDER BY id", accountId, 1000);
    }

    /** Newest first. */
    public List<AuditEntry> latest(int limit) {
        return query("ORDER BY id DESC", null, Math.max(1, Math.min(limit, 1000)));
    }

    private List<AuditEntry> query(String where, String param, int limit) {
        String sql = "SELECT id, at, actor, action, alarm_id, account_id, outcome, detail FROM console_audit "
                + where + " LIMIT " + limit;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            AuditEntry.Outcome.valueOf(rs.getString(7)), rs.getString(8)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail", e);
        }
    }

    private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, truncate(v, 64));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
