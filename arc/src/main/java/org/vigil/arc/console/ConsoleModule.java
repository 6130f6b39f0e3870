package org.vigil.arc.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.console.audit.AuditEntry;
import org.vigil.arc.console.audit.AuditTrail;
import org.vigil.arc.console.auth.Authenticator;
import org.vigil.arc.console.auth.InitialAdministrator;
import org.vigil.arc.console.auth.LoginThrottle;
import org.vigil.arc.console.auth.OperatorStore;
import org.vigil.arc.console.auth.PasswordHasher;
import org.vigil.arc.console.auth.Role;
import org.vigil.arc.console.auth.Session;
import org.vigil.arc.console.auth.SessionStore;
import org.vigil.arc.console.web.ConsoleException;
import org.vigil.arc.console.web.Html;
import org.vigil.arc.console.web.Json;

/**
 * The operator console and its JSON API, mounted on the ARC's Javalin: {@code /console/...} (HTML, htmx, SSE) and
 * {@code /console/api/...} (JSON). Usage:
 * <pre>
 *   ConsoleModule console = new ConsoleModule(deps);
 *   console.ensureInitialAdministrator().ifPresent(a -> System.out.println(...)); // printed once
 *   Javalin.create(cfg -> console.register(cfg));
 * </pre>
 * The database must have been migrated (Flyway, {@code db/migration}, V100+); {@link ConsoleDatabase#migrate} does it.
 */
public final class ConsoleModule {
    public static final String SESSION_COOKIE = "vigil_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleModule.class);
    private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.10/dist/";

    final ConsoleDependencies deps;
    final AuditTrail audit;
    final OperatorStore operators;
    final SessionStore sessions = new SessionStore();
    final LoginThrottle throttle = new LoginThrottle();
    final PasswordHasher hasher;
    final Authenticator authenticator;
    final ConsoleService service;
    private final Set<SseClient> sseClients = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> staticCache = new ConcurrentHashMap<>();

    public ConsoleModule(ConsoleDependencies deps) {
        this.deps = deps;
        this.audit = new AuditTrail(deps.database());
        this.operators = new OperatorStore(deps.database());
        this.hasher = new PasswordHasher(deps.passwordIterations());
        this.authenticator = new Authenticator(operators, sessions, throttle, hasher);
        this.service = new ConsoleService(deps, audit, operators, sessions, hasher);
        deps.desk().subscribe(this::broadcastAlarm);
    }

    /** Creates {@code admin} on first start; the caller prints the password once. Empty when operators exist. */
    public Optional<InitialAdministrator.Created> ensureInitialAdministrator() {
        Optional<InitialAdministrator.Created> created = InitialAdministrator.ensure(operators, hasher, deps.adminPassword(), deps.clock().instant());
        created.ifPresent(c -> audit.record(deps.clock().instant(), "system", "operator.create", null, null,
                AuditEntry.Outcome.DONE, "initial administrator " + c.username() + (c.generated() ? " (random password printed once)" : " (password given by flag)")));
        return created;
    }

    public ConsoleService service() {
        return service;
    }

    public AuditTrail auditTrail() {
        return audit;
    }

    public OperatorStore operators() {
        return operators;
    }

    /** Mounts every console and API route on the host's Javalin configuration. */
    public void register(JavalinConfig config) {
        var r = config.routes;
        // Defence in depth for a console that shows hostile text: no inline scripts, no framing, no sniffing.
        r.before("/console/*", ctx -> {
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            if (!ctx.path().startsWith("/console/static/")) ctx.header("Cache-Control", "no-store");
        });
        r.get("/console/static/{file}", this::serveStatic);
        ConsolePages pages = new ConsolePages(this);
        pages.register(r);
        new ConsoleApi(this).register(r);
        r.sse("/console/events", this::openEvents);
        r.exception(ConsoleException.class, (e, ctx) -> {
            if (ctx.path().startsWith("/console/api/")) jsonError(ctx, e);
            else pages.errorPage(ctx, e);
        });
    }

    // ---- sessions, CSRF, roles: shared by pages and API ----

    Optional<Session> session(Context ctx) {
        return sessions.find(ctx.cookie(SESSION_COOKIE), deps.clock().instant());
    }

    /** The session for a state-changing request: logged in, CSRF token matches, role suffices. */
    Session require(Context ctx, Role min, boolean api) {
        Session s = session(ctx).orElseThrow(() -> new ConsoleException(401,
                api ? "Not logged in: POST /console/api/session first." : "Your session has ended; log in again."));
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            String token = ctx.header(CSRF_HEADER);
            if (token == null && !api && isForm(ctx)) token = ctx.formParam(CSRF_FIELD);
            if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(), s.csrfToken().getBytes())) {
                audit.record(deps.clock().instant(), s.operator().username(), "csrf.rejected", null, null,
                        AuditEntry.Outcome.REFUSED, method + " " + ctx.path());
                throw new ConsoleException(403, "Missing or wrong CSRF token: send the " + CSRF_HEADER
                        + " header from your session" + (api ? "" : " (reload the page)") + ". Nothing changed.");
            }
        }
        if (!s.operator().role().atLeast(min)) {
            audit.record(deps.clock().instant(), s.operator().username(), "access.denied", null, null,
                    AuditEntry.Outcome.REFUSED, method + " " + ctx.path() + " needs " + min);
            throw new ConsoleException(403, "This needs the " + min + " role; you are " + s.operator().role() + ".");
        }
        return s;
    }

    private static boolean isForm(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && (ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data"));
    }

    void setSessionCookie(Context ctx, Session s) {
        // HttpOnly: scripts never see it; SameSite=Strict: other sites cannot send it. Not Secure: TLS is terminated
        // in front of the ARC in production (see docs/api.md).
        ctx.header("Set-Cookie", SESSION_COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + SessionStore.ABSOLUTE.toSeconds());
    }

    void clearSessionCookie(Context ctx) {
        ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    Instant now() {
        return deps.clock().instant();
    }

    static void jsonError(Context ctx, ConsoleException e) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", e.status());
        body.put("error", e.getMessage());
        if (!e.fields().isEmpty()) body.put("fields", e.fields());
        ctx.status(e.status()).contentType("application/json").result(Json.write(body));
    }

    // ---- live updates ----

    private void openEvents(SseClient client) {
        if (session(client.ctx()).isEmpty()) {
            client.sendEvent("logout", "session ended");
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> sseClients.remove(client));
        sseClients.add(client);
        client.sendComment("connected");
    }

    private void broadcastAlarm(String alarmId) {
        for (SseClient c : sseClients) {
            try {
                if (c.terminated()) {
                    sseClients.remove(c);
                    continue;
                }
                c.sendEvent("alarms", Html.esc(alarmId));
            } catch (RuntimeException e) {
                sseClients.remove(c);
            }
        }
    }

    int liveClients() {
        return sseClients.size();
    }

    // ---- static files: htmx and its SSE extension from the webjar, our css/js ----

    private void serveStatic(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String resource = switch (file) {
            case "htmx.min.js" -> HTMX + "htmx.min.js";
            case "console.css", "console.js" -> "console/" + file;
            default -> null;
        };
        if (resource == null) throw new ConsoleException(404, "No such file.");
        byte[] bytes = staticCache.get(resource);
        if (bytes == null) {
            try (InputStream in = ConsoleModule.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new ConsoleException(404, "No such file.");
                bytes = in.readAllBytes();
            }
            staticCache.put(resource, bytes);
        }
        ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        ctx.header("Cache-Control", "max-age=3600");
        ctx.result(bytes);
    }

    static void logUnexpected(Context ctx, Exception e) {
        LOG.error("console request {} {} failed", ctx.method(), ctx.path(), e);
    }
}
