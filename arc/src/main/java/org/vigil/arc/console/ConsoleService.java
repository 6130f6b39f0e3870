package org.vigil.arc.console;

import java.util.Map;
import java.util.Optional;
import org.vigil.arc.console.accounts.Account;
import org.vigil.arc.console.accounts.AccountInput;
import org.vigil.arc.console.accounts.AccountValidator;
import org.vigil.arc.console.audit.AuditEntry;
import org.vigil.arc.console.audit.AuditTrail;
import org.vigil.arc.console.auth.Operator;
import org.vigil.arc.console.auth.OperatorStore;
import org.vigil.arc.console.auth.PasswordHasher;
import org.vigil.arc.console.auth.Role;
import org.vigil.arc.console.auth.Session;
import org.vigil.arc.console.auth.SessionStore;
import org.vigil.arc.console.queue.ActionKind;
import org.vigil.arc.console.queue.ActionResult;
import org.vigil.arc.console.queue.Actor;
import org.vigil.arc.console.queue.AlarmCommand;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.CallbackOutcome;
import org.vigil.arc.console.queue.CloseCause;
import org.vigil.arc.console.web.ConsoleException;

/**
 * The console's shell: turns a request (from a page or the API, already authenticated) into a desk command or a
 * store change, and writes exactly one audit line for it, done or refused.
 */
public final class ConsoleService {
    public static final int NOTE_MAX = 1000;

    private final ConsoleDependencies deps;
    private final AuditTrail audit;
    private final OperatorStore operators;
    private final SessionStore sessions;
    private final PasswordHasher hasher;

    ConsoleService(ConsoleDependencies deps, AuditTrail audit, OperatorStore operators, SessionStore sessions, PasswordHasher hasher) {
        this.deps = deps;
        this.audit = audit;
        this.operators = operators;
        this.sessions = sessions;
        this.hasher = hasher;
    }

    public static Actor actor(Session s) {
        return new Actor(s.operator().username(), s.operator().role());
    }

    /** Builds the command from request fields; bad fields are a 400 (audited as refused). */
    public ActionResult act(Session s, String alarmId, String actionPath, Map<String, String> fields, Long version) {
        Optional<ActionKind> kind = ActionKind.fromPath(actionPath);
        if (kind.isEmpty()) throw new ConsoleException(404, "Unknown action '" + actionPath + "'.");
        ActionResult result;
        try {
            AlarmCommand cmd = command(kind.get(), fields);
            result = deps.desk().act(alarmId, actor(s), cmd, version, deps.clock().instant());
        } catch (ConsoleException e) {
            result = new ActionResult.Refused(ActionResult.Reason.INVALID, e.getMessage(), "");
        }
        AlarmView alarm = switch (result) {
            case ActionResult.Done d -> d.alarm();
            case ActionResult.Refused r -> deps.desk().find(alarmId).orElse(null);
        };
        String account = alarm == null ? null : alarm.accountId();
        switch (result) {
            case ActionResult.Done d -> audit.record(deps.clock().instant(), s.operator().username(), "alarm." + kind.get().path,
                    alarmId, account, AuditEntry.Outcome.DONE, describe(fields) + " [" + d.rule() + "]");
            case ActionResult.Refused r -> audit.record(deps.clock().instant(), s.operator().username(), "alarm." + kind.get().path,
                    alarmId, account, AuditEntry.Outcome.REFUSED, r.message() + (r.rule().isEmpty() ? "" : " [" + r.rule() + "]"));
        }
        return result;
    }

    private static String describe(Map<String, String> f) {
        StringBuilder sb = new StringBuilder();
        for (String k : new String[] {"outcome", "cause", "keyholder", "reached", "seconds", "imageId", "note"}) {
            String v = f.get(k);
            if (v != null && !v.isBlank()) sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v.strip());
        }
        return sb.toString();
    }

    private static AlarmCommand command(ActionKind k, Map<String, String> f) {
        String note = f.getOrDefault("note", "");
        if (note != null && note.length() > NOTE_MAX) throw new ConsoleException(400, "Note is longer than " + NOTE_MAX + " characters.");
        return switch (k) {
            case TAKE -> new AlarmCommand.Take();
            case RELEASE -> new AlarmCommand.Release();
            case RECORD_CALLBACK -> new AlarmCommand.RecordCallback(CallbackOutcome.parse(f.get("outcome")).orElseThrow(
                    () -> new ConsoleException(400, "Call-back outcome must be one of " + java.util.Arrays.toString(CallbackOutcome.values()) + ".")), note);
            case RECORD_LISTEN_IN -> {
                int seconds;
                try {
                    seconds = Integer.parseInt(f.getOrDefault("seconds", "").strip());
                } catch (NumberFormatException e) {
                    throw new ConsoleException(400, "Give the listen-in duration in whole seconds (at least 30, BS8243 7.1.1).");
                }
                if (seconds < 1 || seconds > 3600) throw new ConsoleException(400, "Listen-in seconds must be 1 to 3600.");
                yield new AlarmCommand.RecordListenIn(seconds, note);
            }
            case DESIGNATE_AUDIBLE -> new AlarmCommand.DesignateAudible(note);
            case DESIGNATE_VISUAL -> new AlarmCommand.DesignateVisual(note);
            case CONTRARY_INDICATION -> {
                if (note == null || note.isBlank()) throw new ConsoleException(400, "Describe the contrary indication in the note.");
                yield new AlarmCommand.ContraryIndication(note);
            }
            case DISPATCH_POLICE -> new AlarmCommand.DispatchPolice(note);
            case INFORM_KEYHOLDER -> {
                String kh = f.get("keyholder");
                if (kh == null || kh.isBlank()) throw new ConsoleException(400, "Name the keyholder informed.");
                if (kh.length() > 80) throw new ConsoleException(400, "Keyholder name is longer than 80 characters.");
                String reached = f.getOrDefault("reached", "true");
                if (!reached.equals("true") && !reached.equals("false")) throw new ConsoleException(400, "'reached' must be true or false.");
                yield new AlarmCommand.InformKeyholder(kh.strip(), reached.equals("true"), note);
            }
            case CLOSE -> new AlarmCommand.Close(CloseCause.parse(f.get("cause")).orElseThrow(
                    () -> new ConsoleException(400, "Close cause must be one of " + java.util.Arrays.stream(CloseCause.values()).filter(c -> c.selectable).toList() + ".")), note);
            case VIEW_IMAGE -> {
                String id = f.get("imageId");
                if (id == null || id.isBlank() || id.length() > 64) throw new ConsoleException(400, "Give the imageId viewed.");
                yield new AlarmCommand.ViewImage(id);
            }
        };
    }

    public Account createAccount(Session s, AccountInput in) {
        requireRole(s, Role.SUPERVISOR, "account.create", null, in.accountId());
        AccountValidator.Result r = AccountValidator.validate(in, null);
        if (r instanceof AccountValidator.Result.Invalid inv) {
            refused(s, "account.create", safeId(in.accountId()), "invalid fields " + inv.errors().keySet());
            throw new ConsoleException(400, "The account has invalid fields.", inv.errors());
        }
        Account a = ((AccountValidator.Result.Valid) r).account();
        Optional<Account> created = deps.accounts().create(a);
        if (created.isEmpty()) {
            refused(s, "account.create", a.accountId(), "account exists");
            throw new ConsoleException(409, "Account " + a.accountId() + " already exists.", Map.of("accountId", "already exists"));
        }
        audit.record(deps.clock().instant(), s.operator().username(), "account.create", null, a.accountId(),
                AuditEntry.Outcome.DONE, "name=" + a.name() + "; " + a.keyDescription());
        return created.get();
    }

    public Account updateAccount(Session s, String accountId, AccountInput in, long expectedVersion) {
        requireRole(s, Role.SUPERVISOR, "account.update", null, accountId);
        Account existing = deps.accounts().find(accountId).orElseThrow(() -> new ConsoleException(404, "No account " + accountId + "."));
        AccountValidator.Result r = AccountValidator.validate(in, existing);
        if (r instanceof AccountValidator.Result.Invalid inv) {
            refused(s, "account.update", accountId, "invalid fields " + inv.errors().keySet());
            throw new ConsoleException(400, "The account has invalid fields.", inv.errors());
        }
        Account a = ((AccountValidator.Result.Valid) r).account();
        Optional<Account> updated = deps.accounts().update(a, expectedVersion);
        if (updated.isEmpty()) {
            refused(s, "account.update", accountId, "stale version " + expectedVersion);
            throw new ConsoleException(409, "Account " + accountId + " was changed by someone else since you loaded it (version "
                    + expectedVersion + ", now " + existing.version() + "); reload and edit again. Nothing changed.");
        }
        boolean keyChanged = !java.util.Objects.equals(existing.key(), a.key());
        audit.record(deps.clock().instant(), s.operator().username(), "account.update", null, accountId, AuditEntry.Outcome.DONE,
                "version " + updated.get().version() + (keyChanged ? "; encryption key replaced" : ""));
        return updated.get();
    }

    public Operator createOperator(Session s, String username, String displayName, String roleText, String password) {
        requireRole(s, Role.ADMINISTRATOR, "operator.create", null, null);
        Map<String, String> e = new java.util.LinkedHashMap<>();
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}")) e.put("username", "2 to 64 letters, digits, . _ -");
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) e.put("displayName", "1 to 100 characters");
        Optional<Role> role = Role.parse(roleText);
        if (role.isEmpty()) e.put("role", "OPERATOR, SUPERVISOR or ADMINISTRATOR");
        if (password == null || password.length() < 12 || password.length() > 200) e.put("password", "12 to 200 characters");
        if (!e.isEmpty()) {
            refused(s, "operator.create", null, "invalid fields " + e.keySet());
            throw new ConsoleException(400, "The operator has invalid fields.", e);
        }
        Optional<Operator> op = operators.create(username, displayName.strip(), role.get(), hasher.hash(password), deps.clock().instant());
        if (op.isEmpty()) {
            refused(s, "operator.create", null, "user name " + username + " taken");
            throw new ConsoleException(409, "User name " + username + " is taken.", Map.of("username", "taken"));
        }
        audit.record(deps.clock().instant(), s.operator().username(), "operator.create", null, null, AuditEntry.Outcome.DONE,
                "user=" + username + "; role=" + role.get());
        return op.get();
    }

    public void updateOperator(Session s, String username, String roleText, Boolean enabled) {
        requireRole(s, Role.ADMINISTRATOR, "operator.update", null, null);
        Operator op = operators.find(username).orElseThrow(() -> new ConsoleException(404, "No operator " + username + "."));
        Role role = roleText == null ? op.role() : Role.parse(roleText).orElseThrow(
                () -> new ConsoleException(400, "Role must be OPERATOR, SUPERVISOR or ADMINISTRATOR.", Map.of("role", "unknown role")));
        boolean en = enabled == null ? op.enabled() : enabled;
        if (op.username().equals(s.operator().username()) && (!en || role != Role.ADMINISTRATOR)) {
            refused(s, "operator.update", null, "cannot demote or disable yourself");
            throw new ConsoleException(409, "You cannot demote or disable your own account.");
        }
        operators.update(op.username(), role, en);
        sessions.closeAllOf(op.username()); // new role applies at next login
        audit.record(deps.clock().instant(), s.operator().username(), "operator.update", null, null, AuditEntry.Outcome.DONE,
                "user=" + op.username() + "; role=" + role + "; enabled=" + en);
    }

    /** Any user changes their own password, proving the current one; other sessions of the user end. */
    public void changePassword(Session s, String current, String next) {
        String user = s.operator().username();
        var stored = operators.findWithHashFor(user);
        if (current == null || stored.isEmpty() || !hasher.verify(current, stored.get())) {
            refused(s, "operator.password", null, "current password wrong");
            throw new ConsoleException(403, "The current password is wrong; nothing changed.", Map.of("current", "wrong"));
        }
        if (next == null || next.length() < 12 || next.length() > 200) {
            refused(s, "operator.password", null, "new password too short or too long");
            throw new ConsoleException(400, "The new password must have 12 to 200 characters.", Map.of("password", "12 to 200 characters"));
        }
        operators.setPasswordHash(user, hasher.hash(next));
        sessions.closeAllOf(user);
        audit.record(deps.clock().instant(), user, "operator.password", null, null, AuditEntry.Outcome.DONE, "own password changed");
    }

    public void requireRole(Session s, Role min, String action, String alarmId, String accountId) {
        if (!s.operator().role().atLeast(min)) {
            audit.record(deps.clock().instant(), s.operator().username(), action, alarmId, safeId(accountId),
                    AuditEntry.Outcome.REFUSED, "needs role " + min);
            throw new ConsoleException(403, "This needs the " + min + " role; you are " + s.operator().role() + ".");
        }
    }

    private void refused(Session s, String action, String accountId, String detail) {
        audit.record(deps.clock().instant(), s.operator().username(), action, null, safeId(accountId), AuditEntry.Outcome.REFUSED, detail);
    }

    private static String safeId(String id) {
        if (id == null) return null;
        String t = id.strip();
        return t.length() > 64 ? t.substring(0, 64) : t;
    }
}
