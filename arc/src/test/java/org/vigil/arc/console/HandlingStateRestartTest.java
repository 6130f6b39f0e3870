package org.vigil.arc.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.console.auth.Role;
import org.vigil.arc.console.queue.ActionResult;
import org.vigil.arc.console.queue.Actor;
import org.vigil.arc.console.queue.AlarmCommand;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.CallbackOutcome;
import org.vigil.arc.console.queue.CloseCause;
import org.vigil.arc.console.queue.Designation;
import org.vigil.arc.testing.Dc09TestClient;
import org.vigil.arc.testing.MutableClock;
import org.vigil.arc.testing.TestPostgres;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;

/**
 * The ARC's alarm handling survives a restart: the real receiver, store and console over one PostgreSQL database,
 * stopped and started again on the same data with a hand-moved clock (the engine's timers never see wall time).
 */
class HandlingStateRestartTest {
    /** A Monday evening: within no agreed period, so the 120 s filter applies by default. */
    static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");
    static final Actor OP = new Actor("op1", Role.OPERATOR);

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(T0);
    final String jdbc = TestPostgres.newDatabase();
    ArcService arc;
    ArcConsole console;
    int seq;

    void start() throws Exception {
        arc = ArcService.start(ArcConfig.loopback(dir).withJdbc(jdbc, null, null), clock);
        if (arc.directory().all().isEmpty()) {
            arc.accounts().create(Account.of("1234"));
            arc.reloadAccounts();
        }
        console = ArcConsole.attach(arc, new ArcConsole.Options(new InetSocketAddress("127.0.0.1", 0), Optional.of("restart test password"), 1000), l -> {});
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().knows("1234"));
    }

    void stop() {
        if (console != null) console.close();
        if (arc != null) arc.close();
        console = null;
        arc = null;
    }

    void restart() throws Exception {
        stop();
        clock.advance(Duration.ofSeconds(20)); // the ARC is down for a while
        start();
    }

    @AfterEach
    void tearDown() {
        stop();
    }

    void send(String data) throws Exception {
        try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
            Dc09Frame ack = Dc09TestClient.decode(panel.exchange(Dc09TestClient.encode(Dc09TestClient.sia("1234", ++seq, data, clock.instant()))));
            assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
        }
    }

    AlarmView alarm(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().find(id).isPresent());
        return console.desk().find(id).orElseThrow();
    }

    /** Waits until the handling thread has judged everything queued so far. */
    void settle(long signals) {
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().lastSignalId("1234") >= signals);
    }

    @Test
    void unconfirmedIntruderAlarmInItsFilterIsBackAfterRestartAndAnUnsetStillCancelsItBs8243_7_5_3() throws Exception {
        start();
        send("#1234|NCL001"); // set
        clock.advance(Duration.ofSeconds(60));
        Instant first = clock.instant();
        send("#1234|NBA003");
        AlarmView before = alarm("1234-1");
        assertThat(before.state()).isEqualTo(AlarmView.State.OPEN);
        assertThat(before.designation()).isEqualTo(Designation.UNCONFIRMED);
        assertThat(before.filterUntil()).isEqualTo(first.plusSeconds(120));

        restart();

        AlarmView after = alarm("1234-1");
        assertThat(after.state()).isEqualTo(AlarmView.State.OPEN);
        assertThat(after.designation()).isEqualTo(before.designation());
        assertThat(after.filterUntil()).as("filter still measured from the first signal").isEqualTo(first.plusSeconds(120));
        assertThat(console.desk().open()).extracting(AlarmView::id).containsExactly("1234-1");
        assertThat(after.signals()).as("shown as received").extracting(AlarmView.Signal::code, AlarmView.Signal::zone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BA", "003"));

        clock.advance(Duration.between(clock.instant(), first.plusSeconds(100)));
        send("#1234|NOP001"); // unset within the filter
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().find("1234-1").orElseThrow().state() == AlarmView.State.CLOSED);
        AlarmView cancelled = console.desk().find("1234-1").orElseThrow();
        assertThat(cancelled.designation()).isEqualTo(Designation.FALSE_ALERT);
        assertThat(cancelled.closeCause()).isEqualTo(CloseCause.FALSE_ALERT);
        assertThat(console.desk().open()).isEmpty();
    }

    @Test
    void alarmClosedByAnOperatorBeforeRestartDoesNotReappear() throws Exception {
        start();
        send("#1234|NHA001");
        alarm("1234-1");
        assertThat(console.desk().act("1234-1", OP, new AlarmCommand.Take(), null, clock.instant())).isInstanceOf(ActionResult.Done.class);
        assertThat(console.desk().act("1234-1", OP, new AlarmCommand.RecordCallback(CallbackOutcome.SPOKE_WRONG_PASSWORD, ""), null, clock.instant()))
                .isInstanceOf(ActionResult.Done.class);
        assertThat(console.desk().act("1234-1", OP, new AlarmCommand.Close(CloseCause.GENUINE, "police attended"), null, clock.instant()))
                .isInstanceOf(ActionResult.Done.class);

        restart();

        assertThat(console.desk().open()).isEmpty();
        AlarmView closed = console.desk().find("1234-1").orElseThrow();
        assertThat(closed.state()).isEqualTo(AlarmView.State.CLOSED);
        assertThat(closed.closeCause()).isEqualTo(CloseCause.GENUINE);
    }

    @Test
    void takenAtPageVersionsAndDispatchTimeSurviveARestartSoAStalePageIsStillRefused() throws Exception {
        start();
        send("#1234|NHA001");
        alarm("1234-1");
        Instant taken = clock.instant();
        assertThat(console.desk().act("1234-1", OP, new AlarmCommand.Take(), null, taken)).isInstanceOf(ActionResult.Done.class);
        long pageVersion = console.desk().find("1234-1").orElseThrow().version(); // an operator's page shows this
        clock.advance(Duration.ofSeconds(30));
        assertThat(console.desk().act("1234-1", OP, new AlarmCommand.RecordCallback(CallbackOutcome.SPOKE_WRONG_PASSWORD, ""), null, clock.instant()))
                .isInstanceOf(ActionResult.Done.class);
        AlarmView before = console.desk().find("1234-1").orElseThrow();
        assertThat(before.version()).isGreaterThan(pageVersion);

        restart();

        AlarmView after = alarm("1234-1");
        assertThat(after.heldBy()).isEqualTo("op1");
        assertThat(after.takenAt()).as("taken at, not the alarm's open time").isEqualTo(taken);
        assertThat(after.version()).as("page versions go on from where they were").isEqualTo(before.version());
        assertThat(console.desk().act("1234-1", OP, new AlarmCommand.Close(CloseCause.GENUINE, ""), pageVersion, clock.instant()))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(ActionResult.Reason.STALE));
        assertThat(console.desk().find("1234-1").orElseThrow().open()).isTrue();
    }

    @Test
    void aStalePageActingOnAnAlarmClosedBeforeTheRestartGetsAClearMessageOverTheApi() throws Exception {
        start();
        try (Connection c = arc.signals().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO console_account_profile (account_number, urn_hold_up) VALUES ('1234', 'AB/1/H')")) {
            ps.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> "AB/1/H".equals(console.desk().profile("1234").orElseThrow().holdUpUrn()));
        send("#1234|NHA001");
        alarm("1234-1");
        console.desk().act("1234-1", OP, new AlarmCommand.Take(), null, clock.instant());
        console.desk().act("1234-1", OP, new AlarmCommand.RecordCallback(CallbackOutcome.SPOKE_WRONG_PASSWORD, ""), null, clock.instant());
        long pageVersion = console.desk().find("1234-1").orElseThrow().version();
        clock.advance(Duration.ofSeconds(40));
        console.desk().act("1234-1", OP, new AlarmCommand.DispatchPolice(""), null, clock.instant());
        Instant dispatched = clock.instant();
        console.desk().act("1234-1", OP, new AlarmCommand.Close(CloseCause.GENUINE, ""), null, clock.instant());

        restart();

        AlarmView closed = alarm("1234-1");
        assertThat(closed.closedBy()).isEqualTo("op1");
        assertThat(closed.police().dispatchedAt()).isEqualTo(dispatched);
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + console.port() + "/console/api";
        var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/session")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"restart test password\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(201);
        String csrf = org.vigil.arc.console.web.Json.MAPPER.readTree(login.body()).get("csrfToken").asText();
        var stale = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/alarms/1234-1/actions/inform-keyholder"))
                .header("Content-Type", "application/json").header(ConsoleModule.CSRF_HEADER, csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"version\":" + pageVersion + ",\"keyholder\":\"Kim\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"reason\":\"CLOSED\"").contains("was closed by op1").contains("nothing changed");
    }

    @Test
    void anAlarmClosedSoLongAgoThatTheEngineNoLongerKeepsItIsStillReportedAsClosed() throws Exception {
        start();
        for (int i = 1; i <= org.vigil.arc.handling.AccountState.KEEP_CLOSED + 2; i++) {
            send("#1234|NHA001");
            String id = "1234-" + i;
            alarm(id);
            console.desk().act(id, OP, new AlarmCommand.Take(), null, clock.instant());
            console.desk().act(id, OP, new AlarmCommand.Close(CloseCause.TEST, ""), null, clock.instant());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(console.desk().find("1234-1")).as("trimmed from the engine's state").isEmpty();

        restart();

        assertThat(console.desk().act("1234-1", OP, new AlarmCommand.Take(), 3L, clock.instant()))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(ActionResult.Reason.CLOSED);
                    assertThat(r.message()).contains("was closed by op1");
                });
        assertThat(console.desk().act("1234-99", OP, new AlarmCommand.Take(), null, clock.instant()))
                .isInstanceOfSatisfying(ActionResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(ActionResult.Reason.NOT_FOUND));
    }

    @Test
    void signalCommittedAfterTheLastSnapshotIsReplayedOnceAtStart() throws Exception {
        start();
        send("#1234|NCL001"); // set
        settle(1);
        byte[] state;
        long last;
        try (Connection c = arc.signals().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, last_signal_id FROM handling_state WHERE account_id = '1234'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            state = rs.getBytes(1);
            last = rs.getLong(2);
        }
        clock.advance(Duration.ofSeconds(5));
        send("#1234|NBA003");
        alarm("1234-1");
        stop();
        // As if the ARC crashed after committing the burglary signal but before writing its snapshot.
        try (Connection c = java.sql.DriverManager.getConnection(jdbc);
             PreparedStatement ps = c.prepareStatement("UPDATE handling_state SET state = ?, last_signal_id = ? WHERE account_id = '1234'")) {
            ps.setBytes(1, state);
            ps.setLong(2, last);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        start();

        assertThat(console.desk().open()).extracting(AlarmView::id).containsExactly("1234-1");
        AlarmView replayed = alarm("1234-1");
        assertThat(replayed.signals()).extracting(AlarmView.Signal::code).containsExactly("BA");
        assertThat(replayed.raisedAt()).as("judged at its receive time").isEqualTo(T0.plusSeconds(5));
        // a later live signal is handled once too, and the replayed one is not handled again
        clock.advance(Duration.ofSeconds(5));
        send("#1234|NBA004");
        await().atMost(Duration.ofSeconds(10)).until(() -> console.desk().lastSignalId("1234") > last + 1);
        assertThat(console.desk().open().stream().flatMap(x -> x.signals().stream()).map(AlarmView.Signal::zone))
                .as("each stored signal once").containsExactlyInAnyOrder("003", "004");
    }

    @Test
    void unreadableSnapshotIsLoggedAndTheAccountIsRebuiltFromItsLast24hOfSignals() throws Exception {
        start();
        send("#1234|NHA001");
        alarm("1234-1");
        settle(1);
        stop();
        try (Connection c = java.sql.DriverManager.getConnection(jdbc);
             PreparedStatement ps = c.prepareStatement("UPDATE handling_state SET state = ? WHERE account_id = '1234'")) {
            ps.setBytes(1, "not a snapshot".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        start();

        AlarmView rebuilt = alarm("1234-1");
        assertThat(rebuilt.state()).isEqualTo(AlarmView.State.OPEN);
        assertThat(rebuilt.signals()).extracting(AlarmView.Signal::code).containsExactly("HA");
        assertThat(rebuilt.raisedAt()).isEqualTo(T0);
    }
}
