package org.vigil.arc.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.store.EmbeddedStore;
import org.vigil.arc.testing.Dc09TestClient;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;

/**
 * The ARC's first promise: a receiver killed with SIGKILL while frames are in flight loses no
 * acknowledged signal. The receiver runs in its own JVM (with its embedded PostgreSQL); after the
 * kill a new process starts on the same data folder, the panel resends what was not acknowledged,
 * and every frame is then in the store exactly once.
 */
class CrashRecoveryTest {
  @TempDir Path data;

  private static Process startReceiver(Path data) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), ReceiverProcessMain.class.getName(), data.toString());
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** Reads the child's output until it announces its port; keeps draining it afterwards. */
  private static int awaitPort(Process p) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("DC09_PORT=")) {
        int port = Integer.parseInt(line.substring("DC09_PORT=".length()).trim());
        Thread.ofPlatform().daemon(true).start(() -> {
          try {
            String l;
            while ((l = r.readLine()) != null) System.err.println("[receiver " + p.pid() + "] " + l);
          } catch (IOException ignored) {
            // child gone
          }
        });
        return port;
      }
      seen.add(line);
      System.err.println("[receiver " + p.pid() + "] " + line);
    }
    throw new IOException("receiver process ended before it was ready: " + String.join("\n", seen));
  }

  static String data(int i) {
    return "#1234|Nri1/BA" + i;
  }

  @Test
  void everyAcknowledgedSignalSurvivesSigkillExactlyOnce() throws Exception {
    int total = 3000;
    Map<Integer, byte[]> frames = new HashMap<>();
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int i = 1; i <= total; i++) frames.put(i, Dc09TestClient.encode(Dc09TestClient.sia("1234", i, data(i), t)));

    Process first = startReceiver(data);
    Set<Integer> acked = ConcurrentHashMap.newKeySet();
    Set<Integer> sent = ConcurrentHashMap.newKeySet();
    try {
      int port = awaitPort(first);
      Semaphore window = new Semaphore(64); // frames in flight, like a busy multi-panel link
      AtomicBoolean stop = new AtomicBoolean();
      try (Dc09TestClient panel = new Dc09TestClient(port)) {
        Thread reader = Thread.ofPlatform().start(() -> {
          try {
            while (!stop.get()) {
              Optional<byte[]> r = panel.read();
              if (r.isEmpty()) break;
              Dc09Frame f = Dc09TestClient.decode(r.get());
              if (f.id() == Dc09Id.ACK) acked.add(f.sequenceNumber());
              window.release();
            }
          } catch (IOException | RuntimeException ignored) {
            // the receiver was killed
          }
        });
        Thread writer = Thread.ofPlatform().start(() -> {
          try {
            for (int i = 1; i <= total && !stop.get(); i++) {
              if (!window.tryAcquire(5, TimeUnit.SECONDS)) break;
              sent.add(i);
              panel.send(frames.get(i));
            }
          } catch (IOException | InterruptedException ignored) {
            // the receiver was killed
          }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.size() < 500 && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(acked.size()).as("ACKs before the kill").isGreaterThanOrEqualTo(500);
        first.destroyForcibly(); // SIGKILL, while the writer is still sending
        first.waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        writer.join(10_000);
        reader.join(10_000);
      }
      assertThat(sent.size()).as("frames were still being sent at the kill").isGreaterThan(acked.size());
    } finally {
      first.destroyForcibly();
    }

    Process second = startReceiver(data); // finds the old PostgreSQL still running and restarts it cleanly
    try {
      int port = awaitPort(second);
      String url = Files.readString(data.resolve(EmbeddedStore.URL_FILE)).trim();
      // Every acknowledged frame is stored, exactly once.
      Map<String, Integer> stored = storedCounts(url);
      for (int i : acked) assertThat(stored.getOrDefault(data(i), 0)).as("ACKed frame %d", i).isEqualTo(1);
      // The panel resends everything it sent without an ACK (and a few ACKed ones whose ACK it may have missed).
      try (Dc09TestClient panel = new Dc09TestClient(port)) {
        List<Integer> resend = new ArrayList<>();
        for (int i : sent) if (!acked.contains(i)) resend.add(i);
        acked.stream().limit(20).forEach(resend::add);
        for (int i : resend) {
          Dc09Frame r = Dc09TestClient.decode(panel.exchange(frames.get(i)));
          assertThat(r.id()).as("resent frame %d", i).isEqualTo(Dc09Id.ACK);
        }
      }
      stored = storedCounts(url);
      for (int i : sent) assertThat(stored.getOrDefault(data(i), 0)).as("frame %d", i).isEqualTo(1);
      assertThat(stored.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent.size());
    } finally {
      second.destroy(); // SIGTERM: clean shutdown, stops its PostgreSQL
      if (!second.waitFor(60, TimeUnit.SECONDS)) second.destroyForcibly();
    }
  }

  private static Map<String, Integer> storedCounts(String url) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT data, count(*) FROM signal GROUP BY data")) {
      while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
    }
    return out;
  }
}
