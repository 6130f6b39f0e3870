package org.vigil.app.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACK after commit, end to end: {@code vigil arc} (its own JVM, embedded PostgreSQL) is killed with
 * SIGKILL while the load generator's panels stream events at it; a new process starts on the same
 * data folder; the generator reconnects and resends whatever was not acknowledged. Then every
 * acknowledged frame is stored exactly once and so is every other frame sent.
 */
class CrashWithoutLossTest {
  @TempDir Path data;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void sigkillUnderLoadLosesNoAcknowledgedFrameAndStoresEveryResentFrameOnce() throws Exception {
    List<SimulatedAccount> accounts = AccountProvisioner.generate("CR", 40, null);
    Set<String> sent = ConcurrentHashMap.newKeySet();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    LoadGenerator.Listener listener = new LoadGenerator.Listener() {
      @Override
      public void sent(String account, int sequence, String d) {
        sent.add(account + " " + d);
      }

      @Override
      public void acked(String account, int sequence, String d) {
        acked.add(account + " " + d);
      }
    };
    ArcProcess first = ArcProcess.start(data);
    ArcProcess second = null;
    try {
      AccountProvisioner.provision(first.http(), accounts);
      LoadgenConfig config = new LoadgenConfig(first.dc09(), accounts, Mode.TCP, 0, Duration.ZERO,
          Duration.ofMinutes(4), Duration.ofSeconds(90), Duration.ofSeconds(2),
          List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")), false, 1, 7);
      try (LoadGenerator g = new LoadGenerator(config, listener)) {
        AtomicReference<LoadReport> report = new AtomicReference<>();
        Thread runner = Thread.ofPlatform().start(() -> {
          try {
            report.set(g.run(null));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        awaitAcked(g, 400, Duration.ofSeconds(90));
        first.kill();
        Set<String> ackedBeforeKill = Set.copyOf(acked);
        long ackedAtKill = g.acked();
        assertThat(g.outstanding()).as("frames in flight at the kill").isPositive();

        second = ArcProcess.start(data); // stops the orphaned PostgreSQL, recovers, listens on a new port
        g.retarget(second.dc09());
        awaitAcked(g, ackedAtKill + 400, Duration.ofSeconds(90));
        g.stop();
        runner.join(Duration.ofSeconds(120));
        LoadReport r = report.get();
        assertThat(r).isNotNull();
        assertThat(r.outstanding()).as("every frame acknowledged in the end").isZero();
        assertThat(r.retransmissions()).as("the generator resent what the killed ARC had not answered").isPositive();

        Map<String, Integer> stored = storedCounts(ArcProcess.jdbcUrl(data));
        for (String k : ackedBeforeKill) assertThat(stored.get(k)).as("ACKed before the kill: %s", k).isEqualTo(1);
        for (String k : sent) assertThat(stored.get(k)).as("sent: %s", k).isEqualTo(1);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(acked).containsExactlyInAnyOrderElementsOf(sent);
      }
    } finally {
      first.kill();
      if (second != null) second.close();
    }
  }

  static void awaitAcked(LoadGenerator g, long n, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (g.acked() < n && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(g.acked()).as("ACKs").isGreaterThanOrEqualTo(n);
  }

  static Map<String, Integer> storedCounts(String url) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT account_number, data, count(*) FROM signal WHERE origin = 'PANEL' GROUP BY 1, 2")) {
      while (rs.next()) out.put(rs.getString(1) + " " + rs.getString(2), rs.getInt(3));
    }
    return out;
  }
}
