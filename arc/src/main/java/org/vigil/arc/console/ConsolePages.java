package org.vigil.arc.console;

import static org.vigil.arc.console.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.arc.console.accounts.Account;
import org.vigil.arc.console.accounts.AccountInput;
import org.vigil.arc.console.accounts.UnknownSignal;
import org.vigil.arc.console.audit.AuditEntry;
import org.vigil.arc.console.auth.Authenticator;
import org.vigil.arc.console.auth.Operator;
import org.vigil.arc.console.auth.Role;
import org.vigil.arc.console.auth.Session;
import org.vigil.arc.console.queue.ActionKind;
import org.vigil.arc.console.queue.ActionResult;
import org.vigil.arc.console.queue.AlarmKind;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.CallbackOutcome;
import org.vigil.arc.console.queue.CloseCause;
import org.vigil.arc.console.web.ConsoleException;

/** Server-rendered pages. Every dynamic value goes through {@code esc}. */
final class ConsolePages {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    static final Comparator<AlarmView> QUEUE_ORDER = Comparator.comparingInt(AlarmView::priority)
            .thenComparing(AlarmView::raisedAt).thenComparing(AlarmView::id);

    private final ConsoleModule m;

    ConsolePages(ConsoleModule m) {
        this.m = m;
    }

    void register(JavalinDefaultRoutingApi r) {
        r.get("/console", ctx -> ctx.redirect("/console/queue"));
        r.get("/console/login", safe(this::loginPage));
        r.post("/console/login", safe(this::login));
        r.post("/console/logout", safe(this::logout));
        r.get("/console/queue", safe(this::queuePage));
        r.get("/console/queue/rows", safe(this::queueRows));
        r.get("/console/alarms/{id}", safe(this::alarmPage));
        r.get("/console/alarms/{id}/live", safe(this::alarmLive));
        r.get("/console/alarms/{id}/images/{imageId}", safe(this::alarmImage));
        r.post("/console/alarms/{id}/{action}", safe(this::alarmAction));
        r.get("/console/accounts", safe(this::accountsPage));
        r.get("/console/accounts/new", safe(this::newAccountPage));
        r.post("/console/accounts", safe(this::createAccount));
        r.get("/console/accounts/{id}", safe(this::accountPage));
        r.get("/console/accounts/{id}/edit", safe(this::editAccountPage));
        r.post("/console/accounts/{id}", safe(this::updateAccount));
        r.get("/console/unknown", safe(this::unknownPage));
        r.get("/console/statistics", safe(this::statisticsPage));
        r.get("/console/audit", safe(this::auditPage));
        r.get("/console/password", safe(this::passwordPage));
        r.post("/console/password", safe(this::changePassword));
        r.get("/console/operators", safe(this::operatorsPage));
        r.post("/console/operators", safe(this::createOperator));
    }

    interface PageHandler {
        void handle(Context ctx) throws Exception;
    }

    /** Unexpected failures become a plain message, never a stack trace in the browser. */
    static Handler safe(PageHandler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (ConsoleException e) {
                throw e;
            } catch (Exception e) {
                ConsoleModule.logUnexpected(ctx, e);
                throw new ConsoleException(500, "Internal error; it has been logged. Reload and check whether your action took effect.");
            }
        };
    }

    void errorPage(Context ctx, ConsoleException e) {
        if (e.status() == 401) {
            if ("true".equals(ctx.header("HX-Request"))) {
                ctx.header("HX-Redirect", "/console/login");
                ctx.status(401).result("");
            } else {
                ctx.redirect("/console/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
            }
            return;
        }
        Optional<Session> s = m.session(ctx);
        ctx.status(e.status()).html(layout("Error", s.orElse(null), "<div class=\"flash error\" role=\"alert\">" + esc(e.getMessage())
                + fieldList(e.fields()) + "</div><p><a href=\"/console/queue\">Back to the queue</a></p>"));
    }

    // ---- layout ----

    String layout(String title, Session s, String body) {
        String nav = s == null ? "" : """
                <nav><a href="/console/queue">Queue</a><a href="/console/accounts">Accounts</a><a href="/console/unknown">Unknown signals</a>\
                <a href="/console/statistics">Statistics</a>%s%s
                <span id="live-indicator" class="badge">connecting</span><span class="who"><a href="/console/password" title="Change password">%s</a> (%s)</span>
                <form method="post" action="/console/logout" class="inline"><input type="hidden" name="_csrf" value="%s"><button>Log out</button></form></nav>
                """.formatted(s.operator().role().atLeast(Role.SUPERVISOR) ? "<a href=\"/console/audit\">Audit trail</a>" : "",
                s.operator().role().atLeast(Role.ADMINISTRATOR) ? "<a href=\"/console/operators\">Operators</a>" : "",
                esc(s.operator().displayName()), esc(s.operator().role().name().toLowerCase()), esc(s.csrfToken()));
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s · Vigil ARC</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/console/static/console.css">
                <script src="/console/static/htmx.min.js"></script>
                <script src="/console/static/console.js" defer></script></head>
                <body%s><header><strong>Vigil ARC</strong>%s</header><main>%s</main></body></html>
                """.formatted(esc(title), s == null ? "" : " data-events=\"/console/events\" hx-headers='{\"X-CSRF-Token\": \""
                + esc(s.csrfToken()) + "\"}'", nav, body);
    }

    private static String fieldList(Map<String, String> fields) {
        if (fields.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<ul>");
        fields.forEach((k, v) -> sb.append("<li><b>").append(esc(k)).append("</b>: ").append(esc(v)).append("</li>"));
        return sb.append("</ul>").toString();
    }

    private static String csrf(Session s) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(s.csrfToken()) + "\">";
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    // ---- login ----

    private void loginPage(Context ctx) {
        ctx.html(loginHtml(null, ctx.queryParam("next"), ""));
    }

    private String loginHtml(String error, String next, String username) {
        String safeNext = next != null && next.startsWith("/console/") && !next.startsWith("//") ? next : "/console/queue";
        return layout("Log in", null, """
                <h1>Operator log in</h1>%s
                <form method="post" action="/console/login" class="login">
                <input type="hidden" name="next" value="%s">
                <label>User name <input name="username" autocomplete="username" required maxlength="64" value="%s" autofocus></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
                <button type="submit">Log in</button></form>
                """.formatted(error == null ? "" : "<div class=\"flash error\" role=\"alert\">" + esc(error) + "</div>",
                esc(safeNext), esc(username)));
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = ctx.formParam("next");
        if (username.isEmpty() || username.length() > 64 || password.isEmpty() || password.length() > 200) {
            ctx.status(400).html(loginHtml("Enter a user name (at most 64 characters) and a password (at most 200).", next,
                    username.length() > 64 ? "" : username));
            return;
        }
        Authenticator.LoginResult r = m.authenticator.login(username, password, m.now());
        switch (r) {
            case Authenticator.LoginResult.LoggedIn in -> {
                m.audit.record(m.now(), in.session().operator().username(), "login", null, null, AuditEntry.Outcome.DONE, "console");
                m.setSessionCookie(ctx, in.session());
                String safeNext = next != null && next.startsWith("/console/") && !next.startsWith("//") ? next : "/console/queue";
                ctx.redirect(safeNext);
            }
            case Authenticator.LoginResult.WrongCredentials w -> {
                m.audit.record(m.now(), username, "login", null, null, AuditEntry.Outcome.REFUSED, "wrong user name or password");
                ctx.status(401).html(loginHtml("Wrong user name or password.", next, username));
            }
            case Authenticator.LoginResult.Locked l -> {
                m.audit.record(m.now(), username, "login", null, null, AuditEntry.Outcome.REFUSED, "locked until " + time(l.until()));
                ctx.status(429).html(loginHtml("Too many wrong passwords for this user: try again after " + time(l.until()) + ".", next, username));
            }
        }
    }

    private void logout(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        m.sessions.close(s.id());
        m.audit.record(m.now(), s.operator().username(), "logout", null, null, AuditEntry.Outcome.DONE, "console");
        m.clearSessionCookie(ctx);
        ctx.redirect("/console/login");
    }

    // ---- queue ----

    private void queuePage(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        String flash = Optional.ofNullable(ctx.queryParam("closed")).map(id -> "<div class=\"flash ok\">Alarm " + esc(id) + " closed.</div>").orElse("");
        ctx.html(layout("Alarm queue", s, """
                <h1>Alarm queue</h1>%s
                <table class="queue"><thead><tr><th>Priority</th><th>Alarm</th><th>Site</th><th>Type</th><th>Designation</th>
                <th>Filter</th><th>Police</th><th>Age</th><th>Handler</th><th></th></tr></thead>
                <tbody id="queue-rows" hx-get="/console/queue/rows" hx-trigger="refresh" data-refresh="alarms" hx-swap="innerHTML">%s</tbody></table>
                """.formatted(flash, rows(s))));
    }

    private void queueRows(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        ctx.html(rows(s));
    }

    private String rows(Session s) {
        Instant now = m.now();
        List<AlarmView> open = new ArrayList<>(m.deps.desk().open());
        open.sort(QUEUE_ORDER);
        if (open.isEmpty()) return "<tr><td colspan=\"10\" class=\"empty\">No open alarms.</td></tr>";
        StringBuilder sb = new StringBuilder();
        for (AlarmView a : open) {
            boolean mine = s.operator().username().equals(a.heldBy());
            String handler = a.heldBy() == null ? "<span class=\"badge free\">waiting</span>"
                    : "<span class=\"badge " + (mine ? "mine" : "taken") + "\">" + (mine ? "you" : "taken by " + esc(a.heldBy())) + "</span>";
            String take = a.heldBy() == null ? """
                    <form method="post" action="/console/alarms/%s/take" class="inline">%s<input type="hidden" name="version" value="%d">\
                    <button class="take">Take</button></form>""".formatted(esc(a.id()), csrf(s), a.version()) : "";
            sb.append("""
                    <tr class="p%d" data-alarm="%s"><td>%d</td><td><a href="/console/alarms/%s">%s</a></td><td>%s<br><small>%s</small></td>
                    <td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                    """.formatted(a.priority(), esc(a.id()), a.priority(), esc(a.id()), esc(a.id()), esc(a.siteName()), esc(a.accountId()),
                    kindBadge(a.kind()), designationBadge(a), filterCell(a, now), policeBadge(a),
                    age(Duration.between(a.raisedAt(), now)), handler, take));
        }
        return sb.toString();
    }

    static String kindBadge(AlarmKind k) {
        return "<span class=\"badge kind-" + k.name().toLowerCase() + "\">" + esc(k.label) + "</span>";
    }

    static String designationBadge(AlarmView a) {
        return "<span class=\"badge des-" + a.designation().name().toLowerCase() + "\" title=\"" + esc(a.designationRule()) + "\">"
                + esc(a.designation().label) + "</span>";
    }

    /** The police-response status of the alarm's URN; withdrawn, at risk or not for duress stands out. */
    static String policeBadge(AlarmView a) {
        return "<span class=\"badge police" + (a.police().warning() ? " warn" : "") + "\" data-police=\"" + esc(a.police().response().name())
                + "\" title=\"" + esc(a.police().status() == null ? "" : a.police().status()) + "\">" + esc(a.police().label()) + "</span>";
    }

    static String filterCell(AlarmView a, Instant now) {
        long left = a.filterSecondsLeft(now);
        if (a.filterUntil() == null) return "";
        if (left <= 0) return "<span class=\"filter done\">filter over</span>";
        // Seconds left by the server's clock: the browser counts down from there, so clock skew does not matter.
        return "<span class=\"filter\" data-left=\"" + left + "\">" + left + " s</span>";
    }

    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    // ---- alarm detail ----

    private AlarmView alarm(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 64) throw new ConsoleException(400, "Alarm id is too long.");
        return m.deps.desk().find(id).orElseThrow(() -> new ConsoleException(404, "No alarm " + id + "."));
    }

    private void alarmPage(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        ctx.html(alarmHtml(s, alarm(ctx), null, 200));
    }

    /** One image of the alarm, for its detail page: logged-in operators only, with its sniffed content type. */
    private void alarmImage(Context ctx) {
        m.require(ctx, Role.OPERATOR, false);
        AlarmView a = alarm(ctx);
        String imageId = ctx.pathParam("imageId");
        if (imageId.isEmpty() || imageId.length() > 19 || !imageId.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new ConsoleException(400, "Image id must be a number.");
        ConsoleApi.serveImage(ctx, m.deps.desk().image(a.id(), imageId)
                .orElseThrow(() -> new ConsoleException(404, "No image " + imageId + " on alarm " + a.id() + ".")));
    }

    private void alarmLive(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        AlarmView a = alarm(ctx);
        String shown = ctx.queryParam("version");
        ctx.html(live(s, a, shown == null ? a.version() : parseLong(shown, a.version())));
    }

    private static long parseLong(String s, long dflt) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private String alarmHtml(Session s, AlarmView a, String message, int status) {
        String msg = message == null ? "" : "<div class=\"flash " + (status < 300 ? "ok" : "error") + "\" role=\"alert\">" + esc(message) + "</div>";
        return layout("Alarm " + a.id(), s, """
                <h1>Alarm %s · %s</h1>%s
                <div id="live" hx-get="/console/alarms/%s/live?version=%d" hx-trigger="refresh" data-refresh="alarms" hx-swap="innerHTML">%s</div>
                <section class="actions"><h2>Actions</h2>%s</section>
                <section><h2>Audit trail</h2>%s</section>
                """.formatted(esc(a.id()), esc(a.siteName()), msg, esc(a.id()), a.version(), live(s, a, a.version()), actions(s, a),
                auditTable(m.audit.forAlarm(a.id()), false)));
    }

    /** The parts of the alarm page refreshed live; action forms stay as loaded (a stale form is refused clearly). */
    private String live(Session s, AlarmView a, long shownVersion) {
        Instant now = m.now();
        StringBuilder sb = new StringBuilder();
        if (shownVersion != a.version()) sb.append("<div class=\"flash warn\" role=\"status\">This alarm changed since the page was loaded. "
                + "<a href=\"/console/alarms/").append(esc(a.id())).append("\">Reload</a> before acting.</div>");
        sb.append("""
                <div class="summary"><div>%s %s %s</div>
                <dl><dt>Account</dt><dd><a href="/console/accounts/%s">%s</a></dd><dt>Site</dt><dd>%s<br>%s</dd>
                <dt>Raised</dt><dd>%s (%s ago)</dd><dt>Police</dt><dd>%s</dd><dt>Handler</dt><dd id="handler">%s</dd><dt>State</dt><dd id="state">%s</dd></dl></div>
                """.formatted(kindBadge(a.kind()), designationBadge(a), filterCell(a, now), esc(a.accountId()), esc(a.accountId()),
                esc(a.siteName()), esc(a.siteAddress()), time(a.raisedAt()), age(Duration.between(a.raisedAt(), now)),
                policeBadge(a), a.heldBy() == null ? "nobody" : esc(a.heldBy()),
                a.open() ? "open" : "closed by " + esc(a.closedBy()) + " at " + time(a.closedAt()) + ": " + esc(a.closeCause() == null ? "" : a.closeCause().label)));
        sb.append("<section><h2>Signals</h2><table class=\"signals\"><tr><th>Received</th><th>Code</th><th>Description</th><th>Zone</th><th>Path</th><th>Frame</th></tr>");
        for (AlarmView.Signal sig : a.signals()) {
            sb.append("<tr><td>").append(time(sig.receivedAt())).append("</td><td>").append(esc(sig.code())).append("</td><td>")
                    .append(esc(sig.description())).append("</td><td>").append(esc(sig.zone())).append("</td><td>").append(esc(sig.path()))
                    .append("</td><td><details><summary>raw</summary><pre>").append(esc(sig.rawFrame())).append("</pre></details></td></tr>");
        }
        sb.append("</table></section><section class=\"cols\"><div><h2>Zones and devices</h2><ul>");
        for (AlarmView.Zone z : a.zones())
            sb.append("<li>").append(esc(z.number())).append(" ").append(esc(z.name())).append(" · ").append(esc(z.device()))
                    .append(" · <em>").append(esc(z.state())).append("</em></li>");
        sb.append("</ul></div><div><h2>Keyholders</h2><ol>");
        for (AlarmView.Keyholder k : a.keyholders())
            sb.append("<li>").append(esc(k.name())).append(" · <a href=\"tel:").append(esc(k.phone())).append("\">").append(esc(k.phone())).append("</a></li>");
        sb.append("</ol></div><div><h2>Call-back procedure</h2><ol>");
        for (String step : a.callbackProcedure()) sb.append("<li>").append(esc(step)).append("</li>");
        sb.append("</ol></div></section>");
        if (!a.tasks().isEmpty()) {
            sb.append("<section><h2>Tasks</h2><ul class=\"tasks\">");
            for (AlarmView.Task t : a.tasks()) {
                sb.append("<li class=\"").append(t.open() ? "open" : "done").append("\"><b>").append(esc(t.kind())).append("</b> · ")
                        .append(esc(t.status().toLowerCase())).append(t.outcome() == null ? "" : ": " + esc(t.outcome()))
                        .append(" <code>").append(esc(t.rule())).append("</code>");
                if (t.open() && !t.instructions().isEmpty()) {
                    sb.append("<ol>");
                    for (String i : t.instructions()) sb.append("<li>").append(esc(i)).append("</li>");
                    sb.append("</ol>");
                }
                sb.append("</li>");
            }
            sb.append("</ul></section>");
        }
        if (!a.images().isEmpty() || !a.imageFetches().isEmpty()) {
            String me = s.operator().username();
            sb.append("<section><h2>Images</h2>");
            // How each [V] link went: a failed or short fetch is shown, never silently missing (BS8243 5.3.1).
            if (!a.imageFetches().isEmpty()) {
                sb.append("<ul class=\"image-fetches\">");
                for (AlarmView.ImageFetch f : a.imageFetches()) {
                    sb.append("<li class=\"fetch-").append(esc(f.status().toLowerCase())).append("\"><b>").append(esc(fetchLabel(f)))
                            .append("</b> · ").append(f.images()).append(" image(s) from <code>").append(esc(f.link())).append("</code>")
                            .append(f.detail() == null || f.detail().isBlank() ? "" : " · " + esc(f.detail())).append("</li>");
                }
                sb.append("</ul>");
            }
            sb.append("<div class=\"images\">");
            for (AlarmView.Image img : a.images()) {
                boolean mine = img.viewedBy(me);
                sb.append("<figure>").append(img.url() == null || img.url().isBlank() ? ""
                                : "<a href=\"" + esc(img.url()) + "\" target=\"_blank\" rel=\"noopener\"><img src=\"" + esc(img.url()) + "\" alt=\""
                                + esc(img.caption()) + "\" style=\"max-width:320px\"></a>").append("<figcaption>")
                        .append(esc(img.caption())).append(" · ").append(time(img.capturedAt())).append(" · ")
                        .append(mine ? "viewed by you" : "<strong>not viewed by you</strong>")
                        .append(img.viewed() ? " (viewed by " + esc(img.viewedBy()) + ")" : "")
                        .append(!mine && a.open() ? """
                                <form method="post" action="/console/alarms/%s/view-image" class="inline">%s<input type="hidden" name="imageId" value="%s">\
                                <button>Mark viewed</button></form>""".formatted(esc(a.id()), csrf(s), esc(img.id())) : "")
                        .append("</figcaption></figure>");
            }
            sb.append("</div></section>");
        }
        sb.append("<section><h2>History</h2><table><tr><th>When</th><th>Who</th><th>What</th><th>Detail</th><th>Rule</th></tr>");
        for (AlarmView.Step st : a.history())
            sb.append("<tr><td>").append(time(st.at())).append("</td><td>").append(esc(st.actor())).append("</td><td>").append(esc(st.action()))
                    .append("</td><td>").append(esc(st.detail())).append("</td><td><code>").append(esc(st.rule())).append("</code></td></tr>");
        sb.append("</table></section>");
        return sb.toString();
    }

    private static String fetchLabel(AlarmView.ImageFetch f) {
        return switch (f.status()) {
            case "PENDING" -> "Fetching images…";
            case "COMPLETE" -> "Images complete";
            case "INCOMPLETE" -> "Images incomplete";
            case "FAILED" -> "Images not received";
            case "MALFORMED" -> "Image link unusable";
            default -> f.status();
        };
    }

    private String actions(Session s, AlarmView a) {
        org.vigil.arc.console.queue.Actor actor = ConsoleService.actor(s);
        Set<ActionKind> allowed = m.deps.desk().allowed(a, actor, m.now());
        StringBuilder sb = new StringBuilder("<div class=\"action-forms\">");
        String common = csrf(s) + "<input type=\"hidden\" name=\"version\" value=\"" + a.version() + "\">";
        sb.append(simple(actor, a, ActionKind.TAKE, allowed, common, ""));
        sb.append(simple(actor, a, ActionKind.RELEASE, allowed, common, ""));
        StringBuilder outcomes = new StringBuilder();
        for (CallbackOutcome o : CallbackOutcome.values()) outcomes.append("<option value=\"").append(o.name()).append("\">").append(esc(o.label)).append("</option>");
        sb.append(simple(actor, a, ActionKind.RECORD_CALLBACK, allowed, common,
                "<select name=\"outcome\" aria-label=\"Call-back outcome\">" + outcomes + "</select>" + note()));
        sb.append(simple(actor, a, ActionKind.RECORD_LISTEN_IN, allowed, common,
                "<input name=\"seconds\" type=\"number\" min=\"1\" max=\"3600\" value=\"30\" aria-label=\"Listen-in seconds\"> s" + note()));
        sb.append(simple(actor, a, ActionKind.DESIGNATE_AUDIBLE, allowed, common, note()));
        sb.append(simple(actor, a, ActionKind.DESIGNATE_VISUAL, allowed, common, note()));
        sb.append(simple(actor, a, ActionKind.CONTRARY_INDICATION, allowed, common, note()));
        sb.append(simple(actor, a, ActionKind.DISPATCH_POLICE, allowed, common, note()));
        StringBuilder kh = new StringBuilder();
        for (AlarmView.Keyholder k : a.keyholders()) kh.append("<option>").append(esc(k.name())).append("</option>");
        sb.append(simple(actor, a, ActionKind.INFORM_KEYHOLDER, allowed, common,
                "<select name=\"keyholder\" aria-label=\"Keyholder\">" + kh + "</select><select name=\"reached\" aria-label=\"Reached\">"
                        + "<option value=\"true\">reached</option><option value=\"false\">not reached</option></select>" + note()));
        StringBuilder causes = new StringBuilder("<option value=\"\">choose a cause</option>");
        for (CloseCause c : CloseCause.values()) if (c.selectable) causes.append("<option value=\"").append(c.name()).append("\">").append(esc(c.label)).append("</option>");
        sb.append(simple(actor, a, ActionKind.CLOSE, allowed, common, "<select name=\"cause\" aria-label=\"Close cause\" required>" + causes + "</select>" + note()));
        return sb.append("</div>").toString();
    }

    private static String note() {
        return "<input name=\"note\" placeholder=\"note\" maxlength=\"" + ConsoleService.NOTE_MAX + "\" aria-label=\"Note\">";
    }

    private String simple(org.vigil.arc.console.queue.Actor actor, AlarmView a, ActionKind k, Set<ActionKind> allowed, String common, String fields) {
        boolean on = allowed.contains(k);
        String why = on ? "" : ActionRulesText.why(m, a, actor, k);
        return """
                <form method="post" action="/console/alarms/%s/%s" class="action %s" data-action="%s">%s%s<button %s title="%s">%s</button>%s</form>
                """.formatted(esc(a.id()), k.path, on ? "" : "disabled", k.path, common, on ? fields : "", on ? "" : "disabled",
                esc(why), esc(k.label), on ? "" : "<small class=\"why\">" + esc(why) + "</small>");
    }

    private void alarmAction(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        String id = ctx.pathParam("id");
        if (id.length() > 64) throw new ConsoleException(400, "Alarm id is too long.");
        Map<String, String> fields = new HashMap<>();
        for (String f : List.of("outcome", "cause", "note", "keyholder", "reached", "seconds", "imageId")) {
            String v = ctx.formParam(f);
            if (v != null) fields.put(f, v);
        }
        Long version = null;
        String vText = ctx.formParam("version");
        if (vText != null && !vText.isBlank()) {
            try {
                version = Long.parseLong(vText.strip());
            } catch (NumberFormatException e) {
                throw new ConsoleException(400, "Form field 'version' must be a number.");
            }
        }
        ActionResult r = m.service.act(s, id, ctx.pathParam("action"), fields, version);
        switch (r) {
            case ActionResult.Done d -> {
                if (d.alarm().open()) ctx.redirect("/console/alarms/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                else ctx.redirect("/console/queue?closed=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            }
            case ActionResult.Refused ref -> {
                Optional<AlarmView> a = m.deps.desk().find(id);
                if (a.isEmpty()) throw new ConsoleException(ref.reason().httpStatus, ref.message());
                ctx.status(ref.reason().httpStatus).html(alarmHtml(s, a.get(), ref.message()
                        + (ref.rule().isEmpty() ? "" : " (" + ref.rule() + ")"), ref.reason().httpStatus));
            }
        }
    }

    // ---- accounts ----

    private void accountsPage(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        StringBuilder sb = new StringBuilder("<h1>Accounts</h1>");
        if (s.operator().role().atLeast(Role.SUPERVISOR)) sb.append("<p><a class=\"button\" href=\"/console/accounts/new\">New account</a></p>");
        sb.append("<table><tr><th>Account</th><th>Name</th><th>Paths (supervision)</th><th>URNs</th><th>Encryption</th></tr>");
        for (Account a : m.deps.accounts().all()) {
            sb.append("<tr><td><a href=\"/console/accounts/").append(esc(a.accountId())).append("\">").append(esc(a.accountId()))
                    .append("</a></td><td>").append(esc(a.name())).append("</td><td>").append(pathStatus(a)).append("</td><td>")
                    .append(esc(Optional.ofNullable(a.urnIntruder()).orElse("-"))).append(" / ").append(esc(Optional.ofNullable(a.urnHoldUp()).orElse("-")))
                    .append(a.policeResponseWithdrawn() ? " <span class=\"badge warn\">withdrawn</span>" : "")
                    .append("</td><td>").append(esc(a.keyDescription())).append("</td></tr>");
        }
        ctx.html(layout("Accounts", s, sb.append("</table>").toString()));
    }

    private String pathStatus(Account a) {
        List<Account.PathStatus> st = m.deps.accounts().supervision(a.accountId());
        StringBuilder sb = new StringBuilder();
        // Paths the receiver supervises (a "*" entry expands to the paths actually seen), then configured ones not seen yet.
        for (Account.PathStatus ps : st) {
            int interval = a.paths().stream().filter(p -> p.name().equals(ps.path()) || p.name().equals("*"))
                    .mapToInt(Account.Path::supervisionSeconds).findFirst().orElse(0);
            sb.append("<span class=\"badge path-").append(ps.failed() ? "fail" : "ok").append("\" title=\"last seen ")
                    .append(esc(ps.lastSeen() == null ? "never" : time(ps.lastSeen()))).append("\">").append(esc(ps.path())).append(" ")
                    .append(ps.failed() ? "FAILED" : "ok").append(interval > 0 ? " (" + interval + " s)" : "").append("</span> ");
        }
        for (Account.Path p : a.paths()) {
            if (st.stream().anyMatch(x -> x.path().equals(p.name())) || (p.name().equals("*") && !st.isEmpty())) continue;
            sb.append("<span class=\"badge path-unknown\">").append(esc(p.name())).append(" no signal yet (")
                    .append(p.supervisionSeconds()).append(" s)</span> ");
        }
        return sb.toString();
    }

    private Account account(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 64) throw new ConsoleException(400, "Account id is too long.");
        return m.deps.accounts().find(id).orElseThrow(() -> new ConsoleException(404, "No account " + id + "."));
    }

    private void accountPage(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        Account a = account(ctx);
        StringBuilder sb = new StringBuilder("<h1>Account ").append(esc(a.accountId())).append(" · ").append(esc(a.name())).append("</h1>");
        if (s.operator().role().atLeast(Role.SUPERVISOR))
            sb.append("<p><a class=\"button\" href=\"/console/accounts/").append(esc(a.accountId())).append("/edit\">Edit</a></p>");
        sb.append("<dl><dt>Receiver prefix</dt><dd>").append(esc(a.receiverPrefix())).append("</dd><dt>Address</dt><dd>").append(esc(a.address()))
                .append("</dd><dt>Encryption</dt><dd>").append(esc(a.keyDescription())).append("</dd><dt>Paths</dt><dd>").append(pathStatus(a))
                .append("</dd><dt>Intruder URN</dt><dd>").append(esc(Optional.ofNullable(a.urnIntruder()).orElse("none")))
                .append("</dd><dt>Hold-up URN</dt><dd>").append(esc(Optional.ofNullable(a.urnHoldUp()).orElse("none")))
                .append("</dd><dt>Police response</dt><dd>").append(a.policeResponseWithdrawn() ? "withdrawn (recorded)" : "active")
                .append("</dd><dt>Duress route</dt><dd id=\"duress-route\">").append(duressRouteLabel(a.duressRoute()))
                .append("</dd><dt>Schedules</dt><dd>");
        for (Account.Schedule sc : a.schedules()) sb.append(esc(sc.days())).append(" set ").append(esc(sc.setTime())).append(" unset ").append(esc(sc.unsetTime())).append("<br>");
        sb.append("</dd><dt>Keyholders</dt><dd><ol>");
        for (Account.Keyholder k : a.keyholders()) sb.append("<li>").append(esc(k.name())).append(" · ").append(esc(k.phone())).append("</li>");
        sb.append("</ol></dd><dt>Response plan</dt><dd><pre>").append(esc(a.responsePlan())).append("</pre></dd></dl>");
        if (s.operator().role().atLeast(Role.SUPERVISOR)) sb.append("<h2>Audit trail</h2>").append(auditTable(m.audit.forAccount(a.accountId()), false));
        ctx.html(layout("Account " + a.accountId(), s, sb.toString()));
    }

    static String duressRouteLabel(org.vigil.arc.handling.DuressRoute r) {
        return r == org.vigil.arc.handling.DuressRoute.POLICE ? "police (as a hold-up alarm)" : "ARC and keyholders only (no police)";
    }

    private void newAccountPage(Context ctx) {
        Session s = m.require(ctx, Role.SUPERVISOR, false);
        Map<String, String> values = new HashMap<>();
        String from = ctx.queryParam("fromUnknown");
        if (from != null) {
            UnknownSignal u = m.deps.accounts().unknownSignal(from).orElseThrow(() -> new ConsoleException(404, "No unknown signal " + from + "."));
            values.put("accountId", u.accountId());
            values.put("receiverPrefix", u.receiverPrefix());
            values.put("name", "");
        }
        values.putIfAbsent("paths", "primary 90");
        ctx.html(layout("New account", s, accountForm(s, null, values, Map.of(), null)));
    }

    private void editAccountPage(Context ctx) {
        Session s = m.require(ctx, Role.SUPERVISOR, false);
        Account a = account(ctx);
        ctx.html(layout("Edit " + a.accountId(), s, accountForm(s, a, valuesOf(a), Map.of(), null)));
    }

    static Map<String, String> valuesOf(Account a) {
        Map<String, String> v = new HashMap<>();
        v.put("accountId", a.accountId());
        v.put("receiverPrefix", a.receiverPrefix());
        v.put("name", a.name());
        v.put("address", a.address());
        v.put("keyForm", a.keyForm().name());
        v.put("paths", String.join("\n", a.paths().stream().map(p -> p.name() + " " + p.supervisionSeconds()).toList()));
        v.put("schedules", String.join("\n", a.schedules().stream().map(x -> x.days() + " " + x.setTime() + " " + x.unsetTime()).toList()));
        v.put("keyholders", String.join("\n", a.keyholders().stream().map(k -> k.name() + "; " + k.phone()).toList()));
        v.put("urnIntruder", Optional.ofNullable(a.urnIntruder()).orElse(""));
        v.put("urnHoldUp", Optional.ofNullable(a.urnHoldUp()).orElse(""));
        v.put("policeResponseWithdrawn", a.policeResponseWithdrawn() ? "on" : "");
        v.put("duressRoute", a.duressRoute().name());
        v.put("responsePlan", a.responsePlan());
        v.put("version", Long.toString(a.version()));
        return v;
    }

    private String accountForm(Session s, Account existing, Map<String, String> v, Map<String, String> errors, String message) {
        String action = existing == null ? "/console/accounts" : "/console/accounts/" + esc(existing.accountId());
        StringBuilder routes = new StringBuilder();
        for (org.vigil.arc.handling.DuressRoute r : org.vigil.arc.handling.DuressRoute.values())
            routes.append("<option value=\"").append(r.name()).append("\"").append(r.name().equals(v.getOrDefault("duressRoute", "POLICE")) ? " selected" : "")
                    .append(">").append(esc(duressRouteLabel(r))).append("</option>");
        StringBuilder keyForms = new StringBuilder();
        for (Account.KeyForm f : Account.KeyForm.values())
            keyForms.append("<option").append(f.name().equals(v.getOrDefault("keyForm", "NONE")) ? " selected" : "").append(">").append(f.name()).append("</option>");
        return """
                <h1>%s</h1>%s
                <form method="post" action="%s" class="account-form">%s<input type="hidden" name="version" value="%s">
                %s%s%s%s
                <label>Key form <select name="keyForm">%s</select></label>
                <label>Key %s <input name="key" type="password" autocomplete="off" maxlength="64" placeholder="%s"></label>%s
                %s%s%s%s%s
                <label><input type="checkbox" name="policeResponseWithdrawn" %s> Police response withdrawn (letter from the police)</label>
                <label>Duress signals go to <select name="duressRoute">%s</select></label>%s
                %s
                <button type="submit">Save</button></form>
                """.formatted(existing == null ? "New account" : "Edit account " + esc(existing.accountId()),
                message == null ? "" : "<div class=\"flash error\" role=\"alert\">" + esc(message) + "</div>",
                action, csrf(s), esc(v.getOrDefault("version", "0")),
                existing == null ? field("accountId", "Account number (hex)", v, errors, 16) : "",
                field("receiverPrefix", "Receiver prefix (hex, optional)", v, errors, 6),
                field("name", "Name", v, errors, 100), field("address", "Address", v, errors, 300), keyForms,
                existing == null ? "(32/48/64 hex digits or 16/24/32 ASCII characters)" : "(leave empty to keep: " + esc(existing.keyDescription()) + ")",
                existing == null ? "" : "unchanged", err("key", errors) + err("keyForm", errors),
                area("paths", "Paths: one per line, name and supervision seconds (e.g. primary 90)", v, errors),
                area("schedules", "Schedules: one per line, days set unset (e.g. Mon-Fri 18:00 07:30)", v, errors),
                area("keyholders", "Keyholders: one per line, name; phone", v, errors),
                field("urnIntruder", "Intruder URN", v, errors, 40) + field("urnHoldUp", "Hold-up URN", v, errors, 40), "",
                "on".equals(v.get("policeResponseWithdrawn")) ? "checked" : "", routes, err("duressRoute", errors),
                area("responsePlan", "Response plan", v, errors));
    }

    private static String err(String name, Map<String, String> errors) {
        return errors.containsKey(name) ? "<span class=\"field-error\" data-field=\"" + esc(name) + "\">" + esc(errors.get(name)) + "</span>" : "";
    }

    private static String field(String name, String label, Map<String, String> v, Map<String, String> errors, int max) {
        return "<label>" + esc(label) + " <input name=\"" + name + "\" value=\"" + esc(v.getOrDefault(name, "")) + "\" maxlength=\"" + max + "\"></label>" + err(name, errors);
    }

    private static String area(String name, String label, Map<String, String> v, Map<String, String> errors) {
        return "<label>" + esc(label) + " <textarea name=\"" + name + "\" rows=\"3\">" + esc(v.getOrDefault(name, "")) + "</textarea></label>" + err(name, errors);
    }

    /** Parses the form's multi-line fields; a line that does not parse is reported against its field. */
    static AccountInput formInput(Context ctx, Map<String, String> errors) {
        List<Account.Path> paths = new ArrayList<>();
        for (String line : lines(ctx.formParam("paths"))) {
            String[] p = line.split("\\s+");
            try {
                if (p.length != 2) throw new NumberFormatException();
                paths.add(new Account.Path(p[0], Integer.parseInt(p[1])));
            } catch (NumberFormatException e) {
                errors.put("paths", "line '" + line + "': write name and seconds, e.g. primary 90");
            }
        }
        List<Account.Schedule> schedules = new ArrayList<>();
        for (String line : lines(ctx.formParam("schedules"))) {
            String[] p = line.split("\\s+");
            if (p.length != 3) errors.put("schedules", "line '" + line + "': write days set unset, e.g. Mon-Fri 18:00 07:30");
            else schedules.add(new Account.Schedule(p[0], p[1], p[2]));
        }
        List<Account.Keyholder> keyholders = new ArrayList<>();
        for (String line : lines(ctx.formParam("keyholders"))) {
            int i = line.lastIndexOf(';');
            if (i < 0) errors.put("keyholders", "line '" + line + "': write name; phone");
            else keyholders.add(new Account.Keyholder(line.substring(0, i).strip(), line.substring(i + 1).strip()));
        }
        return new AccountInput(ctx.formParam("accountId"), ctx.formParam("receiverPrefix"), ctx.formParam("name"), ctx.formParam("address"),
                ctx.formParam("keyForm"), ctx.formParam("key"), paths, schedules, keyholders, ctx.formParam("urnIntruder"),
                ctx.formParam("urnHoldUp"), ctx.formParam("policeResponseWithdrawn") != null, ctx.formParam("responsePlan"),
                ctx.formParam("duressRoute"));
    }

    private static List<String> lines(String s) {
        if (s == null) return List.of();
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(100).toList();
    }

    private static Map<String, String> formValues(Context ctx) {
        Map<String, String> v = new HashMap<>();
        for (String f : List.of("accountId", "receiverPrefix", "name", "address", "keyForm", "paths", "schedules", "keyholders",
                "urnIntruder", "urnHoldUp", "policeResponseWithdrawn", "duressRoute", "responsePlan", "version")) {
            String x = ctx.formParam(f);
            if (x != null) v.put(f, x.length() > 5000 ? x.substring(0, 5000) : x);
        }
        return v;
    }

    private void createAccount(Context ctx) {
        Session s = m.require(ctx, Role.SUPERVISOR, false);
        Map<String, String> errors = new HashMap<>();
        AccountInput in = formInput(ctx, errors);
        try {
            if (!errors.isEmpty()) throw new ConsoleException(400, "The account has invalid fields.", errors);
            Account a = m.service.createAccount(s, in);
            ctx.redirect("/console/accounts/" + URLEncoder.encode(a.accountId(), StandardCharsets.UTF_8));
        } catch (ConsoleException e) {
            if (e.status() == 403) throw e;
            ctx.status(e.status()).html(layout("New account", s, accountForm(s, null, formValues(ctx), e.fields(), e.getMessage())));
        }
    }

    private void updateAccount(Context ctx) {
        Session s = m.require(ctx, Role.SUPERVISOR, false);
        Account existing = account(ctx);
        Map<String, String> errors = new HashMap<>();
        AccountInput in = formInput(ctx, errors);
        try {
            if (!errors.isEmpty()) throw new ConsoleException(400, "The account has invalid fields.", errors);
            long version = parseLong(Optional.ofNullable(ctx.formParam("version")).orElse("-1"), -1);
            Account a = m.service.updateAccount(s, existing.accountId(), in, version);
            ctx.redirect("/console/accounts/" + URLEncoder.encode(a.accountId(), StandardCharsets.UTF_8));
        } catch (ConsoleException e) {
            if (e.status() == 403) throw e;
            ctx.status(e.status()).html(layout("Edit " + existing.accountId(), s, accountForm(s, existing, formValues(ctx), e.fields(), e.getMessage())));
        }
    }

    private void unknownPage(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        StringBuilder sb = new StringBuilder("<h1>Signals from unknown accounts</h1><p>Acknowledged and kept; create the account to start monitoring it.</p>"
                + "<table><tr><th>Received</th><th>Receiver</th><th>Account</th><th>From</th><th>Frame</th><th></th></tr>");
        boolean canCreate = s.operator().role().atLeast(Role.SUPERVISOR);
        for (UnknownSignal u : m.deps.accounts().unknownSignals()) {
            sb.append("<tr><td>").append(time(u.receivedAt())).append("</td><td>").append(esc(u.receiverPrefix())).append("</td><td>")
                    .append(esc(u.accountId())).append("</td><td>").append(esc(u.remote())).append("</td><td><details><summary>raw</summary><pre>")
                    .append(esc(u.rawFrame())).append("</pre></details></td><td>")
                    .append(canCreate ? "<a class=\"button\" href=\"/console/accounts/new?fromUnknown=" + esc(URLEncoder.encode(u.id(), StandardCharsets.UTF_8))
                            + "\">Create account from this signal</a>" : "").append("</td></tr>");
        }
        ctx.html(layout("Unknown signals", s, sb.append("</table>").toString()));
    }

    // ---- statistics, audit, operators ----

    private void statisticsPage(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        ctx.html(layout("Statistics", s, """
                <h1>Statistics (last 24 h)</h1>
                <p class="note">Targets: EN 50518 alarm handling (80 %% taken within 30 s, 98.5 %% within 60 s) are
                <strong>unverified</strong> (not found in a reachable text of the standard); shown for orientation.</p>
                <div id="stats" data-src="/console/api/statistics"><p>Loading…</p></div>
                <h2>Time to take (s)</h2><svg id="chart-take" class="chart" width="600" height="160" role="img" aria-label="time to take"></svg>
                <h2>Time to close (s)</h2><svg id="chart-close" class="chart" width="600" height="160" role="img" aria-label="time to close"></svg>
                <h2>Signals per second (last 60 s)</h2><svg id="chart-rate" class="chart" width="600" height="160" role="img" aria-label="signals per second"></svg>
                <h2>Accounts with failing paths</h2><ul id="failing"></ul>
                """));
    }

    private void auditPage(Context ctx) {
        Session s = m.require(ctx, Role.SUPERVISOR, false);
        ctx.html(layout("Audit trail", s, "<h1>Audit trail (latest 200)</h1>" + auditTable(m.audit.latest(200), true)));
    }

    static String auditTable(List<AuditEntry> entries, boolean withSubjects) {
        StringBuilder sb = new StringBuilder("<table class=\"audit\"><tr><th>When</th><th>Who</th><th>Action</th>"
                + (withSubjects ? "<th>Alarm</th><th>Account</th>" : "") + "<th>Outcome</th><th>Detail</th></tr>");
        for (AuditEntry e : entries) {
            sb.append("<tr class=\"").append(e.outcome().name().toLowerCase()).append("\"><td>").append(time(e.at())).append("</td><td>")
                    .append(esc(e.actor())).append("</td><td>").append(esc(e.action())).append("</td>");
            if (withSubjects) sb.append("<td>").append(esc(e.alarmId())).append("</td><td>").append(esc(e.accountId())).append("</td>");
            sb.append("<td>").append(e.outcome().name().toLowerCase()).append("</td><td>").append(esc(e.detail())).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    private void passwordPage(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        ctx.html(layout("Change password", s, passwordHtml(s, null)));
    }

    private String passwordHtml(Session s, String error) {
        return "<h1>Change your password</h1>" + (error == null ? "" : "<div class=\"flash error\" role=\"alert\">" + esc(error) + "</div>")
                + "<form method=\"post\" action=\"/console/password\" class=\"login\">" + csrf(s)
                + "<label>Current password <input name=\"current\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"200\"></label>"
                + "<label>New password (12+ characters) <input name=\"password\" type=\"password\" autocomplete=\"new-password\" minlength=\"12\" maxlength=\"200\" required></label>"
                + "<button>Change and log in again</button></form>";
    }

    private void changePassword(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, false);
        try {
            m.service.changePassword(s, ctx.formParam("current"), ctx.formParam("password"));
            m.clearSessionCookie(ctx);
            ctx.redirect("/console/login");
        } catch (ConsoleException e) {
            ctx.status(e.status()).html(layout("Change password", s, passwordHtml(s, e.getMessage())));
        }
    }

    private void operatorsPage(Context ctx) {
        Session s = m.require(ctx, Role.ADMINISTRATOR, false);
        ctx.html(layout("Operators", s, operatorsHtml(s, null, Map.of())));
    }

    private String operatorsHtml(Session s, String message, Map<String, String> errors) {
        StringBuilder sb = new StringBuilder("<h1>Operators</h1>");
        if (message != null) sb.append("<div class=\"flash error\" role=\"alert\">").append(esc(message)).append(fieldList(errors)).append("</div>");
        sb.append("<table><tr><th>User</th><th>Name</th><th>Role</th><th>Enabled</th><th>Since</th></tr>");
        for (Operator o : m.operators.all())
            sb.append("<tr><td>").append(esc(o.username())).append("</td><td>").append(esc(o.displayName())).append("</td><td>")
                    .append(o.role()).append("</td><td>").append(o.enabled() ? "yes" : "no").append("</td><td>").append(time(o.createdAt())).append("</td></tr>");
        sb.append("</table><h2>New operator</h2><form method=\"post\" action=\"/console/operators\">").append(csrf(s))
                .append("<label>User name <input name=\"username\" maxlength=\"64\" required></label>")
                .append("<label>Display name <input name=\"displayName\" maxlength=\"100\" required></label>")
                .append("<label>Role <select name=\"role\"><option>OPERATOR</option><option>SUPERVISOR</option><option>ADMINISTRATOR</option></select></label>")
                .append("<label>Password (12+ characters) <input name=\"password\" type=\"password\" autocomplete=\"new-password\" minlength=\"12\" maxlength=\"200\" required></label>")
                .append("<button>Create</button></form>");
        return sb.toString();
    }

    private void createOperator(Context ctx) {
        Session s = m.require(ctx, Role.ADMINISTRATOR, false);
        try {
            m.service.createOperator(s, ctx.formParam("username"), ctx.formParam("displayName"), ctx.formParam("role"), ctx.formParam("password"));
            ctx.redirect("/console/operators");
        } catch (ConsoleException e) {
            ctx.status(e.status()).html(layout("Operators", s, operatorsHtml(s, e.getMessage(), e.fields())));
        }
    }
}
