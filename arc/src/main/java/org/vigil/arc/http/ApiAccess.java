package org.vigil.arc.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.console.audit.AuditEntry;
import org.vigil.arc.console.audit.AuditTrail;
import org.vigil.arc.console.auth.CredentialCheck;
import org.vigil.arc.console.auth.LoginThrottle;
import org.vigil.arc.console.auth.Operator;
import org.vigil.arc.console.auth.OperatorStore;
import org.vigil.arc.console.auth.Role;

/**
 * Who may call {@code /api/...} on the ARC's HTTP port: the console's operators with the console's roles (reading
 * needs OPERATOR, changing accounts SUPERVISOR), by HTTP Basic with their console user name and password.
 *
 * <ul>
 *   <li>Forgery: a browser can send a cross-site form (urlencoded, multipart or text/plain body) with credentials it
 *       remembers, so a changing call with one of those content types is refused; programs send
 *       {@code application/json}, {@code application/yaml} or {@code text/csv}, which a cross-site page cannot send
 *       without a CORS preflight we never answer.</li>
 *   <li>Headless ARC: on a store where no operator exists yet (the console has never run, e.g. {@code vigil arc
 *       --console-port -1} for a load test) there is nobody to authenticate; the API then answers callers on the
 *       loopback address only, and refuses every other address. Once a console has created its administrator,
 *       credentials are required from everyone.</li>
 * </ul>
 * Refusals and every accepted change are written to the console's audit trail.
 */
final class ApiAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ApiAccess.class);
    static final String REALM = "Basic realm=\"Vigil ARC API\", charset=\"UTF-8\"";

    private final CredentialCheck credentials;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile boolean operatorsSeen;
    private volatile boolean warnedOpen;

    ApiAccess(DataSource db, Clock clock) {
        this.credentials = new CredentialCheck(new OperatorStore(db), new LoginThrottle());
        this.audit = new AuditTrail(db);
        this.clock = clock;
    }

    /** A refusal to answer: status, message. */
    record Refusal(int status, String message) {}

    /** Checks the request; on refusal writes the answer and returns false. Sets the attribute "operator" on success. */
    boolean admit(Context ctx) {
        Optional<Refusal> r = check(ctx);
        if (r.isEmpty()) return true;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", r.get().message());
        if (r.get().status() == 401) ctx.header("WWW-Authenticate", REALM);
        ctx.status(r.get().status()).json(body);
        return false;
    }

    private Optional<Refusal> check(Context ctx) {
        boolean write = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        Role needed = write ? Role.SUPERVISOR : Role.OPERATOR;
        String what = ctx.method().name() + " " + ctx.path();
        if (write && formLike(ctx.contentType())) {
            return Optional.of(new Refusal(415, "Send the body as application/json, application/yaml or text/csv; form and"
                    + " text/plain bodies are refused (cross-site request forgery). Nothing changed."));
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            if (!anyOperator()) {
                if (loopback(ctx.ip())) {
                    if (!warnedOpen) {
                        warnedOpen = true;
                        LOG.warn("ARC API answered without credentials: no console operator exists yet (loopback callers only)");
                    }
                    return Optional.empty();
                }
                return Optional.of(new Refusal(403, "No console operator exists yet: start the console once to create the"
                        + " administrator. Until then the API answers on the loopback address only."));
            }
            return Optional.of(new Refusal(401, "Log in with HTTP Basic: a console operator's user name and password ("
                    + needed + " role or higher for " + (write ? "changes" : "reading") + ")."));
        }
        Optional<String[]> pair = basic(header);
        if (pair.isEmpty()) return Optional.of(new Refusal(401, "Authorization must be HTTP Basic with user name:password in base64."));
        String user = pair.get()[0];
        switch (credentials.check(user, pair.get()[1], clock.instant())) {
            case CredentialCheck.Result.Wrong w -> {
                audit(user, "api.login", AuditEntry.Outcome.REFUSED, "wrong user name or password (" + what + ")");
                return Optional.of(new Refusal(401, "Wrong user name or password."));
            }
            case CredentialCheck.Result.Locked l -> {
                ctx.header("Retry-After", Long.toString(Math.max(1, Duration.between(clock.instant(), l.until()).toSeconds())));
                audit(user, "api.login", AuditEntry.Outcome.REFUSED, "locked until " + l.until());
                return Optional.of(new Refusal(429, "Too many wrong passwords for this user; try again after " + l.until() + "."));
            }
            case CredentialCheck.Result.Verified v -> {
                Operator op = v.operator();
                if (!op.role().atLeast(needed)) {
                    audit(op.username(), "access.denied", AuditEntry.Outcome.REFUSED, what + " needs " + needed);
                    return Optional.of(new Refusal(403, "This needs the " + needed + " role; you are " + op.role() + "."));
                }
                ctx.attribute("operator", op.username());
                return Optional.empty();
            }
        }
    }

    /** After a change went through: one audit line (who, what). */
    void changed(Context ctx, String action, String accountNumber, String detail) {
        String who = ctx.attribute("operator");
        audit(who == null ? "loopback (no operator yet)" : who, action, AuditEntry.Outcome.DONE, detail, accountNumber);
    }

    private boolean anyOperator() {
        if (operatorsSeen) return true;
        try {
            operatorsSeen = credentials.anyOperator();
        } catch (RuntimeException e) {
            return true; // store unreadable: do not open the API
        }
        return operatorsSeen;
    }

    private void audit(String actor, String action, AuditEntry.Outcome outcome, String detail) {
        audit(actor, action, outcome, detail, null);
    }

    private void audit(String actor, String action, AuditEntry.Outcome outcome, String detail, String account) {
        try {
            String a = actor == null ? "" : actor.length() > 64 ? actor.substring(0, 64) : actor;
            audit.record(clock.instant(), a, action, null, account == null || account.length() > 64 ? null : account, outcome,
                    detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        } catch (RuntimeException e) {
            LOG.warn("audit line for {} not written: {}", action, e.toString());
        }
    }

    static boolean formLike(String contentType) {
        if (contentType == null) return false;
        String c = contentType.toLowerCase(Locale.ROOT);
        return c.startsWith("application/x-www-form-urlencoded") || c.startsWith("multipart/form-data") || c.startsWith("text/plain");
    }

    static Optional<String[]> basic(String header) {
        String h = header.strip();
        if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        try {
            String decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
            int i = decoded.indexOf(':');
            if (i <= 0 || decoded.length() > 300) return Optional.empty();
            return Optional.of(new String[] {decoded.substring(0, i), decoded.substring(i + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean loopback(String ip) {
        try {
            return ip != null && InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
