package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Responses;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * Issue 9 "DUH: record, report locally, do not retry forever" through {@code vigil panel} itself: the
 * command attaches its transmitter to the panel, so a signal the ARC refuses reaches the engine (the
 * mandatory event-log entry), which the old path-change-only wiring lost.
 */
class PanelCommandDuhTest {

  /** A receiver that answers DUH to every frame (it holds no keys, so it echoes the frame's header). */
  static final class DuhReceiver implements AutoCloseable {
    final ServerSocket server;
    final AtomicInteger duhs = new AtomicInteger();
    final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

    DuhReceiver() throws Exception {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual().start(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            sockets.add(s);
            Thread.ofVirtual().start(() -> serve(s));
          } catch (Exception e) {
            return;
          }
        }
      });
    }

    void serve(Socket s) {
      Dc09Codec codec = Dc09Codec.standard();
      Dc09Responses responses = new Dc09Responses(codec);
      try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
          frame.write(b);
          if (b != '\r') continue;
          byte[] f = frame.toByteArray();
          frame.reset();
          int lf = 0;
          while (lf < f.length && f[lf] != '\n') lf++;
          byte[] one = java.util.Arrays.copyOfRange(f, Math.min(lf, f.length), f.length);
          Optional<byte[]> answer = switch (codec.decode(one, KeyLookup.none())) {
            case Dc09Result.Decoded d -> Optional.of(responses.duh(d.frame()));
            case Dc09Result.Rejected r -> responses.duh(r.error().header());
          };
          if (answer.isPresent()) {
            duhs.incrementAndGet();
            out.write(answer.get());
            out.flush();
          }
        }
      } catch (Exception e) {
        // connection closed by the panel or by close()
      }
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      server.close();
      for (Socket s : sockets) s.close();
    }
  }

  @Test
  void dc09Duh_aSignalTheArcRefusesIsInThePanelsEventLog(@TempDir Path data) throws Exception {
    try (DuhReceiver arc = new DuhReceiver()) {
      // The bank example with both paths on the refusing receiver (TCP).
      String site = Files.readString(PanelCommandTest.BANK)
          .replace("arc1.example.net:12000", "127.0.0.1:" + arc.port())
          .replace("arc2.example.net:12000", "127.0.0.1:" + arc.port())
          .replace("protocol: udp", "protocol: tcp");
      Path siteFile = Files.writeString(data.resolve("site.yaml"), site);
      Path panelData = Files.createDirectories(data.resolve("panel"));
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "org.vigil.app.Vigil", "panel",
          "--config", siteFile.toString(), "--data", panelData.toString(), "--http-port", "-1")
          .redirectErrorStream(true).redirectOutput(data.resolve("panel.out").toFile()).start();
      try {
        // The restart report raised at boot is refused (DUH) on every path and given up.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
          if (!Files.exists(panelData.resolve("events.log"))) return false;
          CliRun log = CliRun.of("panel", "log", "--data", panelData.toString());
          return log.out().contains("kept in the outbound queue file");
        });
        assertThat(arc.duhs.get()).isPositive();
      } finally {
        p.destroy();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
      }
      CliRun log = CliRun.of("panel", "log", "--data", panelData.toString());
      assertThat(log.code()).as(log.err()).isZero();
      assertThat(log.out()).contains("kept in the outbound queue file", "chain intact");
    }
  }
}
