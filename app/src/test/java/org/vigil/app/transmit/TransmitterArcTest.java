package org.vigil.app.transmit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.KeyForm;
import org.vigil.arc.store.SignalStore;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Input;
import org.vigil.panel.store.OutboundQueue;
import org.vigil.panel.transmit.PanelTransmission;
import org.vigil.panel.transmit.TransmitSettings;

/** The panel's transmitter against our own ARC receiver over loopback sockets (TCP and UDP, AES). */
class TransmitterArcTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final TransmitSettings FAST = new TransmitSettings(
      Duration.ofMillis(500), 2, Duration.ofMillis(50), Duration.ofMillis(200), 2, 2, Duration.ofMillis(500));
  static final String KEY = "000102030405060708090A0B0C0D0E0F";

  @TempDir static Path arcDir;
  static ArcService arc;

  @BeforeAll
  static void startArc() throws Exception {
    arc = ArcService.start(ArcConfig.loopback(arcDir));
    arc.accounts().create(Account.of("1234"));
    arc.accounts().create(Account.of("5A21").withKey(KEY, KeyForm.HEX));
    arc.reloadAccounts();
  }

  @AfterAll
  static void stopArc() {
    if (arc != null) arc.close();
  }

  static List<SignalStore.SignalView> eventsFor(String account) throws Exception {
    return arc.signals().signals(null, 1000).stream()
        .filter(s -> account.equalsIgnoreCase(s.accountNumber()) && s.token() != null && !s.token().contains("NULL"))
        .toList();
  }

  static int deadPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void detectorTamperReachesTheArcAndIsStoredBeforeTheAck(@TempDir Path panelDir) throws Exception {
    SiteConfig shop = PanelToArc.site("shop.yaml", "arc.example.net:12000", "127.0.0.1:" + arc.dc09Port());
    PanelToArc.Recorder rec = new PanelToArc.Recorder();
    try (OutboundQueue q = OutboundQueue.open(panelDir.resolve("queue"));
        PanelTransmission panel = PanelTransmission.start(shop, q, FAST, InstantSource.system(), rec)) {
      int before = eventsFor("1234").size();
      panel.input(new Input.TamperOpen("pir-shop"));
      panel.input(new Input.TamperRestored("pir-shop"));
      await().atMost(WAIT).until(() -> rec.delivered.size() == 2);
      // ACK only after the durable write: the rows are there when the panel hears the ACK.
      List<SignalStore.SignalView> rows = eventsFor("1234");
      assertThat(rows).hasSize(before + 2);
      assertThat(rows.get(1).data()).contains("TA002");
      assertThat(rows.get(0).data()).contains("TR002");
      assertThat(q.pending()).isEmpty();
      assertThat(rec.pathChanges).isEmpty();
    }
  }

  @Test
  void dualPathWithTheEncryptedPrimaryDeadFailsOverToTheUdpSecondaryAndReportsThePathFault(@TempDir Path panelDir) throws Exception {
    int dead = deadPort();
    SiteConfig bank = PanelToArc.site("bank.yaml",
        "arc1.example.net:12000", "127.0.0.1:" + dead,
        "arc2.example.net:12000", "127.0.0.1:" + arc.dc09Port(),
        "failure_time: 180s", "failure_time: 3s",
        "poll_interval: 90s", "poll_interval: 1s");
    PanelToArc.Recorder rec = new PanelToArc.Recorder();
    try (OutboundQueue q = OutboundQueue.open(panelDir.resolve("queue"));
        PanelTransmission panel = PanelTransmission.start(bank, q, FAST, InstantSource.system(), rec)) {
      panel.input(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));
      await().atMost(WAIT).until(() -> rec.delivered.size() >= 1);
      assertThat(rec.deliveredPaths.get(0)).isEqualTo("lte");
      // The primary (ethernet) is declared failed and the fault (Contact ID 351 / SIA NT) reaches the ARC over lte.
      await().atMost(WAIT).until(() -> rec.pathChanges.contains("eth down"));
      await().atMost(WAIT).until(() -> eventsFor("5A21").stream().anyMatch(s -> s.data().contains("NT")));
      assertThat(eventsFor("5A21")).allSatisfy(s -> assertThat(s.encrypted()).isTrue());
      assertThat(eventsFor("5A21").stream().map(SignalStore.SignalView::data)).anySatisfy(d -> assertThat(d).contains("HA040"));
    }
  }

  @Test
  void panelKilledWithEventsQueuedSendsThemAfterRestartEachStoredOnce(@TempDir Path panelDir) throws Exception {
    int dead = deadPort();
    Path queue = panelDir.resolve("queue");
    SiteConfig unreachable = PanelToArc.site("shop.yaml", "arc.example.net:12000", "127.0.0.1:" + dead);
    try (OutboundQueue q = OutboundQueue.open(queue);
        PanelTransmission panel = PanelTransmission.start(unreachable, q, FAST, InstantSource.system(), new PanelToArc.Recorder())) {
      for (int i = 0; i < 5; i++) {
        panel.input(new Input.FaultRaised("pir-shop"));
        panel.input(new Input.FaultCleared("pir-shop"));
      }
      assertThat(q.pending()).hasSize(10);
    } // killed: only what submit() had already forced to disk survives, which is everything raised
    int before = eventsFor("1234").size();
    SiteConfig shop = PanelToArc.site("shop.yaml", "arc.example.net:12000", "127.0.0.1:" + arc.dc09Port());
    PanelToArc.Recorder rec = new PanelToArc.Recorder();
    try (OutboundQueue q = OutboundQueue.open(queue);
        PanelTransmission panel = PanelTransmission.start(shop, q, FAST, InstantSource.system(), rec)) {
      assertThat(q.pending()).hasSize(10);
      await().atMost(WAIT).until(() -> rec.delivered.size() == 10);
      assertThat(rec.delivered).extracting(e -> e.sequence()).isSorted();
      List<SignalStore.SignalView> rows = eventsFor("1234");
      List<String> seqs = rows.subList(0, rows.size() - before).stream().map(SignalStore.SignalView::sequence).toList();
      assertThat(seqs).hasSize(10).doesNotHaveDuplicates();
      assertThat(q.pending()).isEmpty();
    }
  }

  @Test
  void receiverPairWithTheFirstReceiverDeadDeliversToOurArcAsTheSecondAndThePathStaysUp(@TempDir Path panelDir) throws Exception {
    int dead = deadPort();
    SiteConfig shop = PanelToArc.site("shop.yaml", "host: arc.example.net:12000",
        "host: [\"127.0.0.1:" + dead + "\", \"127.0.0.1:" + arc.dc09Port() + "\"]");
    assertThat(shop.transmission().paths().get(0).destinations()).hasSize(2);
    PanelToArc.Recorder rec = new PanelToArc.Recorder();
    try (OutboundQueue q = OutboundQueue.open(panelDir.resolve("queue"));
        PanelTransmission panel = PanelTransmission.start(shop, q, FAST, InstantSource.system(), rec)) {
      int before = eventsFor("1234").size();
      // A device no other test of this class uses: the ARC drops a repeat of (account, sequence, data).
      panel.input(new Input.TamperOpen("pir-stock"));
      await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
      assertThat(eventsFor("1234")).hasSize(before + 1);
      assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains("acknowledged by 127.0.0.1:" + arc.dc09Port()));
      assertThat(rec.pathChanges).isEmpty();
    }
  }
}
