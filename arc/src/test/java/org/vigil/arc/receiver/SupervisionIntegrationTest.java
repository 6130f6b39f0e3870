package org.vigil.arc.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.SupervisedPath;
import org.vigil.arc.testing.Dc09TestClient;
import org.vigil.arc.testing.MutableClock;
import org.vigil.arc.testing.TestPostgres;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.event.EventCategory;

/** NULL supervision end to end: missed polls raise an ARC path-fault signal, stored then published. */
class SupervisionIntegrationTest {
  @TempDir Path dir;
  ArcService arc;
  MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final List<StoredSignal> published = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    ArcConfig c = ArcConfig.loopback(dir).withJdbc(TestPostgres.newDatabase(), null, null);
    arc = ArcService.start(new ArcConfig(c.dc09(), null, dir, c.jdbcUrl(), null, null, c.limits(), c.retransmissionWindow(),
        c.maxBatch(), c.queueCapacity(), 2, true, Duration.ofMillis(50), Duration.ofSeconds(5)), clock);
    arc.subscribe(published::add);
    arc.accounts().create(new Account(0, "1234", "", "", "Bank branch", "", "", null, null, false, true, 40, 20, Set.of(),
        List.of(new SupervisedPath("L1", 60, "ethernet")), 30));
    arc.reloadAccounts();
  }

  @AfterEach
  void stop() {
    arc.close();
  }

  void poll() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(Dc09TestClient.encode(Dc09TestClient.nullPoll("1234", clock.instant()))))
          .id()).isEqualTo(Dc09Id.ACK);
    }
  }

  boolean faulted() throws Exception {
    try (Connection c = arc.signals().dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT faulted FROM path_state WHERE path = 'L1'")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  @Test
  void missedPollsRaiseAPathFaultSignalAndTheNextPollRestoresIt() throws Exception {
    poll();
    clock.advance(Duration.ofSeconds(89));
    Thread.sleep(300); // several supervision ticks
    assertThat(published).isEmpty();

    clock.advance(Duration.ofSeconds(2)); // 91 s > 60 s interval + 30 s grace
    await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
    StoredSignal fault = published.get(0);
    assertThat(fault.origin()).isEqualTo(StoredSignal.Origin.ARC);
    assertThat(fault.path()).isEqualTo("L1");
    assertThat(fault.technology()).isEqualTo("ethernet");
    assertThat(fault.events()).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.ATS_FAULT);
      assertThat(e.code()).isEqualTo("PATH_FAULT");
      assertThat(e.restore()).isFalse();
      assertThat(e.text()).contains("supervision");
    });
    // stored before it was published
    assertThat(arc.signals().signals(null, 10)).anySatisfy(s -> {
      assertThat(s.id()).isEqualTo(fault.signalId());
      assertThat(s.origin()).isEqualTo("ARC");
    });
    assertThat(faulted()).isTrue();

    poll();
    await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 2);
    assertThat(published.get(1).events()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("PATH_RESTORE");
      assertThat(e.restore()).isTrue();
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> !faulted());
  }
}
