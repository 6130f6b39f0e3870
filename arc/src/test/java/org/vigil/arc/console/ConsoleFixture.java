package org.vigil.arc.console;

import org.vigil.arc.testing.MutableClock;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.vigil.arc.console.accounts.Account;
import org.vigil.arc.console.accounts.InMemoryAccountDirectory;
import org.vigil.arc.console.auth.Role;
import org.vigil.arc.console.queue.AlarmKind;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.Designation;
import org.vigil.arc.console.queue.InMemoryAlarmDesk;
import org.vigil.arc.console.queue.PoliceStatus;
import org.vigil.arc.console.statistics.SignalCounter;

/**
 * A running console on an ephemeral port over a real PostgreSQL (Zonky, one server per JVM, one fresh database per
 * fixture) with the in-memory desk and directory, a hand-moved clock and users admin / sup / op1 / op2.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DB = new AtomicInteger();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final InMemoryAlarmDesk desk = new InMemoryAlarmDesk();
    final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
    final SignalCounter signals = new SignalCounter();
    final DataSource db;
    final ConsoleModule console;
    final Javalin app;
    final String base;

    ConsoleFixture() throws Exception {
        this(null);
    }

    /** With another desk (e.g. the engine's) instead of the in-memory one. */
    ConsoleFixture(org.vigil.arc.console.queue.AlarmDesk other) throws Exception {
        db = freshDatabase();
        ConsoleDatabase.migrate(db);
        console = new ConsoleModule(new ConsoleDependencies(db, other == null ? desk : other, accounts, signals, clock, 1000,
                Optional.of(PASSWORD + " admin")));
        console.ensureInitialAdministrator().orElseThrow();
        var adminSession = console.sessions.open(console.operators.find("admin").orElseThrow(), clock.instant());
        console.service.createOperator(adminSession, "sup", "Sam Supervisor", "SUPERVISOR", PASSWORD);
        console.service.createOperator(adminSession, "op1", "Olive Operator", "OPERATOR", PASSWORD);
        console.service.createOperator(adminSession, "op2", "Oscar Operator", "OPERATOR", PASSWORD);
        console.sessions.close(adminSession.id());
        app = Javalin.create(console::register).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    static synchronized DataSource freshDatabase() throws Exception {
        if (postgres == null) postgres = EmbeddedPostgres.builder().start();
        String name = "console_" + ProcessHandle.current().pid() + "_" + DB.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    /** A stand-in camera still (inline SVG), so the page shows an image without any network. */
    static final String CAMERA = "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(("""
            <svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#2b3440"/>
            <rect x="20" y="110" width="280" height="50" fill="#55606e"/><rect x="200" y="40" width="40" height="70" fill="#8896a6"/>
            <circle cx="220" cy="30" r="12" fill="#c9a27e"/><text x="10" y="20" fill="#fff" font-size="12" font-family="monospace">CAM 1 10:00:03</text></svg>
            """).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    static String passwordOf(String user) {
        return user.equals("admin") ? PASSWORD + " admin" : PASSWORD;
    }

    Account account(String id, String name) {
        Account a = new Account(id, "0", name, "1 High Street, Anytown", Account.KeyForm.HEX, "00112233445566778899AABBCCDDEEFF",
                List.of(new Account.Path("primary", 90), new Account.Path("backup", 3600)),
                List.of(new Account.Schedule("Mon-Fri", "18:00", "07:30")),
                List.of(new Account.Keyholder("Kim Keyholder", "+44 20 7946 0000"), new Account.Keyholder("Lee Keyholder", "07700 900123")),
                "AB/12345/I", "AB/12345/H", false, "Police on confirmed; keyholder always.", 0);
        return accounts.create(a).orElseThrow();
    }

    AlarmView raise(String accountId, String siteName, AlarmKind kind, Designation d, String signalText) {
        Instant now = clock.instant();
        signals.record(now);
        return desk.raise(new InMemoryAlarmDesk.NewAlarm(accountId, siteName, "1 High Street, Anytown", kind, d,
                d == Designation.SEQUENTIALLY_CONFIRMED ? "BS8243 6.4.5" : "DD243 5.4.1",
                kind == AlarmKind.INTRUDER ? now.plusSeconds(120) : null,
                new PoliceStatus(kind == AlarmKind.INTRUDER ? "AB/12345/I" : "AB/12345/H", PoliceStatus.Response.ACTIVE, null),
                List.of(new AlarmView.Signal(now, "BA", signalText, "3", "primary",
                        "\"SIA-DCS\"0001L0#" + accountId + "[#" + accountId + "|NBA3]_10:00:00,11-22-2026")),
                List.of(new AlarmView.Zone("3", "Rear office PIR", "PIR", "alarm")),
                List.of(new AlarmView.Keyholder(1, "Kim Keyholder", "+44 20 7946 0000")),
                List.of("Call the premises", "Ask for the password", "If wrong or no answer: call keyholder 1"),
                List.of(new AlarmView.Image("img1", now, "Camera 1", CAMERA, null, null))), now);
    }

    /** A logged-in API client (cookie + CSRF token). */
    Client login(String user) throws Exception {
        Client c = new Client();
        HttpResponse<String> r = c.send("POST", "/console/api/session",
                "{\"username\":\"" + user + "\",\"password\":\"" + passwordOf(user) + "\"}", false);
        if (r.statusCode() != 201) throw new IllegalStateException("login failed: " + r.body());
        c.csrf = org.vigil.arc.console.web.Json.MAPPER.readTree(r.body()).get("csrfToken").asText();
        return c;
    }

    Client anonymous() {
        return new Client();
    }

    final class Client {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String csrf;

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send("GET", path, null, false);
        }

        HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
            return send(method, path, json, true);
        }

        HttpResponse<String> send(String method, String path, String json, boolean withCsrf) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
            if (json != null) b.header("Content-Type", "application/json");
            if (withCsrf && csrf != null) b.header(ConsoleModule.CSRF_HEADER, csrf);
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> form(String path, String body) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static Role role(String user) {
        return switch (user) { case "admin" -> Role.ADMINISTRATOR; case "sup" -> Role.SUPERVISOR; default -> Role.OPERATOR; };
    }

    @Override
    public void close() {
        app.stop();
    }
}
