package org.vigil.arc.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Accounts in PostgreSQL. Every write is validated first and bumps the account revision. */
public final class AccountRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, number, receiver, line, name, site_address, site_notes, encryption_key, key_form,"
          + " encryption_required, check_timestamp, window_past_seconds, window_future_seconds, quirks,"
          + " supervision::text, supervision_grace_seconds";

  private final DataSource db;

  public AccountRepository(DataSource db) {
    this.db = db;
  }

  /** A conflicting account (same number on the same receiver and line) or a missing id. */
  public static final class AccountConflictException extends Exception {
    public AccountConflictException(String message) {
      super(message);
    }
  }

  public Account create(Account account) throws InvalidAccountException, AccountConflictException, SQLException {
    Account a = AccountValidator.valid(account);
    String sql = "INSERT INTO account (number, number_key, receiver, line, name, site_address, site_notes,"
        + " encryption_key, key_form, encryption_required, check_timestamp, window_past_seconds,"
        + " window_future_seconds, quirks, supervision, supervision_grace_seconds)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?) ON CONFLICT ON CONSTRAINT account_identity DO NOTHING RETURNING id";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, a, 1);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new AccountConflictException("account " + a.label() + " already exists");
        return a.withId(rs.getLong(1));
      }
    }
  }

  public Account update(Account account) throws InvalidAccountException, AccountConflictException, SQLException {
    Account a = AccountValidator.valid(account);
    String sql = "UPDATE account SET number=?, number_key=?, receiver=?, line=?, name=?, site_address=?, site_notes=?,"
        + " encryption_key=?, key_form=?, encryption_required=?, check_timestamp=?, window_past_seconds=?,"
        + " window_future_seconds=?, quirks=?, supervision=?::jsonb, supervision_grace_seconds=?,"
        + " updated_at=now(), revision=nextval('account_revision_seq') WHERE id=?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int next = bind(ps, a, 1);
      ps.setLong(next, a.id());
      if (ps.executeUpdate() == 0) throw new AccountConflictException("no account with id " + a.id());
      return a;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState()))
        throw new AccountConflictException("another account " + a.label() + " already exists");
      throw e;
    }
  }

  /** Creates the account or, when one with the same number, receiver and line exists, replaces it (imports). */
  public Account upsert(Account account) throws InvalidAccountException, SQLException {
    Account a = AccountValidator.valid(account);
    Optional<Account> existing = find(a.number(), a.receiver(), a.line());
    try {
      return existing.isPresent() ? update(a.withId(existing.get().id())) : create(a);
    } catch (AccountConflictException e) {
      throw new SQLException("concurrent change of " + a.label() + ": " + e.getMessage(), e);
    }
  }

  public boolean delete(long id) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement del = c.prepareStatement("DELETE FROM account WHERE id=?");
          PreparedStatement log = c.prepareStatement(
              "INSERT INTO account_change (revision, account_id) VALUES (nextval('account_revision_seq'), ?)")) {
        del.setLong(1, id);
        boolean deleted = del.executeUpdate() > 0;
        if (deleted) {
          log.setLong(1, id);
          log.executeUpdate();
        }
        c.commit();
        return deleted;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  public Optional<Account> findById(long id) throws SQLException {
    return queryOne("SELECT " + COLUMNS + " FROM account WHERE id=?", ps -> ps.setLong(1, id));
  }

  public Optional<Account> find(String number, String receiver, String line) throws SQLException {
    return queryOne("SELECT " + COLUMNS + " FROM account WHERE number_key=? AND receiver=? AND line=?", ps -> {
      ps.setString(1, Account.numberKey(number));
      ps.setString(2, Account.normaliseHex(receiver));
      ps.setString(3, Account.normaliseHex(line));
    });
  }

  public List<Account> findAll() throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM account ORDER BY number_key, receiver, line")) {
      List<Account> out = new ArrayList<>();
      while (rs.next()) out.add(read(rs));
      return out;
    }
  }

  /** Highest revision of any account write or deletion; changes whenever the table changes. */
  public long revision() throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT greatest((SELECT coalesce(max(revision),0) FROM account), (SELECT coalesce(max(revision),0) FROM account_change))")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Optional<Account> queryOne(String sql, Binder binder) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static int bind(PreparedStatement ps, Account a, int i) throws SQLException {
    ps.setString(i++, a.number());
    ps.setString(i++, a.numberKey());
    ps.setString(i++, a.receiver());
    ps.setString(i++, a.line());
    ps.setString(i++, a.name());
    ps.setString(i++, a.siteAddress());
    ps.setString(i++, a.siteNotes());
    ps.setString(i++, a.key());
    ps.setString(i++, a.keyForm() == null ? null : a.keyForm().name());
    ps.setBoolean(i++, a.encryptionRequired());
    ps.setBoolean(i++, a.checkTimestamp());
    ps.setInt(i++, a.windowPastSeconds());
    ps.setInt(i++, a.windowFutureSeconds());
    ps.setString(i++, a.quirks().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    ps.setString(i++, supervisionJson(a.supervision()));
    ps.setInt(i++, a.supervisionGraceSeconds());
    return i;
  }

  static String supervisionJson(List<SupervisedPath> paths) {
    try {
      return JSON.writeValueAsString(paths);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Account read(ResultSet rs) throws SQLException {
    String quirkText = rs.getString("quirks");
    Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
    if (!quirkText.isBlank()) Arrays.stream(quirkText.split(",")).map(Quirk::valueOf).forEach(quirks::add);
    List<SupervisedPath> sup;
    try {
      sup = JSON.readValue(rs.getString("supervision"), new TypeReference<List<SupervisedPath>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable supervision column for account " + rs.getLong("id"), e);
    }
    String form = rs.getString("key_form");
    return new Account(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getString("receiver"),
        rs.getString("line"),
        rs.getString("name"),
        rs.getString("site_address"),
        rs.getString("site_notes"),
        rs.getString("encryption_key"),
        form == null ? null : KeyForm.valueOf(form),
        rs.getBoolean("encryption_required"),
        rs.getBoolean("check_timestamp"),
        rs.getInt("window_past_seconds"),
        rs.getInt("window_future_seconds"),
        quirks,
        sup,
        rs.getInt("supervision_grace_seconds"));
  }

  /**
   * Where the account's duress signals go (the console's handling profile, table console_account_profile, V105):
   * {@code POLICE} or {@code ARC_AND_KEYHOLDERS}. The profile's version moves on, so an edit form loaded before the
   * import is refused as stale rather than silently undoing it.
   */
  public void setDuressRoute(String number, String route) throws SQLException {
    String sql = "INSERT INTO console_account_profile (account_number, duress_route) VALUES (?, ?)"
        + " ON CONFLICT (account_number) DO UPDATE SET duress_route = EXCLUDED.duress_route,"
        + " version = console_account_profile.version + 1 WHERE console_account_profile.duress_route <> EXCLUDED.duress_route";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, number);
      ps.setString(2, route);
      ps.executeUpdate();
    }
  }
}
