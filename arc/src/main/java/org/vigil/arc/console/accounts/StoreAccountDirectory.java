package org.vigil.arc.console.accounts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.AccountProblem;
import org.vigil.arc.account.AccountRepository;
import org.vigil.arc.account.InvalidAccountException;
import org.vigil.arc.account.KeyForm;
import org.vigil.arc.account.SupervisedPath;
import org.vigil.arc.console.web.ConsoleException;
import org.vigil.arc.receiver.PathSupervision;
import org.vigil.arc.store.SignalStore;

/**
 * The console's accounts over the ARC I store: the receiver's account record (number, prefix, key, supervised
 * paths) plus the console's handling profile (schedules, keyholders, URNs, response plan; table
 * console_account_profile, V101). Supervision and unknown-account frames come from the running receiver.
 */
public final class StoreAccountDirectory implements AccountDirectory {
    private final ArcService arc;
    private final DataSource db;
    private final Runnable changed;

    /** {@code changed} runs after every create/update (reload the receiver and the engine's profiles). */
    public StoreAccountDirectory(ArcService arc, Runnable changed) {
        this.arc = arc;
        this.db = arc.signals().dataSource();
        this.changed = changed;
    }

    record Extras(String schedules, String keyholders, String urnIntruder, String urnHoldUp, boolean withdrawn, String plan, long version,
            String duressRoute) {
        static final Extras NONE = new Extras("", "", null, null, false, "", 1, "ARC_AND_KEYHOLDERS");
    }

    @Override
    public List<Account> all() {
        try {
            Map<String, Extras> extras = extras();
            List<Account> out = new ArrayList<>();
            for (org.vigil.arc.account.Account a : arc.accounts().findAll())
                out.add(toConsole(a, extras.getOrDefault(a.number(), Extras.NONE)));
            out.sort(java.util.Comparator.comparing(Account::accountId));
            return out;
        } catch (SQLException e) {
            throw new ConsoleException(503, "The account store is unavailable; try again.");
        }
    }

    @Override
    public Optional<Account> find(String accountId) {
        return all().stream().filter(a -> a.accountId().equalsIgnoreCase(accountId)).findFirst();
    }

    /** The receiver's record for a console account id (account number). */
    public Optional<org.vigil.arc.account.Account> receiverAccount(String number) {
        return arc.directory().all().stream().filter(a -> a.number().equalsIgnoreCase(number)).findFirst();
    }

    @Override
    public Optional<Account> create(Account a) {
        try {
            if (find(a.accountId()).isPresent()) return Optional.empty();
            arc.accounts().create(toReceiver(a, org.vigil.arc.account.Account.of(a.accountId())));
            writeExtras(a, 1, true);
        } catch (AccountRepository.AccountConflictException e) {
            return Optional.empty();
        } catch (InvalidAccountException e) {
            throw invalid(e);
        } catch (SQLException e) {
            throw new ConsoleException(503, "The account store is unavailable; nothing was saved.");
        }
        changed.run();
        return find(a.accountId());
    }

    @Override
    public Optional<Account> update(Account a, long expectedVersion) {
        try {
            Optional<Account> current = find(a.accountId());
            if (current.isEmpty() || current.get().version() != expectedVersion) return Optional.empty();
            org.vigil.arc.account.Account stored = arc.accounts().findAll().stream()
                    .filter(x -> x.number().equalsIgnoreCase(a.accountId())).findFirst().orElseThrow();
            arc.accounts().update(toReceiver(a, stored));
            writeExtras(a, expectedVersion + 1, false);
        } catch (InvalidAccountException e) {
            throw invalid(e);
        } catch (AccountRepository.AccountConflictException e) {
            throw new ConsoleException(409, e.getMessage());
        } catch (SQLException e) {
            throw new ConsoleException(503, "The account store is unavailable; nothing was saved.");
        }
        changed.run();
        return find(a.accountId());
    }

    private static ConsoleException invalid(InvalidAccountException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (AccountProblem p : e.problems()) fields.put(p.field(), p.message());
        return new ConsoleException(400, "The receiver refused the account.", fields);
    }

    private static org.vigil.arc.account.Account toReceiver(Account a, org.vigil.arc.account.Account base) {
        List<SupervisedPath> paths = a.paths().stream().map(p -> new SupervisedPath(p.name(), p.supervisionSeconds(),
                base.supervision().stream().filter(s -> s.path().equals(p.name())).map(SupervisedPath::technology).findFirst().orElse(""))).toList();
        KeyForm form = switch (a.keyForm()) {
            case NONE -> null;
            case HEX -> KeyForm.HEX;
            case ASCII -> KeyForm.ASCII;
        };
        return new org.vigil.arc.account.Account(base.id(), a.accountId(), base.receiver(), a.receiverPrefix(), a.name(), a.address(),
                base.siteNotes(), a.key(), form, base.encryptionRequired(), base.checkTimestamp(), base.windowPastSeconds(),
                base.windowFutureSeconds(), base.quirks(), paths, base.supervisionGraceSeconds());
    }

    private static Account toConsole(org.vigil.arc.account.Account a, Extras x) {
        Account.KeyForm form = a.key() == null ? Account.KeyForm.NONE : a.keyForm() == KeyForm.ASCII ? Account.KeyForm.ASCII : Account.KeyForm.HEX;
        List<Account.Path> paths = a.supervision().stream().map(s -> new Account.Path(s.path(), s.intervalSeconds())).toList();
        List<Account.Schedule> schedules = new ArrayList<>();
        for (String line : x.schedules().lines().toList()) {
            String[] p = line.strip().split("\\s+");
            if (p.length == 3) schedules.add(new Account.Schedule(p[0], p[1], p[2]));
        }
        List<Account.Keyholder> keyholders = new ArrayList<>();
        for (String line : x.keyholders().lines().toList()) {
            int i = line.lastIndexOf(';');
            if (i > 0) keyholders.add(new Account.Keyholder(line.substring(0, i).strip(), line.substring(i + 1).strip()));
        }
        return new Account(a.number(), a.line(), a.name(), a.siteAddress(), form, a.key(), paths, schedules, keyholders,
                x.urnIntruder(), x.urnHoldUp(), x.withdrawn(), x.plan(), x.version(), route(x.duressRoute()));
    }

    private static org.vigil.arc.handling.DuressRoute route(String s) {
        try {
            return s == null ? org.vigil.arc.handling.DuressRoute.DEFAULT : org.vigil.arc.handling.DuressRoute.valueOf(s);
        } catch (IllegalArgumentException e) {
            return org.vigil.arc.handling.DuressRoute.DEFAULT;
        }
    }

    private Map<String, Extras> extras() throws SQLException {
        Map<String, Extras> out = new HashMap<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT account_number, schedules, keyholders, urn_intruder, urn_hold_up, police_withdrawn, response_plan, version, duress_route"
                        + " FROM console_account_profile")) {
            while (rs.next()) out.put(rs.getString(1), new Extras(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getBoolean(6), rs.getString(7), rs.getLong(8), rs.getString(9)));
        }
        return out;
    }

    private void writeExtras(Account a, long version, boolean insert) throws SQLException {
        String sql = "INSERT INTO console_account_profile (schedules, keyholders, urn_intruder, urn_hold_up, police_withdrawn, response_plan, version,"
                + " duress_route, account_number)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_number) DO UPDATE SET schedules = EXCLUDED.schedules,"
                + " keyholders = EXCLUDED.keyholders, urn_intruder = EXCLUDED.urn_intruder, urn_hold_up = EXCLUDED.urn_hold_up,"
                + " police_withdrawn = EXCLUDED.police_withdrawn, response_plan = EXCLUDED.response_plan, version = EXCLUDED.version,"
                + " duress_route = EXCLUDED.duress_route";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, String.join("\n", a.schedules().stream().map(s -> s.days() + " " + s.setTime() + " " + s.unsetTime()).toList()));
            ps.setString(2, String.join("\n", a.keyholders().stream().map(k -> k.name() + "; " + k.phone()).toList()));
            ps.setString(3, a.urnIntruder());
            ps.setString(4, a.urnHoldUp());
            ps.setBoolean(5, a.policeResponseWithdrawn());
            ps.setString(6, a.responsePlan() == null ? "" : a.responsePlan());
            ps.setLong(7, version);
            ps.setString(8, a.duressRoute().name());
            ps.setString(9, a.accountId());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Account.PathStatus> supervision(String accountId) {
        Optional<org.vigil.arc.account.Account> a = receiverAccount(accountId);
        if (a.isEmpty() || arc.supervisor() == null) return List.of();
        List<Account.PathStatus> out = new ArrayList<>();
        for (PathSupervision.PathState s : arc.supervisor().snapshot())
            if (s.accountId() == a.get().id()) out.add(new Account.PathStatus(s.path(), s.lastSeen(), s.faulted()));
        return out;
    }

    @Override
    public List<UnknownSignal> unknownSignals() {
        try {
            List<UnknownSignal> out = new ArrayList<>();
            for (SignalStore.UnknownFrameView u : arc.signals().unknownFrames(200))
                out.add(new UnknownSignal("U" + u.id(), u.receivedAt(), u.line(), u.accountNumber(),
                        u.connection() + (u.reason() == null ? "" : " (" + u.reason() + ")"),
                        u.raw() == null ? "" : new String(u.raw(), StandardCharsets.ISO_8859_1)));
            return out;
        } catch (SQLException e) {
            throw new ConsoleException(503, "The signal store is unavailable; try again.");
        }
    }

    @Override
    public Optional<UnknownSignal> unknownSignal(String id) {
        return unknownSignals().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The console profile fields for the engine: schedules, keyholders, URNs. */
    public Optional<Account> consoleAccount(String number) {
        return find(number);
    }
}
