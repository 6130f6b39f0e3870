package org.vigil.arc.console.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Operators in PostgreSQL (table console_operator, migration V100). */
public final class OperatorStore {
    private final DataSource db;

    public OperatorStore(DataSource db) {
        this.db = db;
    }

    record Stored(Operator operator, String passwordHash) {}

    public long count() {
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM console_operator")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count operators", e);
        }
    }

    /** Empty when the name is taken. */
    public Optional<Operator> create(String username, String displayName, Role role, String passwordHash, Instant now) {
        String sql = "INSERT INTO console_operator (username, display_name, role, password_hash, created_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING id";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            ps.setString(2, displayName);
            ps.setString(3, role.name());
            ps.setString(4, passwordHash);
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Operator(rs.getLong(1), username, displayName, role, true, now));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create operator", e);
        }
    }

    Optional<Stored> findWithHash(String username) {
        String sql = "SELECT id, username, display_name, role, enabled, created_at, password_hash "
                + "FROM console_operator WHERE lower(username) = lower(?)";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Stored(map(rs), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read operator", e);
        }
    }

    /** The stored hash of a user, for checking the current password on a change. */
    public Optional<String> findWithHashFor(String username) {
        return findWithHash(username).map(Stored::passwordHash);
    }

    public Optional<Operator> find(String username) {
        return findWithHash(username).map(Stored::operator);
    }

    public List<Operator> all() {
        String sql = "SELECT id, username, display_name, role, enabled, created_at FROM console_operator ORDER BY username";
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<Operator> out = new ArrayList<>();
            while (rs.next()) out.add(map(rs));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list operators", e);
        }
    }

    public boolean update(String username, Role role, boolean enabled) {
        String sql = "UPDATE console_operator SET role = ?, enabled = ? WHERE username = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, role.name());
            ps.setBoolean(2, enabled);
            ps.setString(3, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update operator", e);
        }
    }

    public boolean setPasswordHash(String username, String passwordHash) {
        String sql = "UPDATE console_operator SET password_hash = ? WHERE username = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, passwordHash);
            ps.setString(2, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change password", e);
        }
    }

    private static Operator map(ResultSet rs) throws SQLException {
        return new Operator(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getBoolean(5), rs.getTimestamp(6).toInstant());
    }
}
