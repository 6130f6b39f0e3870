package org.vigil.arc.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigil.arc.testing.Dc09TestClient.encode;
import static org.vigil.arc.testing.Dc09TestClient.sia;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.KeyForm;
import org.vigil.arc.testing.Dc09TestClient;
import org.vigil.arc.testing.TestPostgres;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.event.EventCategory;

/** DC-09 over real sockets to a running receiver with a real PostgreSQL. */
class ReceiverIntegrationTest {
  static final String HEX_KEY = "000102030405060708090A0B0C0D0E0F";

  @TempDir Path dir;
  ArcService arc;
  String jdbcUrl;
  final List<StoredSignal> published = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    jdbcUrl = TestPostgres.newDatabase();
    arc = ArcService.start(ArcConfig.loopback(dir).withJdbc(jdbcUrl, null, null).withLimits(limits(Duration.ofSeconds(30))));
    arc.subscribe(published::add);
    arc.accounts().create(Account.of("1234"));
    arc.accounts().create(Account.of("5678").withKey(HEX_KEY, KeyForm.HEX));
    arc.reloadAccounts();
  }

  @AfterEach
  void stop() {
    if (arc != null) arc.close();
  }

  static ReceiverLimits limits(Duration idle) {
    return new ReceiverLimits(idle, 1000, 64, 1_000_000, org.vigil.protocol.dc09.Dc09Codec.MAX_FRAME_BYTES);
  }

  long count(String sql) throws Exception {
    try (Connection c = arc.signals().dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @Test
  void eventIsAcknowledgedAfterItIsStoredWithItsEvidenceAndPublished() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      byte[] frame = encode(sia("1234", 17, "#1234|Nri1/BA012", now()));
      Dc09Frame ack = Dc09TestClient.decode(panel.exchange(frame));
      assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
      assertThat(ack.sequence()).isEqualTo("0017");
      assertThat(ack.account()).isEqualTo("1234");
      assertThat(ack.line()).isEqualTo("1");
      // the ACK was sent after the commit: the row is there by now
      var signals = arc.signals().signals(null, 10);
      assertThat(signals).hasSize(1);
      var s = signals.get(0);
      assertThat(s.raw()).isEqualTo(frame);
      assertThat(s.response()).isNotEmpty();
      assertThat(s.path()).isEqualTo("L1");
      assertThat(s.panelTime()).isNotNull();
      assertThat(s.eventsJson()).contains("INTRUDER").contains("BA");
      await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
      StoredSignal p = published.get(0);
      assertThat(p.signalId()).isEqualTo(s.id());
      assertThat(p.origin()).isEqualTo(StoredSignal.Origin.PANEL);
      assertThat(p.events()).extracting(StoredEvent::category).containsExactly(EventCategory.INTRUDER);
    }
  }

  @Test
  void severalFramesOnOnePersistentConnectionAreEachAcknowledged() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      for (int i = 1; i <= 5; i++) {
        Dc09Frame ack = Dc09TestClient.decode(panel.exchange(encode(sia("1234", i, "#1234|NBA00" + i, now()))));
        assertThat(ack.sequence()).isEqualTo(String.format("%04d", i));
      }
    }
    assertThat(count("SELECT count(*) FROM signal")).isEqualTo(5);
  }

  @Test
  void thousandsOfFramesInOneWriteAreAllStoredAndAcknowledged() throws Exception {
    int n = 3000;
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    Instant t = now();
    for (int i = 0; i < n; i++) all.write(encode(sia("1234", 1 + i % 9999, "#1234|NBA" + (i + 1000), t)));
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      panel.send(all.toByteArray());
      int acks = 0;
      while (acks < n) {
        Optional<byte[]> r = panel.read();
        assertThat(r).as("ACK %d of %d", acks + 1, n).isPresent();
        assertThat(Dc09TestClient.decode(r.get()).id()).isEqualTo(Dc09Id.ACK);
        acks++;
      }
    }
    assertThat(count("SELECT count(*) FROM signal")).isEqualTo(n);
  }

  @Test
  void frameSplitByteByByteIsReassembled() throws Exception {
    byte[] frame = encode(sia("1234", 3, "#1234|NBA003", now()));
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      for (byte b : frame) {
        panel.send(new byte[] {b});
        Thread.sleep(1);
      }
      assertThat(Dc09TestClient.decode(panel.read().orElseThrow()).id()).isEqualTo(Dc09Id.ACK);
    }
  }

  @Test
  void randomBytesNeverTakeTheConnectionOrTheServiceDown() throws Exception {
    Random random = new Random(42);
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      byte[] junk = new byte[20_000];
      random.nextBytes(junk);
      panel.send(junk);
      panel.send(new byte[] {'\r'}); // end any frame the junk opened
      // whatever the junk got (NAKs for LF..CR pieces), a valid frame still gets its ACK
      panel.send(encode(sia("1234", 9, "#1234|NBA009", now())));
      boolean acked = false;
      for (int i = 0; i < 10_000 && !acked; i++) {
        Optional<byte[]> r = panel.read();
        assertThat(r).isPresent();
        acked = new String(r.get(), StandardCharsets.ISO_8859_1).contains("\"ACK\"0009");
      }
      assertThat(acked).isTrue();
    }
    assertThat(count("SELECT count(*) FROM signal")).isEqualTo(1);
  }

  @Test
  void frameOverTheMaximumLengthIsDroppedAndTheConnectionKeepsWorking() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      byte[] huge = new byte[org.vigil.protocol.dc09.Dc09Codec.MAX_FRAME_BYTES + 500];
      java.util.Arrays.fill(huge, (byte) 'A');
      huge[0] = '\n';
      huge[huge.length - 1] = '\r';
      panel.send(huge);
      byte[] ok = encode(sia("1234", 10, "#1234|NBA010", now()));
      Dc09Frame r = Dc09TestClient.decode(panel.exchange(ok));
      assertThat(r.id()).isEqualTo(Dc09Id.ACK);
      assertThat(r.sequence()).isEqualTo("0010");
    }
  }

  @Test
  void connectionThatNeverSendsIsClosedAfterTheIdleTimeout() throws Exception {
    arc.close();
    arc = ArcService.start(ArcConfig.loopback(dir).withJdbc(jdbcUrl, null, null).withLimits(limits(Duration.ofMillis(500))));
    try (Dc09TestClient silent = new Dc09TestClient(arc.dc09Port());
        Dc09TestClient talking = new Dc09TestClient(arc.dc09Port())) {
      // a connection that keeps talking (every 200 ms, idle timeout 500 ms) is not closed
      for (int i = 0; i < 6; i++) {
        Thread.sleep(200);
        assertThat(Dc09TestClient.decode(talking.exchange(encode(Dc09TestClient.nullPoll("1234", now())))).id())
            .isEqualTo(Dc09Id.ACK);
      }
      assertThat(silent.closedByServer(10_000)).isTrue();
    }
  }

  @Test
  void floodingConnectionIsThrottledWhileOthersAreServed() throws Exception {
    try (Dc09TestClient flood = new Dc09TestClient(arc.dc09Port());
        Dc09TestClient other = new Dc09TestClient(arc.dc09Port())) {
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      Instant t = now();
      for (int i = 0; i < 5000; i++) burst.write(encode(sia("1234", 1 + i % 9999, "#1234|NBA" + (i + 20000), t)));
      Thread flooder = Thread.ofPlatform().start(() -> {
        try {
          for (int k = 0; k < 4; k++) flood.send(burst.toByteArray());
        } catch (Exception ignored) {
          // the receiver may push back; that is the point
        }
      });
      long t0 = System.nanoTime();
      Dc09Frame r = Dc09TestClient.decode(other.exchange(encode(sia("1234", 1, "#1234|NHA001", now()))));
      assertThat(r.id()).isEqualTo(Dc09Id.ACK);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
      flooder.join(60_000);
    }
  }

  @Test
  void wrongKeyIsNakedAndKeptInTheUnknownAccountLog() throws Exception {
    Dc09Key wrong = Dc09Key.parse("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", org.vigil.protocol.dc09.KeyForm.HEX);
    Dc09Frame f = Dc09Frame.builder(Dc09Id.SIA_DCS).encrypted(true).sequence(4).line("1").account("5678")
        .data("#5678|NBA004").timestamp(now()).build();
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(encode(f, wrong))).id()).isEqualTo(Dc09Id.NAK);
    }
    assertThat(arc.signals().unknownFrames(10)).singleElement().satisfies(u -> {
      assertThat(u.reason()).isEqualTo("WRONG_KEY");
      assertThat(u.accountNumber()).isEqualTo("5678");
    });
    assertThat(count("SELECT count(*) FROM signal")).isZero();
  }

  @Test
  void encryptedFrameWithTheRightKeyGetsAnEncryptedAck() throws Exception {
    Dc09Key key = Dc09Key.parse(HEX_KEY, org.vigil.protocol.dc09.KeyForm.HEX);
    Dc09Frame f = Dc09Frame.builder(Dc09Id.SIA_DCS).encrypted(true).sequence(5).line("1").account("5678")
        .data("#5678|NBA005").timestamp(now()).build();
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      Dc09Frame ack = Dc09TestClient.decode(panel.exchange(encode(f, key)), key);
      assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
      assertThat(ack.encrypted()).isTrue();
    }
    assertThat(arc.signals().signals(null, 1).get(0).data()).isEqualTo("#5678|NBA005");
  }

  @Test
  void unknownAccountIsNakedButKeptForOperators() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      Dc09Frame r = Dc09TestClient.decode(panel.exchange(encode(sia("9999", 1, "#9999|NBA001", now()))));
      assertThat(r.id()).isEqualTo(Dc09Id.NAK);
    }
    assertThat(arc.signals().unknownFrames(10)).singleElement().satisfies(u -> {
      assertThat(u.reason()).isEqualTo("UNKNOWN_ACCOUNT");
      assertThat(u.accountNumber()).isEqualTo("9999");
      assertThat(new String(u.raw(), StandardCharsets.ISO_8859_1)).contains("#9999|NBA001");
    });
  }

  @Test
  void timestampAnHourOffIsNakedWithTheReceiverTimeAndNotStored() throws Exception {
    Instant before = now();
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      Dc09Frame nak = Dc09TestClient.decode(panel.exchange(encode(sia("1234", 6, "#1234|NBA006", now().minus(Duration.ofHours(1))))));
      assertThat(nak.id()).isEqualTo(Dc09Id.NAK);
      LocalDateTime t = nak.timestamp().orElseThrow();
      assertThat(t.toInstant(ZoneOffset.UTC)).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));
    }
    assertThat(count("SELECT count(*) FROM signal")).isZero();
  }

  @Test
  void retransmissionIsAcknowledgedAgainButStoredOnce() throws Exception {
    byte[] frame = encode(sia("1234", 42, "#1234|NBA042", now()));
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(frame)).id()).isEqualTo(Dc09Id.ACK);
    }
    // the panel missed the ACK and resends on a new connection (same sequence and content)
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(frame)).id()).isEqualTo(Dc09Id.ACK);
    }
    assertThat(count("SELECT count(*) FROM signal")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM retransmission r JOIN signal s ON s.id = r.signal_id")).isEqualTo(1);
  }

  @Test
  void udpFrameIsAcknowledgedToItsSender() throws Exception {
    Optional<byte[]> r = Dc09TestClient.udp(arc.dc09Port(), encode(sia("1234", 7, "#1234|NBA007", now())), 5000);
    assertThat(r).isPresent();
    assertThat(Dc09TestClient.decode(r.get()).id()).isEqualTo(Dc09Id.ACK);
    assertThat(arc.signals().signals(null, 1).get(0).connection()).startsWith("udp ");
  }

  @Test
  void nullPollIsAcknowledgedAndUpdatesThePathButIsNotASignal() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      Dc09Frame ack = Dc09TestClient.decode(panel.exchange(encode(Dc09TestClient.nullPoll("1234", now()))));
      assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
    }
    assertThat(count("SELECT count(*) FROM signal")).isZero();
    assertThat(count("SELECT count(*) FROM path_state WHERE path = 'L1' AND last_seen IS NOT NULL")).isEqualTo(1);
  }

  @Test
  void databaseOutageStopsAcksKeepsConnectionsAndLosesNothing() throws Exception {
    String db = TestPostgres.databaseName(jdbcUrl);
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(encode(sia("1234", 1, "#1234|NBA101", now())))).id())
          .isEqualTo(Dc09Id.ACK);
      TestPostgres.admin("ALTER DATABASE " + db + " WITH ALLOW_CONNECTIONS false");
      TestPostgres.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
      panel.send(encode(sia("1234", 2, "#1234|NBA102", now())));
      panel.timeout(2_000);
      assertThat(panel.read()).as("no ACK while the store is down").isEmpty();
      await().atMost(Duration.ofSeconds(10)).until(() -> !arc.batcher().storeAvailable());
      TestPostgres.admin("ALTER DATABASE " + db + " WITH ALLOW_CONNECTIONS true");
      panel.timeout(20_000);
      // same connection: the ACK arrives once the write has committed
      Dc09Frame ack = Dc09TestClient.decode(panel.read().orElseThrow());
      assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
      assertThat(ack.sequence()).isEqualTo("0002");
    }
    assertThat(count("SELECT count(*) FROM signal")).isEqualTo(2);
  }

  @Test
  void responsesAreNeverSentForBytesThatAreNotAFrame() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      panel.send("hello there, no LF here".getBytes(StandardCharsets.US_ASCII));
      panel.timeout(500);
      assertThat(panel.read()).isEmpty();
      List<String> kinds = new ArrayList<>();
      kinds.add(new String(panel.exchange(encode(sia("1234", 8, "#1234|NBA008", now()))), StandardCharsets.ISO_8859_1));
      assertThat(kinds.get(0)).contains("\"ACK\"0008");
    }
  }

  @Test
  void badCrcIsNakedAndNothingIsStored() throws Exception {
    byte[] frame = encode(sia("1234", 11, "#1234|NBA011", now()));
    frame[1] = (byte) (frame[1] == '0' ? '1' : '0'); // corrupt the CRC
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(frame)).id()).isEqualTo(Dc09Id.NAK);
    }
    assertThat(count("SELECT count(*) FROM signal")).isZero();
  }

  @Test
  void binaryCrcFromAnAccountThatDoesNotDeclareItIsAcceptedAndMarkedAsADeviation() throws Exception {
    Dc09Frame f = sia("1234", 12, "#1234|NBA012", now()).toBuilder().crcForm(org.vigil.protocol.dc09.CrcForm.BINARY).build();
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      Dc09Frame ack = Dc09TestClient.decode(panel.exchange(encode(f)));
      assertThat(ack.id()).isEqualTo(Dc09Id.ACK);
      assertThat(ack.crcForm()).as("answered in the form it came in").isEqualTo(org.vigil.protocol.dc09.CrcForm.BINARY);
    }
    assertThat(arc.signals().signals(null, 1).get(0).deviations()).contains("BINARY_CRC");
  }

  @Test
  void clearTextFromAnAccountThatRequiresEncryptionIsRefusedAndKept() throws Exception {
    Account a = arc.accounts().find("5678", "", "").orElseThrow();
    arc.accounts().update(new Account(a.id(), a.number(), "", "", "", "", "", a.key(), a.keyForm(), true, true, 40, 20,
        a.quirks(), a.supervision(), 30));
    arc.reloadAccounts();
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(encode(sia("5678", 13, "#5678|NBA013", now())))).id())
          .isEqualTo(Dc09Id.NAK);
    }
    assertThat(arc.signals().unknownFrames(10)).singleElement()
        .satisfies(u -> assertThat(u.reason()).isEqualTo("ENCRYPTION_REQUIRED"));
    assertThat(count("SELECT count(*) FROM signal")).isZero();
  }

  @Test
  void contactIdEventsArePublishedWithTheirCategory() throws Exception {
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(encode(Dc09TestClient.cid("1234", 14, "#1234|1121 01 007", now()))))
          .id()).isEqualTo(Dc09Id.ACK);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
    assertThat(published.get(0).events()).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.DURESS);
      assertThat(e.code()).isEqualTo("121");
      assertThat(e.qualifier()).isEqualTo(1);
    });
  }
}
