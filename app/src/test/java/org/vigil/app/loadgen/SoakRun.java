package org.vigil.app.loadgen;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak run (Maven profile {@code soak}, never in CI): {@code vigil arc} in its own JVM with its
 * embedded store, a steady load from the generator for N minutes, the ARC's resident memory
 * sampled every 30 s. Prints a Markdown table for docs/performance.md. Arguments: minutes, events
 * per second, panels, ARC heap (e.g. 512m).
 */
public final class SoakRun {
  public static void main(String[] args) throws Exception {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int panels = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    String heap = args.length > 3 ? args[3] : "512m";
    Path data = Files.createTempDirectory("vigil-soak");
    System.out.printf(Locale.ROOT, "soak: %d min, %d events/s, %d panels (TCP, polls every 60 s), ARC -Xmx%s"
        + " and the launcher's other flags for `vigil arc`, data %s%n", minutes, rate, panels, heap, data);
    // The JVM flags `./vigil arc` starts with (the launcher script), the heap cap from the arguments.
    try (ArcProcess arc = ArcProcess.start(data, "-XX:+UseSerialGC", "-Xms64m", "-Xmx" + heap, "-XX:MaxDirectMemorySize=128m",
        "-XX:ReservedCodeCacheSize=64m")) {
      List<SimulatedAccount> accounts = AccountProvisioner.generate("SK", panels, null);
      AccountProvisioner.provision(arc.http(), accounts);
      LoadgenConfig config = new LoadgenConfig(arc.dc09(), accounts, Mode.TCP, rate, Duration.ofSeconds(60),
          Duration.ofMinutes(minutes), Duration.ofSeconds(60), Duration.ofSeconds(10),
          List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")), false, 1, 42);
      List<String> rows = new ArrayList<>();
      List<Long> rss = new ArrayList<>();
      long start = System.nanoTime();
      long[] nextSample = {start};
      LoadReport last;
      try (LoadGenerator g = new LoadGenerator(config, null)) {
        last = g.run(r -> {
          if (System.nanoTime() < nextSample[0]) return;
          nextSample[0] += 30_000_000_000L;
          long m = arc.rssBytes();
          rss.add(m);
          rows.add(String.format(Locale.ROOT, "| %s | %.0f | %,d | %,d | %,d | %.1f | %.1f | %d |", Instant.now().toString().substring(11, 19),
              r.elapsedSeconds(), r.acked(), r.outstanding(), r.errors(), r.ackLatencyMs().p99(), r.ackLatencyMs().max(), m / (1024 * 1024)));
          System.out.println(rows.get(rows.size() - 1));
        });
      }
      System.out.println();
      System.out.println("| time (UTC) | s | ACKed | outstanding | errors | p99 ms (cumulative) | max ms | ARC RSS MiB |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      rows.forEach(System.out::println);
      System.out.println();
      System.out.print(last.summary());
      if (rss.size() >= 4) {
        int h = rss.size() / 2;
        long firstHalfMax = rss.subList(1, h).stream().mapToLong(Long::longValue).max().orElse(0);
        long secondHalfMax = rss.subList(h, rss.size()).stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "ARC RSS: first-half max %d MiB, second-half max %d MiB (%+.1f %%)%n",
            firstHalfMax >> 20, secondHalfMax >> 20, 100.0 * (secondHalfMax - firstHalfMax) / Math.max(1, firstHalfMax));
      }
    } finally {
      // The embedded store of a 10-minute run is about 1 GB: do not leave it in /tmp.
      try (var paths = Files.walk(data)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
