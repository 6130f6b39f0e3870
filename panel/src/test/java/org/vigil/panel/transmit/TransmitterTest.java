package org.vigil.panel.transmit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.config.TransmissionPath.Format;
import org.vigil.panel.config.TransmissionPath.Role;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.store.OutboundQueue;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Responses;
import org.vigil.protocol.dc09.Dc09Result;

/** The transmitter over real loopback sockets against small receiver doubles, one per bad condition. */
class TransmitterTest {
  static final Duration POLL = Duration.ofMillis(300);
  static final Duration FAIL = Duration.ofMillis(1500);
  static final Duration WAIT = Duration.ofSeconds(20);
  static final TransmitSettings FAST = new TransmitSettings(
      Duration.ofMillis(300), 2, Duration.ofMillis(50), Duration.ofMillis(200), 2, 2, Duration.ofMillis(500));

  @TempDir Path dir;
  final List<AutoCloseable> closeMe = new ArrayList<>();

  /** Records what the transmitter reports. */
  static final class Recorder implements Transmitter.Listener {
    final List<String> pathChanges = new CopyOnWriteArrayList<>();
    final List<QueuedEvent> delivered = new CopyOnWriteArrayList<>();
    final List<String> deliveredPaths = new CopyOnWriteArrayList<>();
    final List<QueuedEvent> undeliverable = new CopyOnWriteArrayList<>();
    final List<String> logs = new CopyOnWriteArrayList<>();

    @Override
    public void pathChanged(String path, boolean up, String reason) {
      pathChanges.add(path + (up ? " up" : " down"));
    }

    @Override
    public void delivered(QueuedEvent e, String path, Instant at) {
      delivered.add(e);
      deliveredPaths.add(path);
    }

    @Override
    public void undeliverable(QueuedEvent e, String reason) {
      undeliverable.add(e);
    }

    @Override
    public void log(String path, String message, String rule) {
      logs.add(path + ": " + message + " [" + rule + "]");
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = closeMe.size() - 1; i >= 0; i--) closeMe.get(i).close();
  }

  <T extends AutoCloseable> T closing(T c) {
    closeMe.add(c);
    return c;
  }

  static Effect.Notification intruder(int zone) {
    return Codes.notification(Signal.INTRUDER, 130, "a1", 1, zone, null, false, "test", "intruder zone " + zone);
  }

  static TransmissionPath tcp(String id, Role role, int port, Format format, String key) {
    return Paths.path(id, role, role == Role.PRIMARY ? "ethernet" : "cellular", port, format, key, POLL, FAIL);
  }

  Transmitter start(Transmission tx, Path file, Recorder rec) throws IOException {
    OutboundQueue q = closing(OutboundQueue.open(file));
    return closing(Transmitter.start(tx, FAST, q, InstantSource.system(), rec));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static List<String> zones(List<Dc09Frame> frames) {
    return frames.stream().map(Dc09Frame::data).distinct().toList();
  }

  @Test
  void eventsAreDeliveredOverTcpAndLeaveTheQueueOnlyWithTheirAck() throws Exception {
    FakeReceiver arc = closing(new FakeReceiver(Paths.KEY));
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(tcp("ip", Role.PRIMARY, arc.port(), Format.SIA_DCS, Paths.KEY)), dir.resolve("q"), rec);
    for (int z = 1; z <= 5; z++) t.submit(intruder(z));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 5);
    assertThat(zones(arc.events())).containsExactly("#1234|Nri1/BA001", "#1234|Nri1/BA002", "#1234|Nri1/BA003", "#1234|Nri1/BA004", "#1234|Nri1/BA005");
    assertThat(arc.events()).allSatisfy(f -> assertThat(f.encrypted()).isTrue());
    assertThat(t.pending()).isEmpty();
    assertThat(rec.pathChanges).isEmpty();
  }

  @Test
  void receiverDownAtStartEventsWaitOnDiskAndLeaveWhenItComesUp() throws Exception {
    int port = freePort();
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(tcp("ip", Role.PRIMARY, port, Format.ADM_CID, null)), dir.resolve("q"), rec);
    for (int z = 1; z <= 3; z++) t.submit(intruder(z));
    await().atMost(WAIT).until(() -> rec.pathChanges.contains("ip down"));
    assertThat(t.pending()).hasSize(3);
    FakeReceiver arc = closing(new FakeReceiver(null, port));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 3);
    assertThat(zones(arc.events())).containsExactly("#1234|1130 01 001", "#1234|1130 01 002", "#1234|1130 01 003");
    await().atMost(WAIT).until(() -> rec.pathChanges.contains("ip up"));
  }

  @Test
  void receiverThatAcceptsAndNeverAnswersFailsOverAndIsDeclaredFailed() throws Exception {
    FakeReceiver silent = closing(new FakeReceiver(null));
    silent.mode = FakeReceiver.Mode.SILENT;
    FakeReceiver backup = closing(new FakeReceiver(null));
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.dual(silent.port(), backup.port(), POLL, FAIL), dir.resolve("q"), rec);
    QueuedEvent e = t.submit(intruder(4));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    assertThat(rec.deliveredPaths).containsExactly("cell");
    // Retransmitted on the primary with the same sequence before failing over.
    assertThat(silent.events()).allSatisfy(f -> assertThat(f.sequenceNumber()).isEqualTo(e.sequence()));
    assertThat(backup.events()).singleElement().satisfies(f -> assertThat(f.sequenceNumber()).isEqualTo(e.sequence()));
    await().atMost(WAIT).until(() -> rec.pathChanges.contains("ip down"));
    assertThat(rec.pathChanges).doesNotContain("cell down");
  }

  @Test
  void receiverThatClosesAfterEveryFrameStillGetsEverythingOnce() throws Exception {
    FakeReceiver arc = closing(new FakeReceiver(null));
    arc.mode = FakeReceiver.Mode.ACK_THEN_CLOSE;
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(tcp("ip", Role.PRIMARY, arc.port(), Format.SIA_DCS, null)), dir.resolve("q"), rec);
    for (int z = 1; z <= 6; z++) t.submit(intruder(z));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 6);
    assertThat(zones(arc.events())).hasSize(6);
    assertThat(arc.connections.get()).isGreaterThanOrEqualTo(6);
    assertThat(rec.pathChanges).isEmpty();
  }

  @Test
  void receiverThatClosesWithoutAnsweringMakesTheEventFailOver() throws Exception {
    FakeReceiver closer = closing(new FakeReceiver(null));
    closer.mode = FakeReceiver.Mode.CLOSE;
    FakeReceiver backup = closing(new FakeReceiver(null));
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.dual(closer.port(), backup.port(), POLL, FAIL), dir.resolve("q"), rec);
    t.submit(intruder(2));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    assertThat(rec.deliveredPaths).containsExactly("cell");
    assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains("link failed"));
  }

  @Test
  void receiverAnsweringGarbageIsNotTrustedAndTheEventFailsOver() throws Exception {
    FakeReceiver junk = closing(new FakeReceiver(null));
    junk.mode = FakeReceiver.Mode.GARBAGE;
    FakeReceiver backup = closing(new FakeReceiver(null));
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.dual(junk.port(), backup.port(), POLL, FAIL), dir.resolve("q"), rec);
    t.submit(intruder(2));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    assertThat(rec.deliveredPaths).containsExactly("cell");
    assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains("unreadable answer"));
    await().atMost(WAIT).until(() -> rec.pathChanges.contains("ip down"));
  }

  @Test
  void nakFromAReceiverWithAnotherClockIsFollowedByAResendInItsTime() throws Exception {
    FakeReceiver arc = closing(new FakeReceiver(Paths.KEY));
    arc.clockSkew = Duration.ofMinutes(-30);
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(tcp("ip", Role.PRIMARY, arc.port(), Format.SIA_DCS, Paths.KEY)), dir.resolve("q"), rec);
    t.submit(intruder(9));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    assertThat(rec.deliveredPaths).containsExactly("ip");
    assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains("time offset").contains(TransmitPlanner.RULE_NAK));
    Duration skew = Duration.between(Instant.now(), arc.events().get(0).timestampUtc().orElseThrow());
    assertThat(skew).isBetween(Duration.ofMinutes(-31), Duration.ofMinutes(-29));
  }

  @Test
  void duhIsRecordedReportedAndNotRetriedForever() throws Exception {
    FakeReceiver a = closing(new FakeReceiver(null));
    FakeReceiver b = closing(new FakeReceiver(null));
    a.mode = FakeReceiver.Mode.DUH;
    b.mode = FakeReceiver.Mode.DUH;
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.dual(a.port(), b.port(), POLL, FAIL), dir.resolve("q"), rec);
    QueuedEvent e = t.submit(intruder(2));
    // The event is given up, then the 354 "failure to communicate" raised for it is too; no loop.
    await().atMost(WAIT).until(() -> rec.undeliverable.size() == 2);
    assertThat(rec.undeliverable.get(0)).isEqualTo(e);
    assertThat(rec.undeliverable.get(1).notification().cid()).isEqualTo(354);
    Thread.sleep(1000);
    assertThat(rec.undeliverable).hasSize(2);
    assertThat(t.pending()).isEmpty();
    assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains(TransmitPlanner.RULE_DUH));
    assertThat(rec.pathChanges).isEmpty();
  }

  @Test
  void wrongKeyIsRefusedByTheReceiverAndThePathDeclaredFailed() throws Exception {
    FakeReceiver wrong = closing(new FakeReceiver(Paths.OTHER_KEY));
    FakeReceiver backup = closing(new FakeReceiver(Paths.KEY));
    Transmission tx = new Transmission("1234", "DP2", List.of(
        tcp("ip", Role.PRIMARY, wrong.port(), Format.SIA_DCS, Paths.KEY),
        tcp("cell", Role.SECONDARY, backup.port(), Format.SIA_DCS, Paths.KEY)));
    Recorder rec = new Recorder();
    Transmitter t = start(tx, dir.resolve("q"), rec);
    t.submit(intruder(2));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    assertThat(rec.deliveredPaths).containsExactly("cell");
    assertThat(wrong.rejected.get()).isPositive();
    await().atMost(WAIT).until(() -> rec.pathChanges.contains("ip down"));
  }

  @Test
  void flappingPathLosesNothingAndKeepsTheOrder() throws Exception {
    FakeReceiver flappy = closing(new FakeReceiver(null));
    FakeReceiver backup = closing(new FakeReceiver(null));
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.dual(flappy.port(), backup.port(), POLL, FAIL), dir.resolve("q"), rec);
    List<QueuedEvent> raised = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      flappy.mode = i % 2 == 0 ? FakeReceiver.Mode.CLOSE : FakeReceiver.Mode.ACK;
      if (i % 2 == 0) flappy.dropConnections();
      raised.add(t.submit(intruder(i + 1)));
      Thread.sleep(100);
    }
    flappy.mode = FakeReceiver.Mode.ACK;
    await().atMost(WAIT).until(() -> rec.delivered.size() == 20);
    assertThat(rec.delivered).containsExactlyElementsOf(raised);
    assertThat(t.pending()).isEmpty();
  }

  @Test
  void panelKilledWhileEventsAreQueuedSendsThemAfterRestartInOrderWithTheirSequence() throws Exception {
    Path file = dir.resolve("q");
    FakeReceiver arc = closing(new FakeReceiver(null));
    arc.mode = FakeReceiver.Mode.SILENT;
    Transmission tx = Paths.single(tcp("ip", Role.PRIMARY, arc.port(), Format.SIA_DCS, null));
    List<QueuedEvent> raised = new ArrayList<>();
    OutboundQueue q1 = OutboundQueue.open(file);
    Transmitter t1 = Transmitter.start(tx, FAST, q1, InstantSource.system(), new Recorder());
    for (int z = 1; z <= 5; z++) raised.add(t1.submit(intruder(z)));
    Thread.sleep(200);
    // Killed: nothing more reaches the disk; every submit already did.
    t1.close();
    q1.close();
    arc.mode = FakeReceiver.Mode.ACK;
    Recorder rec = new Recorder();
    Transmitter t2 = start(tx, file, rec);
    await().atMost(WAIT).until(() -> rec.delivered.size() == 5);
    assertThat(rec.delivered).extracting(QueuedEvent::id).containsExactlyElementsOf(raised.stream().map(QueuedEvent::id).toList());
    assertThat(rec.delivered).extracting(QueuedEvent::sequence).containsExactlyElementsOf(raised.stream().map(QueuedEvent::sequence).toList());
    // The receiver saw each event under one sequence number only: repeats are DC-09 retransmissions.
    var bySeq = new java.util.HashMap<String, java.util.Set<String>>();
    for (Dc09Frame f : arc.events()) bySeq.computeIfAbsent(f.sequence(), k -> new java.util.HashSet<>()).add(f.data());
    assertThat(bySeq).hasSize(5);
    assertThat(bySeq.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    assertThat(t2.pending()).isEmpty();
  }

  @Test
  void udpPathDeliversAndPolls() throws Exception {
    DatagramSocket udp = closing(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
    Dc09Codec codec = Dc09Codec.standard();
    Dc09Responses responses = new Dc09Responses(codec);
    List<Dc09Frame> got = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> {
      byte[] buf = new byte[2048];
      while (!udp.isClosed()) {
        try {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          udp.receive(p);
          Dc09Result r = codec.decode(java.util.Arrays.copyOf(buf, p.getLength()));
          if (r instanceof Dc09Result.Decoded d) {
            got.add(d.frame());
            byte[] ack = responses.ack(d.frame(), null, Instant.now());
            udp.send(new DatagramPacket(ack, ack.length, p.getSocketAddress()));
          }
        } catch (IOException e) {
          return;
        }
      }
    });
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(Paths.udp("ip", Role.PRIMARY, udp.getLocalPort(), POLL, FAIL)), dir.resolve("q"), rec);
    t.submit(intruder(1));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    await().atMost(WAIT).until(() -> got.stream().filter(f -> f.id() == Dc09Id.NULL).count() >= 2);
    assertThat(rec.pathChanges).isEmpty();
  }

  // ---- a path with a receiver pair (issue 9: "destination(s) host:port")

  @Test
  void receiverPairBackupTakesTheEventsWhenThePrimaryReceiverIsDownAndThePathStaysUp() throws Exception {
    int down = freePort();
    FakeReceiver backup = closing(new FakeReceiver(Paths.KEY));
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(Paths.pair("ip", Role.PRIMARY, Format.SIA_DCS, Paths.KEY, POLL, FAIL, down, backup.port())), dir.resolve("q"), rec);
    for (int z = 1; z <= 3; z++) t.submit(intruder(z));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 3);
    assertThat(zones(backup.events())).containsExactly("#1234|Nri1/BA001", "#1234|Nri1/BA002", "#1234|Nri1/BA003");
    assertThat(rec.deliveredPaths).containsOnly("ip");
    assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains("127.0.0.1:" + down + " failed").contains(TransmitPlanner.RULE_DESTINATION));
    assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains("acknowledged by 127.0.0.1:" + backup.port()));
    // Two failure times on: the backup receiver answers the polls, so the path is not faulty.
    Thread.sleep(FAIL.multipliedBy(2).toMillis());
    assertThat(rec.pathChanges).isEmpty();
    // Now neither answers: the path is declared failed.
    backup.mode = FakeReceiver.Mode.SILENT;
    await().atMost(WAIT).until(() -> rec.pathChanges.contains("ip down"));
  }

  @Test
  void receiverPairPrimaryThatAcceptsAndNeverAnswersIsPassedOverAfterTheAckTimeout() throws Exception {
    FakeReceiver silent = closing(new FakeReceiver(null));
    FakeReceiver backup = closing(new FakeReceiver(null));
    silent.mode = FakeReceiver.Mode.SILENT;
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(Paths.pair("ip", Role.PRIMARY, Format.ADM_CID, null, POLL, FAIL, silent.port(), backup.port())), dir.resolve("q"), rec);
    QueuedEvent e = t.submit(intruder(4));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    assertThat(zones(backup.events())).containsExactly("#1234|1130 01 004");
    // The silent receiver got the first frame (the start poll or the event); any event frame it got
    // has the same sequence as at the backup: a DC-09 retransmission, not a new event.
    assertThat(silent.received).isNotEmpty();
    assertThat(silent.events()).allSatisfy(f -> assertThat(f.sequenceNumber()).isEqualTo(e.sequence()));
    assertThat(backup.events()).allSatisfy(f -> assertThat(f.sequenceNumber()).isEqualTo(e.sequence()));
    assertThat(rec.pathChanges).isEmpty();
  }

  @Test
  void receiverPairPrimaryReceiverReturningIsUsedAgainWhenTheBackupFails() throws Exception {
    int firstPort = freePort();
    FakeReceiver backup = closing(new FakeReceiver(null));
    Recorder rec = new Recorder();
    Transmitter t = start(Paths.single(Paths.pair("ip", Role.PRIMARY, Format.SIA_DCS, null, POLL, FAIL, firstPort, backup.port())), dir.resolve("q"), rec);
    t.submit(intruder(1));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 1);
    FakeReceiver first = closing(new FakeReceiver(null, firstPort));
    backup.close();
    t.submit(intruder(2));
    await().atMost(WAIT).until(() -> rec.delivered.size() == 2);
    assertThat(zones(first.events())).containsExactly("#1234|Nri1/BA002");
    assertThat(rec.logs).anySatisfy(l -> assertThat(l).contains("127.0.0.1:" + firstPort + " (destination 1 of 2) answers instead of"));
    assertThat(rec.pathChanges).isEmpty();
  }
}
