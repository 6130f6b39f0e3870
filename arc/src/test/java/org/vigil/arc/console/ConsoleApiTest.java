package org.vigil.arc.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.arc.console.audit.AuditEntry;
import org.vigil.arc.console.queue.AlarmKind;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.Designation;
import org.vigil.arc.console.web.Json;

/** Every /console/api endpoint over real HTTP and a real PostgreSQL, including the refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiTest {
    ConsoleFixture f;

    @BeforeAll
    void start() throws Exception {
        f = new ConsoleFixture();
        f.account("1234", "Bank branch");
    }

    @AfterAll
    void stop() {
        f.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    static void assertJsonError(HttpResponse<String> r, int status, String messagePart) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json(r).get("error").asText()).containsIgnoringCase(messagePart);
    }

    // ---- session ----

    @Test
    void loginReturnsRoleAndCsrfTokenAndSetsHttpOnlySameSiteCookie() throws Exception {
        var c = f.anonymous();
        var r = c.send("POST", "/console/api/session", "{\"username\":\"op1\",\"password\":\"" + ConsoleFixture.PASSWORD + "\"}", false);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).get("role").asText()).isEqualTo("OPERATOR");
        assertThat(json(r).get("csrfToken").asText()).hasSizeGreaterThan(20);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("vigil_session=").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(r.body()).doesNotContain(ConsoleFixture.PASSWORD);
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhetherTheUserExists() throws Exception {
        var a = f.anonymous().send("POST", "/console/api/session", "{\"username\":\"sup\",\"password\":\"nope\"}", false);
        var b = f.anonymous().send("POST", "/console/api/session", "{\"username\":\"nobody\",\"password\":\"nope\"}", false);
        assertJsonError(a, 401, "wrong user name or password");
        assertThat(b.body()).isEqualTo(a.body());
    }

    @Test
    void wrongPasswordsAreRateLimitedPerUserEvenForTheRightPassword() throws Exception {
        var c = f.anonymous();
        for (int i = 0; i < 5; i++) c.send("POST", "/console/api/session", "{\"username\":\"op2\",\"password\":\"guess" + i + "\"}", false);
        var locked = c.send("POST", "/console/api/session", "{\"username\":\"op2\",\"password\":\"" + ConsoleFixture.PASSWORD + "\"}", false);
        assertJsonError(locked, 429, "too many wrong passwords");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        // another user is not affected
        assertThat(f.login("op1").csrf).isNotBlank();
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(f.login("op2").csrf).isNotBlank();
    }

    @Test
    void malformedLoginBodiesGetClearJsonErrors() throws Exception {
        var c = f.anonymous();
        assertJsonError(c.send("POST", "/console/api/session", "{\"username\": \"op1\",", false), 400, "malformed json");
        assertJsonError(c.send("POST", "/console/api/session", "[1,2]", false), 400, "json object");
        assertJsonError(c.send("POST", "/console/api/session", "", false), 400, "empty");
        assertJsonError(c.send("POST", "/console/api/session", "{\"username\":\"op1\"}", false), 400, "'password' is required");
        assertJsonError(c.send("POST", "/console/api/session", "{\"username\":5,\"password\":\"x\"}", false), 400, "must be a string");
        assertJsonError(c.send("POST", "/console/api/session", "{\"username\":\"" + "u".repeat(65) + "\",\"password\":\"x\"}", false), 400, "longer than 64");
        assertJsonError(c.send("POST", "/console/api/session", "{\"user\":\"op1\",\"password\":\"x\"}", false), 400, "unknown field");
        assertJsonError(c.send("POST", "/console/api/session", "{\"username\":\"op1\",\"password\":\"" + "x".repeat(70_000) + "\"}", false), 413, "larger than");
    }

    @Test
    void anOperatorChangesTheirOwnPasswordProvingTheCurrentOne() throws Exception {
        var admin = f.login("admin");
        admin.send("POST", "/console/api/operators", "{\"username\":\"op5\",\"displayName\":\"Five\",\"role\":\"OPERATOR\",\"password\":\"first password\"}");
        var c = f.anonymous();
        var login = c.send("POST", "/console/api/session", "{\"username\":\"op5\",\"password\":\"first password\"}", false);
        c.csrf = json(login).get("csrfToken").asText();
        assertJsonError(c.send("POST", "/console/api/session/password", "{\"current\":\"wrong\",\"password\":\"second password\"}"), 403, "current password is wrong");
        assertJsonError(c.send("POST", "/console/api/session/password", "{\"current\":\"first password\",\"password\":\"short\"}"), 400, "12 to 200");
        assertThat(c.send("POST", "/console/api/session/password", "{\"current\":\"first password\",\"password\":\"second password\"}").statusCode()).isEqualTo(204);
        assertJsonError(c.get("/console/api/session"), 401, "not logged in"); // sessions end
        assertJsonError(f.anonymous().send("POST", "/console/api/session", "{\"username\":\"op5\",\"password\":\"first password\"}", false), 401, "wrong");
        assertThat(f.anonymous().send("POST", "/console/api/session", "{\"username\":\"op5\",\"password\":\"second password\"}", false).statusCode()).isEqualTo(201);
        assertThat(f.console.audit.latest(20)).anyMatch(e -> e.actor().equals("op5") && e.action().equals("operator.password")
                && e.outcome() == AuditEntry.Outcome.DONE && !e.detail().contains("second"));
    }

    @Test
    void whoAmIAndLogout() throws Exception {
        var c = f.login("sup");
        assertThat(json(c.get("/console/api/session")).get("username").asText()).isEqualTo("sup");
        assertJsonError(c.send("DELETE", "/console/api/session", null, false), 403, "csrf");
        assertThat(c.send("DELETE", "/console/api/session", null).statusCode()).isEqualTo(204);
        assertJsonError(c.get("/console/api/session"), 401, "not logged in");
    }

    @Test
    void everyEndpointNeedsASession() throws Exception {
        var c = f.anonymous();
        for (String p : List.of("/console/api/alarms", "/console/api/alarms/A1", "/console/api/accounts", "/console/api/accounts/1234",
                "/console/api/unknown-signals", "/console/api/statistics", "/console/api/audit", "/console/api/operators", "/console/api/session"))
            assertJsonError(c.get(p), 401, "not logged in");
        assertJsonError(c.send("POST", "/console/api/alarms/A1/actions/take", "{}"), 401, "not logged in");
        assertJsonError(c.send("POST", "/console/api/accounts", "{}"), 401, "not logged in");
        assertJsonError(c.send("PUT", "/console/api/accounts/1234", "{}"), 401, "not logged in");
        assertJsonError(c.send("POST", "/console/api/operators", "{}"), 401, "not logged in");
        assertJsonError(c.send("PATCH", "/console/api/operators/op1", "{}"), 401, "not logged in");
    }

    @Test
    void stateChangingCallsWithoutOrWithAWrongCsrfTokenChangeNothing() throws Exception {
        AlarmView a = f.raise("1234", "Bank branch", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "csrf test");
        var c = f.login("op1");
        assertJsonError(c.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}", false), 403, "csrf");
        String good = c.csrf;
        c.csrf = "forged";
        assertJsonError(c.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}"), 403, "csrf");
        c.csrf = good;
        assertThat(f.desk.find(a.id()).orElseThrow().heldBy()).isNull();
        assertThat(f.console.audit.latest(5)).anyMatch(e -> e.action().equals("csrf.rejected") && e.actor().equals("op1"));
    }

    // ---- alarms ----

    @Test
    void queueIsOrderedByPriorityThenAge() throws Exception {
        var c = f.login("op1");
        AlarmView intr = f.raise("1234", "Q site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "q1");
        f.clock.advance(Duration.ofSeconds(1));
        AlarmView hua = f.raise("1234", "Q site", AlarmKind.HOLD_UP, Designation.UNCONFIRMED, "q2");
        f.clock.advance(Duration.ofSeconds(1));
        AlarmView duress = f.raise("1234", "Q site", AlarmKind.DURESS, Designation.UNCONFIRMED, "q3");
        List<String> ids = new ArrayList<>();
        json(c.get("/console/api/alarms")).forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).containsSubsequence(duress.id(), hua.id(), intr.id());
        JsonNode first = json(c.get("/console/api/alarms")).get(0);
        assertThat(first.get("allowedActions").toString()).contains("take");
    }

    @Test
    void alarmDetailHasSignalsRawFramesKeyholdersImagesAndAudit() throws Exception {
        AlarmView a = f.raise("1234", "Detail site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "detail");
        var c = f.login("op1");
        JsonNode d = json(c.get("/console/api/alarms/" + a.id()));
        assertThat(d.get("signals").get(0).get("rawFrame").asText()).contains("SIA-DCS");
        assertThat(d.get("keyholders").get(0).get("name").asText()).isEqualTo("Kim Keyholder");
        assertThat(d.get("images").get(0).get("id").asText()).isEqualTo("img1");
        assertThat(d.get("filterSecondsLeft").asLong()).isEqualTo(120);
        assertThat(d.get("police").get("urn").asText()).isEqualTo("AB/12345/I");
        assertJsonError(c.get("/console/api/alarms/NOPE"), 404, "no alarm");
        assertJsonError(c.get("/console/api/alarms/" + "x".repeat(65)), 400, "longer than 64");
    }

    @Test
    void takeRecordCallbackAndCloseWithCauseEachWriteOneAuditLine() throws Exception {
        AlarmView a = f.raise("1234", "Flow site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "flow");
        var c = f.login("op1");
        var take = c.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{\"version\":" + a.version() + "}");
        assertThat(take.statusCode()).as(take.body()).isEqualTo(200);
        assertThat(json(take).get("heldBy").asText()).isEqualTo("op1");
        var cb = c.send("POST", "/console/api/alarms/" + a.id() + "/actions/callback", "{\"outcome\":\"SPOKE_CORRECT_PASSWORD\",\"note\":\"manager on site\"}");
        assertThat(cb.statusCode()).as(cb.body()).isEqualTo(200);
        assertThat(json(cb).get("rule").asText()).isEqualTo("BS8243 7.4");
        var close = c.send("POST", "/console/api/alarms/" + a.id() + "/actions/close", "{\"cause\":\"FALSE_USER_ERROR\"}");
        assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
        assertThat(json(close).get("state").asText()).isEqualTo("CLOSED");
        List<AuditEntry> audit = f.console.audit.forAlarm(a.id());
        assertThat(audit).extracting(AuditEntry::action).containsExactly("alarm.take", "alarm.callback", "alarm.close");
        assertThat(audit).allMatch(e -> e.actor().equals("op1") && e.outcome() == AuditEntry.Outcome.DONE && e.accountId().equals("1234"));
        assertThat(audit.get(1).detail()).contains("SPOKE_CORRECT_PASSWORD").contains("manager on site");
        // the supervisor reads the same trail through the API
        JsonNode trail = json(f.login("sup").get("/console/api/audit?alarm=" + a.id()));
        assertThat(trail.size()).isEqualTo(3);
    }

    @Test
    void actingOnAnAlarmSomeoneElseHoldsIsRefusedAndChangesNothing() throws Exception {
        AlarmView a = f.raise("1234", "Held site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "held");
        var op1 = f.login("op1");
        var op2 = f.login("op2");
        assertThat(op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}").statusCode()).isEqualTo(200);
        long version = f.desk.find(a.id()).orElseThrow().version();
        var r = op2.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}");
        assertJsonError(r, 409, "held by op1");
        assertThat(json(r).get("reason").asText()).isEqualTo("HELD_BY_OTHER");
        assertJsonError(op2.send("POST", "/console/api/alarms/" + a.id() + "/actions/close", "{\"cause\":\"TEST\"}"), 409, "held by op1");
        assertThat(f.desk.find(a.id()).orElseThrow().version()).isEqualTo(version);
        assertThat(f.console.audit.forAlarm(a.id())).anyMatch(e -> e.actor().equals("op2") && e.outcome() == AuditEntry.Outcome.REFUSED);
        // others see it taken
        JsonNode seen = json(op2.get("/console/api/alarms/" + a.id()));
        assertThat(seen.get("heldBy").asText()).isEqualTo("op1");
        assertThat(seen.get("allowedActions").toString()).doesNotContain("take");
        // a supervisor may release it
        var sup = f.login("sup");
        assertThat(sup.send("POST", "/console/api/alarms/" + a.id() + "/actions/release", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aStalePageActingOnAClosedAlarmGetsAClearMessageAndChangesNothing() throws Exception {
        AlarmView a = f.raise("1234", "Stale site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "stale");
        var op1 = f.login("op1");
        op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}");
        op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/close", "{\"cause\":\"TEST\"}");
        AlarmView closed = f.desk.find(a.id()).orElseThrow();
        var r = op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/callback", "{\"outcome\":\"NO_ANSWER\",\"version\":2}");
        assertJsonError(r, 409, "was closed by op1");
        assertThat(json(r).get("reason").asText()).isEqualTo("CLOSED");
        assertThat(f.desk.find(a.id()).orElseThrow()).isEqualTo(closed);
    }

    @Test
    void aStaleVersionOnAnOpenAlarmIsRefused() throws Exception {
        AlarmView a = f.raise("1234", "Version site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "version");
        var op1 = f.login("op1");
        op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}");
        var r = op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/callback", "{\"outcome\":\"NO_ANSWER\",\"version\":1}");
        assertJsonError(r, 409, "changed since your page was loaded");
    }

    @Test
    void badActionRequestsGetClearErrors() throws Exception {
        AlarmView a = f.raise("1234", "Bad site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "bad");
        var c = f.login("op1");
        String p = "/console/api/alarms/" + a.id() + "/actions/";
        assertJsonError(c.send("POST", p + "explode", "{}"), 404, "unknown action");
        assertJsonError(c.send("POST", p + "take", "{\"version\":\"one\"}"), 400, "must be an integer");
        assertJsonError(c.send("POST", p + "take", "{not json"), 400, "malformed json");
        assertJsonError(c.send("POST", p + "take", "{\"verison\":1}"), 400, "unknown field");
        c.send("POST", p + "take", "{}");
        assertJsonError(c.send("POST", p + "callback", "{\"outcome\":\"MAYBE\"}"), 400, "call-back outcome must be one of");
        assertJsonError(c.send("POST", p + "close", "{}"), 400, "close cause must be one of");
        assertJsonError(c.send("POST", p + "callback", "{\"outcome\":\"NO_ANSWER\",\"note\":\"" + "n".repeat(1001) + "\"}"), 400, "longer than 1000");
        assertJsonError(c.send("POST", p + "contrary-indication", "{}"), 400, "describe the contrary indication");
        assertJsonError(c.send("POST", "/console/api/alarms/NOPE/actions/take", "{}"), 404, "no alarm");
        assertThat(f.desk.find(a.id()).orElseThrow().open()).isTrue();
    }

    @Test
    void rulesRefuseDispatchOfUnconfirmedIntruderAndVisualDesignationBeforeImagesAreViewed() throws Exception {
        AlarmView a = f.raise("1234", "Rules site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "rules");
        var c = f.login("op1");
        String p = "/console/api/alarms/" + a.id() + "/actions/";
        c.send("POST", p + "take", "{}");
        var dispatch = c.send("POST", p + "dispatch-police", "{}");
        assertJsonError(dispatch, 409, "unconfirmed intruder alarms get no police response");
        assertThat(json(dispatch).get("rule").asText()).contains("NPCC");
        assertJsonError(c.send("POST", p + "designate-visual", "{}"), 409, "view every image");
        assertThat(c.send("POST", p + "view-image", "{\"imageId\":\"img1\"}").statusCode()).isEqualTo(200);
        var visual = c.send("POST", p + "designate-visual", "{\"note\":\"person seen forcing door\"}");
        assertThat(visual.statusCode()).as(visual.body()).isEqualTo(200);
        assertThat(json(visual).get("designation").asText()).isEqualTo("VISUALLY_CONFIRMED");
        assertThat(c.send("POST", p + "dispatch-police", "{}").statusCode()).isEqualTo(200);
        assertThat(c.send("POST", p + "inform-keyholder", "{\"keyholder\":\"Kim Keyholder\"}").statusCode()).isEqualTo(200);
        assertThat(f.desk.find(a.id()).orElseThrow().images().get(0).viewedBy()).isEqualTo("op1");
    }

    @Test
    void audibleConfirmationAndContraryIndication() throws Exception {
        AlarmView a = f.raise("1234", "Audio site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "audio");
        var c = f.login("op1");
        String p = "/console/api/alarms/" + a.id() + "/actions/";
        c.send("POST", p + "take", "{}");
        assertThat(c.send("POST", p + "contrary-indication", "{\"note\":\"glass breaking heard\"}").statusCode()).isEqualTo(200);
        var r = c.send("POST", p + "designate-audible", "{}");
        assertThat(json(r).get("designation").asText()).isEqualTo("AUDIBLY_CONFIRMED");
        assertJsonError(c.send("POST", p + "designate-audible", "{}"), 409, "already designated");
    }

    // ---- accounts ----

    static final String NEW_ACCOUNT = """
            {"accountId":"ABC123","receiverPrefix":"1","name":"Jeweller","address":"2 Market St","keyForm":"ASCII",
             "key":"0123456789abcdef","paths":[{"name":"ip","supervisionSeconds":180}],
             "schedules":[{"days":"Mon-Sat","setTime":"18:30","unsetTime":"08:00"}],
             "keyholders":[{"name":"Ann","phone":"+44 1632 960000"}],"urnIntruder":"XY/1/I","urnHoldUp":"XY/1/H",
             "responsePlan":"Police then keyholder"}""";

    @Test
    void supervisorCreatesAndEditsAnAccountAndTheKeyIsNeverEchoed() throws Exception {
        var sup = f.login("sup");
        var created = sup.send("POST", "/console/api/accounts", NEW_ACCOUNT);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("0123456789abcdef").contains("AES-128 key set (ascii)");
        assertJsonError(sup.send("POST", "/console/api/accounts", NEW_ACCOUNT), 409, "already exists");
        JsonNode got = json(sup.get("/console/api/accounts/ABC123"));
        long v = got.get("version").asLong();
        String edit = NEW_ACCOUNT.replace("\"accountId\":\"ABC123\",", "").replace("\"key\":\"0123456789abcdef\",", "")
                .replace("Jeweller", "Jeweller & Sons").replace("}", "}").replaceFirst("\\{", "{\"version\":" + v + ",");
        var updated = sup.send("PUT", "/console/api/accounts/ABC123", edit);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).get("name").asText()).isEqualTo("Jeweller & Sons");
        assertThat(f.accounts.find("ABC123").orElseThrow().key()).isEqualTo("0123456789abcdef"); // kept
        assertJsonError(sup.send("PUT", "/console/api/accounts/ABC123", edit), 409, "changed by someone else");
        assertThat(json(sup.get("/console/api/audit?account=ABC123")).size()).isGreaterThanOrEqualTo(3);
        assertThat(json(sup.get("/console/api/accounts")).toString()).contains("ABC123");
    }

    @Test
    void invalidAccountFieldsAreNamedOneByOne() throws Exception {
        var sup = f.login("sup");
        String bad = """
                {"accountId":"XYZ!","name":"","keyForm":"HEX","key":"1234","paths":[{"name":"ip","supervisionSeconds":5}],
                 "schedules":[{"days":"Someday","setTime":"25:00","unsetTime":"08:00"}],"urnIntruder":"A/1","urnHoldUp":"A/1"}""";
        var r = sup.send("POST", "/console/api/accounts", bad);
        assertJsonError(r, 400, "invalid fields");
        assertThat(json(r).get("fields").fieldNames()).toIterable().contains("accountId", "name", "key", "paths", "schedules", "urnHoldUp");
        assertJsonError(sup.send("POST", "/console/api/accounts", "{\"paths\":\"primary\"}"), 400, "must be an array");
        assertJsonError(sup.send("POST", "/console/api/accounts", "{\"name\":\"" + "n".repeat(101) + "\"}"), 400, "longer than 100");
        assertJsonError(sup.send("PUT", "/console/api/accounts/1234", "{\"name\":\"x\"}"), 400, "'version' is required");
        assertJsonError(sup.send("PUT", "/console/api/accounts/NOPE", "{\"version\":1}"), 404, "no account");
    }

    @Test
    void operatorsMayReadButNotEditAccounts() throws Exception {
        var op = f.login("op1");
        assertThat(op.get("/console/api/accounts/1234").statusCode()).isEqualTo(200);
        assertJsonError(op.send("POST", "/console/api/accounts", NEW_ACCOUNT.replace("ABC123", "DEF456")), 403, "needs the supervisor role");
        assertJsonError(op.send("PUT", "/console/api/accounts/1234", "{\"version\":1}"), 403, "needs the supervisor role");
        assertThat(f.accounts.find("DEF456")).isEmpty();
        assertJsonError(op.get("/console/api/audit"), 403, "needs the supervisor role");
        assertJsonError(op.get("/console/api/operators"), 403, "needs the administrator role");
        assertThat(f.console.audit.latest(20)).anyMatch(e -> e.actor().equals("op1") && e.outcome() == AuditEntry.Outcome.REFUSED
                && e.action().equals("account.create"));
    }

    @Test
    void unknownAccountSignalsAreListed() throws Exception {
        f.accounts.addUnknown("L9", "9999", "127.0.0.1:40000", "\"NULL\"0001L9#9999[]", f.clock.instant());
        JsonNode list = json(f.login("op1").get("/console/api/unknown-signals"));
        assertThat(list.toString()).contains("9999").contains("L9");
    }

    // ---- statistics, audit, operators ----

    @Test
    void statisticsReportHandlingTimesAgainstUnverifiedTargets() throws Exception {
        AlarmView a = f.raise("1234", "Stats site", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "stats");
        var c = f.login("op1");
        f.clock.advance(Duration.ofSeconds(20));
        c.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}");
        f.clock.advance(Duration.ofSeconds(40));
        c.send("POST", "/console/api/alarms/" + a.id() + "/actions/close", "{\"cause\":\"TEST\"}");
        JsonNode s = json(c.get("/console/api/statistics"));
        assertThat(s.get("secondsToTake").toString()).contains("20");
        assertThat(s.get("secondsToClose").toString()).contains("60");
        assertThat(s.get("targets").get(0).get("withinSeconds").asInt()).isEqualTo(30);
        assertThat(s.get("targets").get(0).get("source").asText()).contains("UNVERIFIED");
        assertThat(s.get("signalsPerSecond").size()).isEqualTo(60);
    }

    @Test
    void auditQueryValidatesLimit() throws Exception {
        var sup = f.login("sup");
        assertThat(json(sup.get("/console/api/audit?limit=5")).size()).isLessThanOrEqualTo(5);
        assertJsonError(sup.get("/console/api/audit?limit=lots"), 400, "limit");
        assertJsonError(sup.get("/console/api/audit?limit=0"), 400, "limit");
    }

    @Test
    void administratorManagesOperatorsAndPasswordsAreNeverReturned() throws Exception {
        var admin = f.login("admin");
        var r = admin.send("POST", "/console/api/operators", "{\"username\":\"op9\",\"displayName\":\"Nine\",\"role\":\"OPERATOR\",\"password\":\"twelve chars ok\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain("twelve chars ok");
        assertJsonError(admin.send("POST", "/console/api/operators", "{\"username\":\"op9\",\"displayName\":\"Nine\",\"role\":\"OPERATOR\",\"password\":\"twelve chars ok\"}"), 409, "taken");
        assertJsonError(admin.send("POST", "/console/api/operators", "{\"username\":\"x y\",\"displayName\":\"\",\"role\":\"KING\",\"password\":\"short\"}"), 400, "invalid fields");
        assertThat(json(admin.get("/console/api/operators")).toString()).contains("op9").doesNotContain("pbkdf2");
        var patched = admin.send("PATCH", "/console/api/operators/op9", "{\"role\":\"SUPERVISOR\"}");
        assertThat(json(patched).get("role").asText()).isEqualTo("SUPERVISOR");
        assertJsonError(admin.send("PATCH", "/console/api/operators/admin", "{\"enabled\":false}"), 409, "your own account");
        admin.send("PATCH", "/console/api/operators/op9", "{\"enabled\":false}");
        var login = f.anonymous().send("POST", "/console/api/session", "{\"username\":\"op9\",\"password\":\"twelve chars ok\"}", false);
        assertJsonError(login, 401, "wrong user name or password");
        assertJsonError(f.login("sup").send("POST", "/console/api/operators", "{}"), 403, "needs the administrator role");
    }

    @Test
    void scriptInSignalTextAndAccountNamesComesBackAsDataNotMarkup() throws Exception {
        String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        AlarmView a = f.raise("1234", payload, AlarmKind.INTRUDER, Designation.UNCONFIRMED, payload);
        var c = f.login("op1");
        JsonNode d = json(c.get("/console/api/alarms/" + a.id()));
        assertThat(d.get("siteName").asText()).isEqualTo(payload); // JSON carries data verbatim
        var page = c.get("/console/alarms/" + a.id());
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        var queue = c.get("/console/queue");
        assertThat(queue.body()).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void releaseIsForTheHolderOrASupervisorAndEachAttemptIsAudited() throws Exception {
        AlarmView a = f.raise("1234", "Bank branch", AlarmKind.HOLD_UP, Designation.UNCONFIRMED, "release test");
        var op1 = f.login("op1");
        var op2 = f.login("op2");
        var sup = f.login("sup");
        assertJsonError(op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/release", "{}"), 409, "nobody holds");
        assertThat(op1.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}").statusCode()).isEqualTo(200);
        var refused = op2.send("POST", "/console/api/alarms/" + a.id() + "/actions/release", "{}");
        assertJsonError(refused, 409, "held by op1");
        assertThat(json(refused).get("reason").asText()).isEqualTo("HELD_BY_OTHER");
        assertThat(f.desk.find(a.id()).orElseThrow().heldBy()).isEqualTo("op1");
        var released = sup.send("POST", "/console/api/alarms/" + a.id() + "/actions/release", "{}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(json(released).get("heldBy").isNull()).isTrue();
        assertThat(f.console.audit.forAlarm(a.id())).extracting(e -> e.actor() + " " + e.action() + " " + e.outcome())
                .containsSubsequence("op1 alarm.release REFUSED", "op1 alarm.take DONE", "op2 alarm.release REFUSED", "sup alarm.release DONE");
    }

    @Test
    void supervisorsCannotManageOperatorsAndTheLiveStreamNeedsASession() throws Exception {
        var sup = f.login("sup");
        assertJsonError(sup.get("/console/api/operators"), 403, "needs the administrator role");
        assertJsonError(sup.send("PATCH", "/console/api/operators/op1", "{\"role\":\"ADMINISTRATOR\"}"), 403, "needs the administrator role");
        assertThat(f.console.operators().find("op1").orElseThrow().role()).isEqualTo(org.vigil.arc.console.auth.Role.OPERATOR);
        // the SSE stream closes at once for an anonymous client, without joining the live updates
        int before = f.console.liveClients();
        var events = f.anonymous().get("/console/events");
        assertThat(events.body()).doesNotContain("connected").doesNotContain("event: alarms");
        assertThat(f.console.liveClients()).isEqualTo(before);
    }
}
