package org.vigil.panel.transmit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.config.TransmissionPath.Format;
import org.vigil.panel.config.TransmissionPath.Role;
import org.vigil.panel.store.OutboundQueue;
import org.vigil.protocol.dc09.Dc09Frame;

/**
 * The panel process is killed (SIGKILL) in the middle of raising events: after the restart every
 * event it had raised is still queued, in order, none twice, and all reach the receiver once each
 * (a repeat is only a DC-09 retransmission with the same sequence and data).
 */
class PanelKilledTest {
  @TempDir Path dir;

  @Test
  void panelKilledWhileRaisingEventsLosesNoneAndSendsEachOnce() throws Exception {
    Path file = dir.resolve("queue");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), QueueWriterChild.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    List<long[]> raised = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      String line;
      while (raised.size() < 150 && (line = out.readLine()) != null) {
        String[] p = line.trim().split(" ");
        if (p.length == 2 && p[0].matches("\\d+")) raised.add(new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])});
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(raised).hasSize(150);

    List<OutboundQueue.Pending> pending;
    try (OutboundQueue q = OutboundQueue.open(file)) {
      pending = q.pending();
    }
    // Every event the child had raised is there, in order; at most the ones raised after its last
    // printed line (or torn by the kill) differ.
    assertThat(pending.size()).isGreaterThanOrEqualTo(150);
    for (int i = 0; i < 150; i++) {
      assertThat(pending.get(i).id()).isEqualTo(raised.get(i)[0]);
      assertThat(pending.get(i).sequence()).isEqualTo((int) raised.get(i)[1]);
    }
    for (int i = 1; i < pending.size(); i++) assertThat(pending.get(i).id()).isEqualTo(pending.get(i - 1).id() + 1);

    try (FakeReceiver arc = new FakeReceiver(null)) {
      List<QueuedEvent> delivered = new CopyOnWriteArrayList<>();
      Transmitter.Listener rec = new Transmitter.Listener() {
        @Override
        public void delivered(QueuedEvent e, String path, java.time.Instant at) {
          delivered.add(e);
        }
      };
      TransmitSettings fast = new TransmitSettings(Duration.ofMillis(500), 2, Duration.ofMillis(50), Duration.ofMillis(200), 2, 2, Duration.ofMillis(500));
      try (OutboundQueue q = OutboundQueue.open(file);
          Transmitter t = Transmitter.start(Paths.single(Paths.path("ip", Role.PRIMARY, "ethernet", arc.port(), Format.SIA_DCS, null,
              Duration.ofSeconds(5), Duration.ofSeconds(15))), fast, q, InstantSource.system(), rec)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() == pending.size());
        assertThat(delivered).extracting(QueuedEvent::id).containsExactlyElementsOf(pending.stream().map(OutboundQueue.Pending::id).toList());
        assertThat(q.pending()).isEmpty();
      }
      Map<String, Set<String>> bySeq = new HashMap<>();
      for (Dc09Frame f : arc.events()) bySeq.computeIfAbsent(f.sequence(), k -> new HashSet<>()).add(f.data());
      assertThat(bySeq).hasSize(pending.size());
      assertThat(bySeq.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    }
  }
}
