package org.vigil.app.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.KeyForm;

/** The generator against our ARC: accounts provisioned through its API, ACKs after commit verified. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadgenAgainstArcTest {
  @TempDir static Path data;
  ArcService arc;

  @BeforeAll
  void start() throws Exception {
    arc = ArcService.start(ArcConfig.loopback(data));
  }

  @AfterAll
  void stop() {
    arc.close();
  }

  LoadgenConfig config(List<SimulatedAccount> accounts, Mode mode) throws Exception {
    return new LoadgenConfig(new InetSocketAddress("127.0.0.1", arc.dc09Port()), accounts, mode, 100, Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(5), List.of(InetAddress.getByName("127.0.0.1")),
        false, 1, 3);
  }

  @Test
  void provisionedEncryptedPanelsGetEveryFrameAcknowledgedAfterCommit() throws Exception {
    Dc09Key key = Dc09Key.parse(LoadgenCommand.DEFAULT_KEY, KeyForm.HEX);
    List<SimulatedAccount> accounts = AccountProvisioner.generate("AES", 10, key);
    String answer = AccountProvisioner.provision(URI.create("http://127.0.0.1:" + arc.httpPort()), accounts);
    assertThat(answer).contains("10");
    for (Mode mode : Mode.values()) {
      LoadReport r;
      try (LoadGenerator g = new LoadGenerator(config(accounts, mode), null)) {
        r = g.run(null);
      }
      assertThat(r.encrypted()).isTrue();
      assertThat(r.acked()).as(mode + " " + r.summary()).isPositive();
      assertThat(r.errors()).as(mode + " " + r.summary()).isZero();
      assertThat(r.outstanding()).as(mode.toString()).isZero();
      // One message in flight per panel, as a panel does: nothing is resent while the ARC answers in time.
      assertThat(r.retransmissions()).as(mode + " " + r.summary()).isZero();
      assertThat(r.lateAcks()).as(mode.toString()).isZero();
    }
    long stored = arc.signals().signals(null, 10_000).stream().filter(s -> s.toString().contains("AES")).count();
    assertThat(stored).isPositive();
  }

  /** An account the ARC does not know is NAKed (and retried like a panel would): counted, never ACKed. */
  @Test
  void unknownAccountsAreNakedAndCounted() throws Exception {
    List<SimulatedAccount> accounts = AccountProvisioner.generate("NOPE", 2, null);
    LoadgenConfig c = new LoadgenConfig(new InetSocketAddress("127.0.0.1", arc.dc09Port()), accounts, Mode.TCP, 10,
        Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(5), List.of(InetAddress.getByName("127.0.0.1")),
        false, 1, 3);
    LoadReport r;
    try (LoadGenerator g = new LoadGenerator(c, null)) {
      r = g.run(null);
    }
    assertThat(r.nakked()).isPositive();
    assertThat(r.acked()).isZero();
    assertThat(r.outstanding()).isPositive();
  }
}
