package org.vigil.arc.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.arc.console.accounts.Account;
import org.vigil.arc.console.accounts.AccountInput;
import org.vigil.arc.console.audit.AuditEntry;
import org.vigil.arc.console.auth.Authenticator;
import org.vigil.arc.console.auth.Operator;
import org.vigil.arc.console.auth.Role;
import org.vigil.arc.console.auth.Session;
import org.vigil.arc.console.queue.ActionKind;
import org.vigil.arc.console.queue.ActionResult;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.statistics.HandlingStatistics;
import org.vigil.arc.console.web.ConsoleException;
import org.vigil.arc.console.web.Json;

/** The JSON API under {@code /console/api}: the console's capabilities for programs. Documented in docs/api.md. */
final class ConsoleApi {
    private final ConsoleModule m;

    ConsoleApi(ConsoleModule m) {
        this.m = m;
    }

    void register(JavalinDefaultRoutingApi r) {
        r.post("/console/api/session", api(this::login));
        r.get("/console/api/session", api(this::whoAmI));
        r.delete("/console/api/session", api(this::logout));
        r.post("/console/api/session/password", api(this::changePassword));
        r.get("/console/api/alarms", api(this::alarms));
        r.get("/console/api/alarms/{id}", api(this::alarm));
        r.post("/console/api/alarms/{id}/actions/{action}", api(this::act));
        r.get("/console/api/alarms/{id}/images", api(this::images));
        r.get("/console/api/alarms/{id}/images/{imageId}", api(this::image));
        r.post("/console/api/alarms/{id}/images/{imageId}/viewed", api(this::imageViewed));
        r.get("/console/api/accounts", api(this::accounts));
        r.post("/console/api/accounts", api(this::createAccount));
        r.get("/console/api/accounts/{id}", api(this::account));
        r.put("/console/api/accounts/{id}", api(this::updateAccount));
        r.get("/console/api/unknown-signals", api(this::unknownSignals));
        r.get("/console/api/statistics", api(this::statistics));
        r.get("/console/api/audit", api(this::audit));
        r.get("/console/api/operators", api(this::operators));
        r.post("/console/api/operators", api(this::createOperator));
        r.patch("/console/api/operators/{username}", api(this::updateOperator));
    }

    interface ApiHandler {
        void handle(Context ctx) throws Exception;
    }

    private static Handler api(ApiHandler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (ConsoleException e) {
                ConsoleModule.jsonError(ctx, e);
            } catch (Exception e) {
                ConsoleModule.logUnexpected(ctx, e);
                ConsoleModule.jsonError(ctx, new ConsoleException(500, "Internal error; it has been logged. Check whether the action took effect."));
            }
        };
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private static String id(Context ctx, String name) {
        String v = ctx.pathParam(name);
        if (v.length() > 64) throw new ConsoleException(400, "Path parameter '" + name + "' is longer than 64 characters.");
        return v;
    }

    // ---- session ----

    private void login(Context ctx) {
        JsonNode body = Json.object(ctx.body());
        Json.onlyFields(body, "username", "password");
        String username = Json.text(body, "username", 64, true).strip();
        String password = Json.text(body, "password", 200, true);
        switch (m.authenticator.login(username, password, m.now())) {
            case Authenticator.LoginResult.LoggedIn in -> {
                m.audit.record(m.now(), in.session().operator().username(), "login", null, null, AuditEntry.Outcome.DONE, "api");
                m.setSessionCookie(ctx, in.session());
                json(ctx, 201, sessionJson(in.session()));
            }
            case Authenticator.LoginResult.WrongCredentials w -> {
                m.audit.record(m.now(), username, "login", null, null, AuditEntry.Outcome.REFUSED, "wrong user name or password");
                throw new ConsoleException(401, "Wrong user name or password.");
            }
            case Authenticator.LoginResult.Locked l -> {
                m.audit.record(m.now(), username, "login", null, null, AuditEntry.Outcome.REFUSED, "locked until " + l.until());
                ctx.header("Retry-After", Long.toString(Math.max(1, Duration.between(m.now(), l.until()).toSeconds())));
                throw new ConsoleException(429, "Too many wrong passwords for this user; try again after " + l.until() + ".");
            }
        }
    }

    private static Map<String, Object> sessionJson(Session s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", s.operator().username());
        out.put("displayName", s.operator().displayName());
        out.put("role", s.operator().role());
        out.put("csrfToken", s.csrfToken());
        return out;
    }

    private void whoAmI(Context ctx) {
        json(ctx, 200, sessionJson(m.require(ctx, Role.OPERATOR, true)));
    }

    private void logout(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        m.sessions.close(s.id());
        m.audit.record(m.now(), s.operator().username(), "logout", null, null, AuditEntry.Outcome.DONE, "api");
        m.clearSessionCookie(ctx);
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        JsonNode b = Json.object(ctx.body());
        Json.onlyFields(b, "current", "password");
        m.service.changePassword(s, Json.text(b, "current", 200, true), Json.text(b, "password", 200, true));
        m.clearSessionCookie(ctx);
        ctx.status(204);
    }

    // ---- alarms ----

    private Map<String, Object> alarmJson(AlarmView a, Session s, boolean detail) {
        Instant now = m.now();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("accountId", a.accountId());
        out.put("siteName", a.siteName());
        out.put("kind", a.kind());
        out.put("designation", a.designation());
        out.put("designationRule", a.designationRule());
        out.put("priority", a.priority());
        out.put("raisedAt", a.raisedAt());
        out.put("filterUntil", a.filterUntil());
        out.put("filterSecondsLeft", a.filterSecondsLeft(now));
        out.put("police", a.police());
        out.put("heldBy", a.heldBy());
        out.put("takenAt", a.takenAt());
        out.put("state", a.state());
        out.put("version", a.version());
        Set<ActionKind> allowed = m.deps.desk().allowed(a, ConsoleService.actor(s), now);
        out.put("allowedActions", allowed.stream().map(k -> k.path).toList());
        if (detail) {
            out.put("siteAddress", a.siteAddress());
            out.put("closedAt", a.closedAt());
            out.put("closedBy", a.closedBy());
            out.put("closeCause", a.closeCause());
            out.put("signals", a.signals());
            out.put("zones", a.zones());
            out.put("keyholders", a.keyholders());
            out.put("callbackProcedure", a.callbackProcedure());
            out.put("images", a.images());
            out.put("imageFetches", a.imageFetches());
            out.put("history", a.history());
            out.put("tasks", a.tasks());
            out.put("audit", m.audit.forAlarm(a.id()));
        }
        return out;
    }

    private void alarms(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        List<AlarmView> open = new ArrayList<>(m.deps.desk().open());
        open.sort(ConsolePages.QUEUE_ORDER);
        json(ctx, 200, open.stream().map(a -> alarmJson(a, s, false)).toList());
    }

    private void alarm(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        String id = id(ctx, "id");
        AlarmView a = m.deps.desk().find(id).orElseThrow(() -> new ConsoleException(404, "No alarm " + id + "."));
        json(ctx, 200, alarmJson(a, s, true));
    }

    private void act(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        String id = id(ctx, "id");
        String action = id(ctx, "action");
        if (ActionKind.fromPath(action).isEmpty()) throw new ConsoleException(404, "Unknown action '" + action + "'; one of "
                + java.util.Arrays.stream(ActionKind.values()).map(k -> k.path).toList() + ".");
        String raw = ctx.body();
        JsonNode body = raw == null || raw.isBlank() ? Json.MAPPER.createObjectNode() : Json.object(raw);
        Json.onlyFields(body, "version", "outcome", "cause", "note", "keyholder", "reached", "seconds", "imageId");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : List.of("outcome", "cause", "keyholder", "imageId")) {
            String v = Json.text(body, f, 100, false);
            if (v != null) fields.put(f, v);
        }
        if (body.has("reached")) fields.put("reached", Boolean.toString(Json.bool(body, "reached")));
        Long seconds = Json.longValue(body, "seconds");
        if (seconds != null) fields.put("seconds", Long.toString(seconds));
        String note = Json.text(body, "note", ConsoleService.NOTE_MAX, false);
        if (note != null) fields.put("note", note);
        Long version = Json.longValue(body, "version");
        answer(ctx, s, m.service.act(s, id, action, fields, version));
    }

    // ---- images (visual confirmation, BS8243 7.2.1) ----

    private void images(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        String id = id(ctx, "id");
        AlarmView a = m.deps.desk().find(id).orElseThrow(() -> new ConsoleException(404, "No alarm " + id + "."));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alarmId", a.id());
        out.put("version", a.version());
        out.put("fetches", a.imageFetches());
        List<Map<String, Object>> imgs = new ArrayList<>();
        for (AlarmView.Image i : a.images()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", i.id());
            j.put("caption", i.caption());
            j.put("capturedAt", i.capturedAt());
            j.put("url", "/console/api/alarms/" + a.id() + "/images/" + i.id());
            j.put("viewedBy", i.viewedBy() == null ? List.of() : List.of(i.viewedBy().split(", ")));
            j.put("firstViewedAt", i.viewedAt());
            j.put("viewedByMe", i.viewedBy(s.operator().username()));
            imgs.add(j);
        }
        out.put("images", imgs);
        json(ctx, 200, out);
    }

    private void image(Context ctx) {
        m.require(ctx, Role.OPERATOR, true);
        String id = id(ctx, "id");
        String imageId = imageId(ctx);
        serveImage(ctx, m.deps.desk().image(id, imageId).orElseThrow(() -> new ConsoleException(404, "No image " + imageId + " on alarm " + id + ".")));
    }

    private void imageViewed(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        String id = id(ctx, "id");
        String imageId = imageId(ctx);
        String raw = ctx.body();
        JsonNode body = raw == null || raw.isBlank() ? Json.MAPPER.createObjectNode() : Json.object(raw);
        Json.onlyFields(body);
        answer(ctx, s, m.service.act(s, id, ActionKind.VIEW_IMAGE.path, Map.of("imageId", imageId), null));
    }

    /** An action's outcome: the alarm with the rule that allowed it, or the refusal with its reason and rule. */
    private void answer(Context ctx, Session s, ActionResult result) {
        switch (result) {
            case ActionResult.Done d -> {
                Map<String, Object> out = alarmJson(d.alarm(), s, false);
                out.put("rule", d.rule());
                json(ctx, 200, out);
            }
            case ActionResult.Refused r -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("status", r.reason().httpStatus);
                out.put("error", r.message());
                out.put("reason", r.reason());
                if (!r.rule().isEmpty()) out.put("rule", r.rule());
                json(ctx, r.reason().httpStatus, out);
            }
        }
    }

    private static String imageId(Context ctx) {
        String v = ctx.pathParam("imageId");
        if (v.isEmpty() || v.length() > 19 || !v.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new ConsoleException(400, "Image id must be a number, as listed by GET /console/api/alarms/{id}/images.");
        return v;
    }

    /**
     * Serves a stored image: its type was sniffed from the bytes at fetch time (JPEG, PNG, GIF or WebP only), the
     * browser is told not to guess another, and nothing is cached outside the operator's session.
     */
    static void serveImage(Context ctx, AlarmView.ImageBytes img) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Content-Security-Policy", "default-src 'none'");
        ctx.status(200).contentType(img.contentType()).result(img.bytes());
    }

    // ---- accounts ----

    private Map<String, Object> accountJson(Account a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountId", a.accountId());
        out.put("receiverPrefix", a.receiverPrefix());
        out.put("name", a.name());
        out.put("address", a.address());
        out.put("keyForm", a.keyForm());
        out.put("key", a.keyDescription()); // never the key itself
        out.put("paths", a.paths());
        out.put("supervision", m.deps.accounts().supervision(a.accountId()));
        out.put("schedules", a.schedules());
        out.put("keyholders", a.keyholders());
        out.put("urnIntruder", a.urnIntruder());
        out.put("urnHoldUp", a.urnHoldUp());
        out.put("policeResponseWithdrawn", a.policeResponseWithdrawn());
        out.put("duressRoute", a.duressRoute());
        out.put("responsePlan", a.responsePlan());
        out.put("version", a.version());
        return out;
    }

    private void accounts(Context ctx) {
        m.require(ctx, Role.OPERATOR, true);
        json(ctx, 200, m.deps.accounts().all().stream().map(this::accountJson).toList());
    }

    private void account(Context ctx) {
        m.require(ctx, Role.OPERATOR, true);
        String id = id(ctx, "id");
        json(ctx, 200, accountJson(m.deps.accounts().find(id).orElseThrow(() -> new ConsoleException(404, "No account " + id + "."))));
    }

    static AccountInput accountInput(JsonNode b) {
        Json.onlyFields(b, "accountId", "receiverPrefix", "name", "address", "keyForm", "key", "paths", "schedules", "keyholders",
                "urnIntruder", "urnHoldUp", "policeResponseWithdrawn", "responsePlan", "duressRoute", "version");
        List<Account.Path> paths = new ArrayList<>();
        for (JsonNode p : array(b, "paths")) {
            JsonNode sec = p.get("supervisionSeconds");
            if (!p.isObject() || sec == null || !sec.isInt()) throw new ConsoleException(400,
                    "Each entry of 'paths' must be {\"name\": string, \"supervisionSeconds\": integer}.", Map.of("paths", "bad entry"));
            paths.add(new Account.Path(Json.text(p, "name", 40, true), sec.asInt()));
        }
        List<Account.Schedule> schedules = new ArrayList<>();
        for (JsonNode p : array(b, "schedules")) {
            if (!p.isObject()) throw new ConsoleException(400, "Each entry of 'schedules' must be an object.", Map.of("schedules", "bad entry"));
            schedules.add(new Account.Schedule(Json.text(p, "days", 40, true), Json.text(p, "setTime", 5, true), Json.text(p, "unsetTime", 5, true)));
        }
        List<Account.Keyholder> keyholders = new ArrayList<>();
        for (JsonNode p : array(b, "keyholders")) {
            if (!p.isObject()) throw new ConsoleException(400, "Each entry of 'keyholders' must be an object.", Map.of("keyholders", "bad entry"));
            keyholders.add(new Account.Keyholder(Json.text(p, "name", 80, true), Json.text(p, "phone", 25, true)));
        }
        return new AccountInput(Json.text(b, "accountId", 16, false), Json.text(b, "receiverPrefix", 6, false), Json.text(b, "name", 100, false),
                Json.text(b, "address", 300, false), Json.text(b, "keyForm", 5, false), Json.text(b, "key", 64, false), paths, schedules,
                keyholders, Json.text(b, "urnIntruder", 40, false), Json.text(b, "urnHoldUp", 40, false), Json.bool(b, "policeResponseWithdrawn"),
                Json.text(b, "responsePlan", 4000, false), Json.text(b, "duressRoute", 20, false));
    }

    private static List<JsonNode> array(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new ConsoleException(400, "Field '" + field + "' must be an array.", Map.of(field, "must be an array"));
        if (v.size() > 20) throw new ConsoleException(400, "Field '" + field + "' has more than 20 entries.", Map.of(field, "at most 20"));
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private void createAccount(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        m.service.requireRole(s, Role.SUPERVISOR, "account.create", null, null);
        Account a = m.service.createAccount(s, accountInput(Json.object(ctx.body())));
        ctx.header("Location", "/console/api/accounts/" + a.accountId());
        json(ctx, 201, accountJson(a));
    }

    private void updateAccount(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        String id = id(ctx, "id");
        m.service.requireRole(s, Role.SUPERVISOR, "account.update", null, id);
        JsonNode body = Json.object(ctx.body());
        Long version = Json.longValue(body, "version");
        if (version == null) throw new ConsoleException(400, "Field 'version' is required: the version you last read.", Map.of("version", "required"));
        json(ctx, 200, accountJson(m.service.updateAccount(s, id, accountInput(body), version)));
    }

    private void unknownSignals(Context ctx) {
        m.require(ctx, Role.OPERATOR, true);
        json(ctx, 200, m.deps.accounts().unknownSignals());
    }

    // ---- statistics, audit, operators ----

    private void statistics(Context ctx) {
        m.require(ctx, Role.OPERATOR, true);
        json(ctx, 200, HandlingStatistics.compute(m.deps.desk(), m.deps.accounts(), m.deps.signalRate(), m.now(), Duration.ofHours(24)));
    }

    private void audit(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        m.service.requireRole(s, Role.SUPERVISOR, "audit.read", null, null);
        String alarm = ctx.queryParam("alarm"), account = ctx.queryParam("account"), limit = ctx.queryParam("limit");
        if (alarm != null) json(ctx, 200, m.audit.forAlarm(alarm));
        else if (account != null) json(ctx, 200, m.audit.forAccount(account));
        else {
            int n = 200;
            if (limit != null) {
                try {
                    n = Integer.parseInt(limit);
                } catch (NumberFormatException e) {
                    throw new ConsoleException(400, "Query parameter 'limit' must be a number from 1 to 1000.");
                }
                if (n < 1 || n > 1000) throw new ConsoleException(400, "Query parameter 'limit' must be a number from 1 to 1000.");
            }
            json(ctx, 200, m.audit.latest(n));
        }
    }

    private void operators(Context ctx) {
        m.require(ctx, Role.ADMINISTRATOR, true);
        json(ctx, 200, m.operators.all());
    }

    private void createOperator(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        m.service.requireRole(s, Role.ADMINISTRATOR, "operator.create", null, null);
        JsonNode b = Json.object(ctx.body());
        Json.onlyFields(b, "username", "displayName", "role", "password");
        Operator op = m.service.createOperator(s, Json.text(b, "username", 64, false), Json.text(b, "displayName", 100, false),
                Json.text(b, "role", 20, false), Json.text(b, "password", 200, false));
        json(ctx, 201, op);
    }

    private void updateOperator(Context ctx) {
        Session s = m.require(ctx, Role.OPERATOR, true);
        m.service.requireRole(s, Role.ADMINISTRATOR, "operator.update", null, null);
        JsonNode b = Json.object(ctx.body());
        Json.onlyFields(b, "role", "enabled");
        Boolean enabled = b.has("enabled") ? Json.bool(b, "enabled") : null;
        m.service.updateOperator(s, id(ctx, "username"), Json.text(b, "role", 20, false), enabled);
        json(ctx, 200, m.operators.find(ctx.pathParam("username")).orElseThrow());
    }
}
