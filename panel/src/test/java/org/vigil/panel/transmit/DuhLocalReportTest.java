package org.vigil.panel.transmit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.transmission.PathSupervision;
import org.vigil.panel.eventlog.EventClass;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.service.TransmitterUplink;
import org.vigil.panel.store.OutboundQueue;

/**
 * Issue 9 "DUH: record, report locally, do not retry forever", end to end in the panel service:
 * receivers that answer DUH to everything, real sockets.
 */
class DuhLocalReportTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void signalRefusedWithDuhIsInTheMandatoryEventLogOnTheKeypadsAndKeptInTheQueueFile(@TempDir Path dir) throws Exception {
    try (FakeReceiver a = new FakeReceiver(null); FakeReceiver b = new FakeReceiver(null)) {
      a.mode = FakeReceiver.Mode.DUH;
      b.mode = FakeReceiver.Mode.DUH;
      SiteConfig site = Sites.load("bank.yaml").withTransmission(Paths.dual(a.port(), b.port(), TransmitterTest.POLL, TransmitterTest.FAIL));
      Path queueFile = dir.resolve("outbound.queue");
      try (TransmitterUplink up = TransmitterUplink.start(site.transmission(), queueFile, InstantSource.system(), TransmitterTest.FAST);
          PanelService panel = PanelService.start(site, dir, InstantSource.system(), up)) {
        up.attach(panel::submit);
        // The restart report (305) raised at boot is refused by both receivers and given up.
        await().atMost(WAIT).until(() -> panel.eventLog().entries().stream().anyMatch(e -> e.rule().equals(PathSupervision.RULE_GIVEN_UP)));
        var entry = panel.eventLog().entries().stream().filter(e -> e.rule().equals(PathSupervision.RULE_GIVEN_UP)).findFirst().orElseThrow();
        assertThat(entry.eventClass()).isEqualTo(EventClass.MANDATORY);
        assertThat(entry.userVisible()).isTrue();
        assertThat(entry.message()).contains("Contact ID 305").contains("kept in the outbound queue file");
        assertThat(panel.display("kp-hall")).contains(PathSupervision.GIVEN_UP_DISPLAY);
        assertThat(up.describe()).contains("FAULT").contains("refused by the ARC (DUH)");
        // Bounded: the event and its 354 are each given up once, nothing is retried forever.
        await().atMost(WAIT).until(() -> up.transmitter().givenUp().size() == 2);
        Thread.sleep(1000);
        assertThat(up.transmitter().givenUp()).hasSize(2);
        assertThat(up.transmitter().pending()).isEmpty();
      }
      // After a restart the refused signals are still on the panel's disk, and are not sent again.
      try (OutboundQueue q = OutboundQueue.open(queueFile)) {
        assertThat(q.givenUp()).hasSize(2);
        assertThat(q.pending()).isEmpty();
      }
    }
  }

  @Test
  void inputsRaisedBeforeThePanelIsAttachedAreHeldNotLost(@TempDir Path dir) throws Exception {
    int dead = TransmitterTest.freePort();
    SiteConfig site = Sites.load("bank.yaml").withTransmission(Paths.single(TransmitterTest.tcp("ip", org.vigil.panel.config.TransmissionPath.Role.PRIMARY,
        dead, org.vigil.panel.config.TransmissionPath.Format.SIA_DCS, null)));
    try (TransmitterUplink up = TransmitterUplink.start(site.transmission(), dir.resolve("q"), InstantSource.system(), TransmitterTest.FAST)) {
      await().atMost(WAIT).until(() -> !up.transmitter().state().path("ip").up());
      java.util.List<Input> got = new java.util.concurrent.CopyOnWriteArrayList<>();
      up.attach(got::add);
      assertThat(got).contains(new Input.PathChanged("ip", false));
    }
  }

  @Test
  void panelTransmissionFeedsTheRefusedSignalBackToItsEngine(@TempDir Path dir) throws Exception {
    try (FakeReceiver a = new FakeReceiver(null); FakeReceiver b = new FakeReceiver(null)) {
      a.mode = FakeReceiver.Mode.DUH;
      b.mode = FakeReceiver.Mode.DUH;
      SiteConfig site = Sites.load("bank.yaml").withTransmission(Paths.dual(a.port(), b.port(), TransmitterTest.POLL, TransmitterTest.FAIL));
      try (OutboundQueue q = OutboundQueue.open(dir.resolve("q"));
          PanelTransmission panel = PanelTransmission.start(site, q, TransmitterTest.FAST, InstantSource.system(), new Transmitter.Listener() {})) {
        panel.input(new Input.TamperOpen(site.detectors().get(0).id()));
        await().atMost(WAIT).until(() -> panel.logEntries().stream().anyMatch(l -> l.rule().equals(PathSupervision.RULE_GIVEN_UP)));
        assertThat(panel.display("kp-hall")).contains(PathSupervision.GIVEN_UP_DISPLAY);
        await().atMost(WAIT).until(() -> panel.transmitter().givenUp().size() == 2);
        assertThat(panel.transmitter().givenUp().get(0).id()).isEqualTo(1);
      }
    }
  }
}
