package org.vigil.app.loadgen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.app.Vigil;

/**
 * {@code vigil arc} as a JVM of its own, started from the test classpath (embedded PostgreSQL in
 * the given data folder, ephemeral ports, no console), so a test can SIGKILL it.
 */
final class ArcProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ARC running: DC-09 tcp\\+udp [^:]+:(\\d+), HTTP http://[^:]+:(\\d+)/metrics");

  final Process process;
  final int dc09Port;
  final int httpPort;

  private ArcProcess(Process process, int dc09Port, int httpPort) {
    this.process = process;
    this.dc09Port = dc09Port;
    this.httpPort = httpPort;
  }

  static ArcProcess start(Path data, String... extraJvmArgs) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m"));
    cmd.addAll(List.of(extraJvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Vigil.class.getName(), "arc", "--data", data.toString(),
        "--dc09-host", "127.0.0.1", "--dc09-port", "0", "--http-port", "0", "--console-port", "-1", "--log-level", "WARN"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      Matcher m = READY.matcher(line);
      if (m.find()) {
        Thread.ofPlatform().daemon(true).start(() -> {
          try {
            String l;
            while ((l = r.readLine()) != null) System.err.println("[arc " + p.pid() + "] " + l);
          } catch (IOException ignored) {
            // the process is gone
          }
        });
        return new ArcProcess(p, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      seen.add(line);
      System.err.println("[arc " + p.pid() + "] " + line);
    }
    throw new IOException("vigil arc ended before it was ready: " + String.join("\n", seen));
  }

  InetSocketAddress dc09() {
    return new InetSocketAddress("127.0.0.1", dc09Port);
  }

  URI http() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  static String jdbcUrl(Path data) throws IOException {
    return Files.readString(data.resolve(org.vigil.arc.store.EmbeddedStore.URL_FILE)).trim();
  }

  /** Resident memory of the process in bytes (Linux /proc), -1 when unknown. */
  long rssBytes() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")))
        if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
    } catch (IOException | NumberFormatException e) {
      // not Linux, or gone
    }
    return -1;
  }

  void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    process.destroy(); // SIGTERM: clean shutdown, stops its PostgreSQL
    if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
