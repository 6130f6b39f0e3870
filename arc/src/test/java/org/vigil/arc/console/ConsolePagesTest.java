package org.vigil.arc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.arc.console.queue.AlarmKind;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.Designation;

/** The HTML side over real HTTP: forms, their bad input, roles and CSRF on pages, escaping. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTest {
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

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void pagesRedirectToLoginWithoutASession() throws Exception {
        for (String p : new String[] {"/console/queue", "/console/alarms/A1", "/console/accounts", "/console/statistics", "/console/audit"}) {
            HttpResponse<String> r = f.anonymous().get(p);
            assertThat(r.statusCode()).as(p).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/console/login?next=");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfFieldIsRefusedAndChangesNothing() throws Exception {
        AlarmView a = f.raise("1234", "Bank branch", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "csrf page");
        var c = f.login("op1");
        HttpResponse<String> r = c.form("/console/alarms/" + a.id() + "/take", "version=1");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF");
        assertThat(f.desk.find(a.id()).orElseThrow().heldBy()).isNull();
        HttpResponse<String> ok = c.form("/console/alarms/" + a.id() + "/take", "_csrf=" + enc(c.csrf) + "&version=1");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(f.desk.find(a.id()).orElseThrow().heldBy()).isEqualTo("op1");
    }

    @Test
    void aSupervisorCreatesAnAccountFromAnUnknownSignal() throws Exception {
        var u = f.accounts.addUnknown("7", "ABCD", "127.0.0.1:5000", "\"SIA-DCS\"0001L7#ABCD[#ABCD|NBA1]", f.clock.instant());
        var sup = f.login("sup");
        assertThat(sup.get("/console/unknown").body()).contains("Create account from this signal").contains("ABCD");
        String form = sup.get("/console/accounts/new?fromUnknown=" + u.id()).body();
        assertThat(form).contains("value=\"ABCD\"").contains("value=\"7\"");
        HttpResponse<String> created = sup.form("/console/accounts", "_csrf=" + enc(sup.csrf) + "&accountId=ABCD&receiverPrefix=7&name="
                + enc("Corner <Shop>") + "&keyForm=HEX&key=00112233445566778899AABBCCDDEEFF&paths=" + enc("primary 90\nbackup 3600")
                + "&schedules=" + enc("Mon-Sat 18:00 08:00") + "&keyholders=" + enc("Ann Other; +44 1632 960001") + "&urnIntruder=CD%2F9%2FI&urnHoldUp=CD%2F9%2FH");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String page = sup.get("/console/accounts/ABCD").body();
        assertThat(page).contains("Corner &lt;Shop&gt;").doesNotContain("Corner <Shop>").contains("AES-128 key set (hex)")
                .doesNotContain("00112233445566778899AABBCCDDEEFF").contains("Ann Other");
        // operators see the list but not the edit button
        var op = f.login("op1");
        assertThat(op.get("/console/accounts").body()).contains("ABCD");
        assertThat(op.get("/console/accounts/ABCD/edit").statusCode()).isEqualTo(403);
    }

    @Test
    void badAccountFormFieldsAreShownNextToTheFormAndNothingIsSaved() throws Exception {
        var sup = f.login("sup");
        HttpResponse<String> r = sup.form("/console/accounts", "_csrf=" + enc(sup.csrf) + "&accountId=" + enc("<script>x</script>")
                + "&name=&keyForm=HEX&key=123&paths=" + enc("primary ninety") + "&schedules=" + enc("Mon-Fri 18:00")
                + "&keyholders=" + enc("no phone here"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("data-field=\"paths\"").contains("data-field=\"schedules\"").contains("data-field=\"keyholders\"")
                .doesNotContain("<script>x</script>");
        assertThat(f.accounts.all()).noneMatch(a -> a.accountId().contains("script"));
        HttpResponse<String> r2 = sup.form("/console/accounts", "_csrf=" + enc(sup.csrf) + "&accountId=" + enc("<script>x</script>")
                + "&name=" + "n".repeat(101) + "&keyForm=HEX&key=123&paths=" + enc("primary 90"));
        assertThat(r2.statusCode()).isEqualTo(400);
        assertThat(r2.body()).contains("data-field=\"accountId\"").contains("data-field=\"name\"").contains("data-field=\"key\"")
                .contains("&lt;script&gt;x&lt;/script&gt;");
    }

    @Test
    void theAccountFormSetsWhereDuressGoesAndRefusesAnUnknownRoute() throws Exception {
        var sup = f.login("sup");
        String edit = sup.get("/console/accounts/1234/edit").body();
        assertThat(edit).contains("name=\"duressRoute\"").contains("value=\"ARC_AND_KEYHOLDERS\" selected").contains("police (as a hold-up alarm)");
        long v = f.accounts.find("1234").orElseThrow().version();
        String body = "_csrf=" + enc(sup.csrf) + "&name=Bank&keyForm=HEX&paths=" + enc("primary 90") + "&version=" + v;
        HttpResponse<String> bad = sup.form("/console/accounts/1234", body + "&duressRoute=" + enc("<b>SOMETIMES</b>"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("data-field=\"duressRoute\"").contains("POLICE or ARC_AND_KEYHOLDERS").doesNotContain("<b>SOMETIMES");
        assertThat(f.accounts.find("1234").orElseThrow().duressRoute()).isEqualTo(org.vigil.arc.handling.DuressRoute.ARC_AND_KEYHOLDERS);
        assertThat(sup.form("/console/accounts/1234", body + "&duressRoute=POLICE").statusCode()).isEqualTo(302);
        assertThat(f.accounts.find("1234").orElseThrow().duressRoute()).isEqualTo(org.vigil.arc.handling.DuressRoute.POLICE);
        assertThat(sup.get("/console/accounts/1234").body()).contains("police (as a hold-up alarm)");
        // an edit without the field keeps the route
        long v2 = f.accounts.find("1234").orElseThrow().version();
        assertThat(sup.form("/console/accounts/1234", "_csrf=" + enc(sup.csrf) + "&name=Bank&keyForm=HEX&paths=" + enc("primary 90")
                + "&version=" + v2).statusCode()).isEqualTo(302);
        assertThat(f.accounts.find("1234").orElseThrow().duressRoute()).isEqualTo(org.vigil.arc.handling.DuressRoute.POLICE);
    }

    @Test
    void editingAccountWithAStaleVersionIsRefused() throws Exception {
        var sup = f.login("sup");
        String body = "_csrf=" + enc(sup.csrf) + "&name=Bank+branch+2&keyForm=HEX&paths=" + enc("primary 90");
        HttpResponse<String> stale = sup.form("/console/accounts/1234", body + "&version=99");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else");
        long v = f.accounts.find("1234").orElseThrow().version();
        assertThat(sup.form("/console/accounts/1234", body + "&version=" + v).statusCode()).isEqualTo(302);
        assertThat(f.accounts.find("1234").orElseThrow().name()).isEqualTo("Bank branch 2");
        assertThat(f.accounts.find("1234").orElseThrow().key()).isEqualTo("00112233445566778899AABBCCDDEEFF");
    }

    @Test
    void theAlarmPageDisablesWhatTheRulesForbidAndSaysWhy() throws Exception {
        AlarmView a = f.raise("1234", "Bank branch", AlarmKind.INTRUDER, Designation.UNCONFIRMED, "rules page");
        var c = f.login("op1");
        String page = c.get("/console/alarms/" + a.id()).body();
        assertThat(page).contains("Take alarm " + a.id() + " before acting on it.");
        c.send("POST", "/console/api/alarms/" + a.id() + "/actions/take", "{}");
        page = c.get("/console/alarms/" + a.id()).body();
        assertThat(page).contains("Unconfirmed intruder alarms get no police response.");
        var other = f.login("op2");
        assertThat(other.get("/console/alarms/" + a.id()).body()).contains("is held by op1");
        HttpResponse<String> refused = other.form("/console/alarms/" + a.id() + "/close", "_csrf=" + enc(other.csrf) + "&cause=TEST");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("is held by op1; nothing changed.");
    }

    @Test
    void statisticsAndAuditAndOperatorsPagesByRole() throws Exception {
        var op = f.login("op1");
        assertThat(op.get("/console/statistics").body()).contains("unverified").contains("chart-take");
        assertThat(op.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(op.get("/console/operators").statusCode()).isEqualTo(403);
        var sup = f.login("sup");
        assertThat(sup.get("/console/audit").body()).contains("login");
        var admin = f.login("admin");
        HttpResponse<String> bad = admin.form("/console/operators", "_csrf=" + enc(admin.csrf) + "&username=x&displayName=&role=KING&password=short");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("invalid fields");
        HttpResponse<String> ok = admin.form("/console/operators", "_csrf=" + enc(admin.csrf)
                + "&username=op7&displayName=" + enc("<b>Seven</b>") + "&role=OPERATOR&password=" + enc("long enough pw"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/operators").body()).contains("&lt;b&gt;Seven&lt;/b&gt;");
    }

    @Test
    void loginFormRefusesOverLongInputAndUnsafeRedirects() throws Exception {
        var c = f.anonymous();
        HttpResponse<String> r = c.form("/console/login", "username=" + "u".repeat(65) + "&password=x");
        assertThat(r.statusCode()).isEqualTo(400);
        HttpResponse<String> ok = c.form("/console/login", "username=op1&password=" + enc(ConsoleFixture.PASSWORD) + "&next=" + enc("https://evil.example/"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElse("")).isEqualTo("/console/queue");
    }

    @Test
    void pagesForbidInlineScriptsFramingAndSniffing() throws Exception {
        HttpResponse<String> r = f.login("op1").get("/console/queue");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.body()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void firstStartCreatesAdminWithARandomPasswordOnlyOnce() throws Exception {
        javax.sql.DataSource db = ConsoleFixture.freshDatabase();
        ConsoleDatabase.migrate(db);
        var store = new org.vigil.arc.console.auth.OperatorStore(db);
        var hasher = new org.vigil.arc.console.auth.PasswordHasher(1000);
        var created = org.vigil.arc.console.auth.InitialAdministrator.ensure(store, hasher, java.util.Optional.empty(), f.clock.instant());
        assertThat(created).hasValueSatisfying(c -> {
            assertThat(c.generated()).isTrue();
            assertThat(c.password()).hasSize(20);
            assertThat(c.username()).isEqualTo("admin");
        });
        assertThat(store.find("admin").orElseThrow().role()).isEqualTo(org.vigil.arc.console.auth.Role.ADMINISTRATOR);
        assertThat(org.vigil.arc.console.auth.InitialAdministrator.ensure(store, hasher, java.util.Optional.empty(), f.clock.instant())).isEmpty();
    }

    @Test
    void staticFilesComeFromTheWebjarAndUnknownOnesAre404() throws Exception {
        var c = f.anonymous();
        assertThat(c.get("/console/static/htmx.min.js").body()).contains("htmx");
        assertThat(c.get("/console/static/console.js").statusCode()).isEqualTo(200);
        assertThat(c.get("/console/static/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
    }
}
