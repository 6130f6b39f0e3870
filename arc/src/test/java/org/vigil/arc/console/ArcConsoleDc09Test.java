package org.vigil.arc.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.console.audit.AuditEntry;
import org.vigil.arc.console.web.Json;
import org.vigil.arc.testing.Chromium;
import org.vigil.arc.testing.Dc09TestClient;
import org.vigil.arc.testing.TestPostgres;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;

/**
 * End to end: the real ARC (DC-09 receiver, store, supervision), the ARC II engine and the console. An account is
 * created through the console API; a hold-up frame sent over DC-09 appears in the operator's browser without a
 * reload; the operator takes it, records the call-back and closes it; the audit trail shows each step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArcConsoleDc09Test {
    static final String ADMIN_PASSWORD = "first start password";
    @TempDir Path dir;
    ArcService arc;
    ArcConsole console;
    final List<String> printed = new CopyOnWriteArrayList<>();
    Chromium chromium;
    Browser browser;
    String base;

    @BeforeAll
    void start() throws Exception {
        arc = ArcService.start(ArcConfig.loopback(dir).withJdbc(TestPostgres.newDatabase(), null, null));
        console = ArcConsole.attach(arc, new ArcConsole.Options(new InetSocketAddress("127.0.0.1", 0), Optional.of(ADMIN_PASSWORD), 1000), printed::add);
        base = "http://127.0.0.1:" + console.port();
        chromium = Chromium.start();
        browser = chromium.browser();
    }

    @AfterAll
    void stop() {
        if (chromium != null) chromium.close();
        if (console != null) console.close();
        if (arc != null) arc.close();
    }

    HttpResponse<String> api(HttpClient http, String method, String path, String body, String csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (csrf != null) b.header(ConsoleModule.CSRF_HEADER, csrf);
        return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void holdUpSentOverDc09AppearsLiveAndIsHandledToCloseWithAnAuditTrail() throws Exception {
        assertThat(printed).singleElement().asString().contains("initial administrator 'admin'").doesNotContain(ADMIN_PASSWORD);

        // the administrator creates the account through the console API
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = api(http, "POST", "/console/api/session", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        assertThat(login.statusCode()).isEqualTo(201);
        String csrf = Json.MAPPER.readTree(login.body()).get("csrfToken").asText();
        var created = api(http, "POST", "/console/api/accounts", """
                {"accountId":"1234","receiverPrefix":"1","name":"Northgate Bank <branch>","address":"1 High Street, Anytown",
                 "keyForm":"NONE","paths":[{"name":"*","supervisionSeconds":3600}],
                 "keyholders":[{"name":"Kim Keyholder","phone":"+44 20 7946 0000"}],"urnIntruder":"AB/12345/I","urnHoldUp":"AB/12345/H",
                 "responsePlan":"Hold-up: call back, then police"}""", csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> arc.directory().all().stream().anyMatch(a -> a.number().equals("1234"))
                && console.desk().knows("1234"));

        // the operator's browser
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.setDefaultTimeout(15_000);
        page.navigate(base + "/console/login");
        page.fill("input[name=username]", "admin");
        page.fill("input[name=password]", ADMIN_PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL("**/console/queue");
        page.waitForSelector("body[data-live='1']", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        page.evaluate("window.__notReloaded = true");

        // a panel sends a hold-up over DC-09; the ARC acknowledges after the durable write
        try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
            Dc09Frame ack = Dc09TestClient.decode(panel.exchange(Dc09TestClient.encode(
                    Dc09TestClient.sia("1234", 1, "#1234|NHA001", Instant.now()))));
            assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
        }
        page.waitForSelector("tr[data-alarm='1234-1']");
        assertThat(page.evaluate("window.__notReloaded === true")).isEqualTo(true);
        String row = page.textContent("tr[data-alarm='1234-1']");
        assertThat(row).contains("hold-up").contains("Northgate Bank <branch>").contains("waiting");

        page.click("tr[data-alarm='1234-1'] button.take");
        page.waitForURL("**/console/alarms/1234-1");
        assertThat(page.textContent("table.signals")).contains("HA");
        page.selectOption("form[data-action=callback] select[name=outcome]", "SPOKE_WRONG_PASSWORD");
        page.click("form[data-action=callback] button");
        page.waitForSelector("text=call-back confirmed");
        page.selectOption("form[data-action=close] select[name=cause]", "GENUINE");
        page.click("form[data-action=close] button");
        page.waitForURL("**/console/queue?closed=1234-1");

        assertThat(console.module().auditTrail().forAlarm("1234-1")).extracting(AuditEntry::action)
                .containsExactly("alarm.take", "alarm.callback", "alarm.close");
        page.navigate(base + "/console/alarms/1234-1");
        assertThat(page.textContent("table.audit")).contains("alarm.take").contains("alarm.callback").contains("alarm.close");
        assertThat(page.textContent("#state")).contains("closed by admin");
        // supervision of the path the frame came over, from the receiver
        page.navigate(base + "/console/accounts");
        assertThat(page.textContent("table")).contains("L1 ok").contains("Northgate Bank <branch>");
        page.context().close();
    }

    @Test
    void theAccountsDuressRouteAndPoliceRecordReachTheEngineTheQueueBadgeAndTheRules() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = api(http, "POST", "/console/api/session", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        String csrf = Json.MAPPER.readTree(login.body()).get("csrfToken").asText();
        var created = api(http, "POST", "/console/api/accounts", """
                {"accountId":"5678","name":"Riverside Jewellers","keyForm":"NONE","paths":[{"name":"*","supervisionSeconds":3600}],
                 "keyholders":[{"name":"Kim Keyholder","phone":"+44 20 7946 0000"}],"urnHoldUp":"AB/5678/H",
                 "duressRoute":"ARC_AND_KEYHOLDERS"}""", csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(created.body()).get("duressRoute").asText()).isEqualTo("ARC_AND_KEYHOLDERS");
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().profile("5678")
                .map(p -> p.duressRoute() == org.vigil.arc.handling.DuressRoute.ARC_AND_KEYHOLDERS).orElse(false));

        // a duress code at the keypad: Contact ID 121 with the user number (our panel's duress report)
        try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
            Dc09Frame ack = Dc09TestClient.decode(panel.exchange(Dc09TestClient.encode(
                    Dc09TestClient.cid("5678", 1, "#5678|1121 01 007", Instant.now()))));
            assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().find("5678-1").isPresent());
        var alarm = Json.MAPPER.readTree(api(http, "GET", "/console/api/alarms/5678-1", null, null).body());
        assertThat(alarm.get("kind").asText()).isEqualTo("DURESS");
        assertThat(alarm.get("police").get("response").asText()).isEqualTo("NOT_FOR_DURESS");
        assertThat(alarm.get("tasks").toString()).contains("inform keyholder");
        String rows = api(http, "GET", "/console/queue/rows", null, null).body();
        assertThat(rows).contains("duress: ARC + keyholders, no police");

        assertThat(api(http, "POST", "/console/api/alarms/5678-1/actions/take", "{}", csrf).statusCode()).isEqualTo(200);
        var taken = Json.MAPPER.readTree(api(http, "GET", "/console/api/alarms/5678-1", null, null).body());
        assertThat(taken.get("allowedActions").toString()).doesNotContain("dispatch-police");
        var refused = api(http, "POST", "/console/api/alarms/5678-1/actions/dispatch-police", "{}", csrf);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(refused.body()).get("rule").asText()).isEqualTo(org.vigil.arc.handling.Rules.DURESS_ROUTE);

        // the police withdraw response (letter): recorded on the account, the engine follows, the badge shows it
        var account = Json.MAPPER.readTree(api(http, "GET", "/console/api/accounts/5678", null, null).body());
        var edited = api(http, "PUT", "/console/api/accounts/5678", """
                {"name":"Riverside Jewellers","keyForm":"NONE","paths":[{"name":"*","supervisionSeconds":3600}],
                 "keyholders":[{"name":"Kim Keyholder","phone":"+44 20 7946 0000"}],"urnHoldUp":"AB/5678/H",
                 "duressRoute":"POLICE","policeResponseWithdrawn":true,"version":%d}""".formatted(account.get("version").asLong()), csrf);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().find("5678-1").orElseThrow().police().response()
                == org.vigil.arc.console.queue.PoliceStatus.Response.WITHDRAWN);
        assertThat(api(http, "GET", "/console/queue/rows", null, null).body()).contains("URN AB/5678/H withdrawn").contains("data-police=\"WITHDRAWN\"");
        var withdrawn = api(http, "POST", "/console/api/alarms/5678-1/actions/dispatch-police", "{}", csrf);
        assertThat(withdrawn.statusCode()).isEqualTo(409);
        assertThat(withdrawn.body()).containsIgnoringCase("withdrawn");
        assertThat(console.desk().find("5678-1").orElseThrow().history())
                .anySatisfy(h -> assertThat(h.rule()).isEqualTo(org.vigil.arc.handling.Rules.POLICE_RECORD));

        // a SIA panel reporting duress on the Vista duress zone 992: duress, not a silent hold-up
        try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
            Dc09TestClient.decode(panel.exchange(Dc09TestClient.encode(Dc09TestClient.sia("1234", 7, "#1234|NHA992", Instant.now()))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().open().stream()
                .anyMatch(x -> x.accountId().equals("1234") && x.kind() == org.vigil.arc.console.queue.AlarmKind.DURESS));

        // the holder gives the alarm back to the queue
        var released = api(http, "POST", "/console/api/alarms/5678-1/actions/release", "{}", csrf);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(released.body()).get("heldBy").isNull()).isTrue();
        assertThat(console.module().auditTrail().forAlarm("5678-1")).extracting(AuditEntry::action)
                .containsSubsequence("alarm.take", "alarm.dispatch-police", "alarm.release");
    }
}
