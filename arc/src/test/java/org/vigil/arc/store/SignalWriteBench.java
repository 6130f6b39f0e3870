package org.vigil.arc.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The group commit's write path alone, same run, same database: batches of signals written and
 * committed (fsync on) with the binary COPY and with the former per-row INSERT, alternating rounds so
 * both see the same machine load. Prints rows/s and the PostgreSQL server's CPU per row (from
 * /proc, summed over its processes). Not a unit test (no assertion); run it as docs/performance.md shows.
 */
public final class SignalWriteBench {
  public static void main(String[] args) throws Exception {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int batchesPerRound = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    Path dir = Files.createTempDirectory("vigil-write-bench");
    try (EmbeddedStore pg = EmbeddedStore.start(dir); Database db = Database.open(pg.jdbcUrl(), null, null, 2)) {
      SignalStore store = new SignalStore(db.dataSource());
      long pgPid = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
      int n = 0;
      System.out.printf("batch %d rows, %d batches per round, fsync on%n", batch, batchesPerRound);
      System.out.println("| round | path | rows/s | commit ms (mean) | PostgreSQL CPU us/row |");
      System.out.println("|---|---|---:|---:|---:|");
      for (int r = 0; r < rounds * 2; r++) {
        boolean insert = (r & 1) == 1;
        store.insertOnly(insert);
        long cpu0 = cpuTicks(pgPid);
        long t0 = System.nanoTime();
        for (int b = 0; b < batchesPerRound; b++) {
          List<StoreWrite> writes = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++) writes.add(signal(++n));
          store.write(writes);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuTicks(pgPid) - cpu0) / 100.0;
        int rows = batch * batchesPerRound;
        if (r >= 2) // the first pair warms up
          System.out.printf("| %d | %s | %,.0f | %.1f | %.1f |%n", r / 2, insert ? "INSERT (before)" : "COPY", rows / secs,
              secs * 1000 / batchesPerRound, cpu * 1e6 / rows);
      }
    }
  }

  /** A signal like the load generator's: 87-byte clear SIA-DCS frame, one event. */
  static StoreWrite.NewSignal signal(int n) {
    String data = "#LG0001|Nri1/BA" + n;
    byte[] raw = ("\n1234\"SIA-DCS\"0001L0#LG0001[" + data + "]_06:00:00,11-22-2026\r").getBytes();
    byte[] key = java.nio.ByteBuffer.allocate(16).putLong(n * 0x9E3779B97F4A7C15L).putLong(n).array();
    return new StoreWrite.NewSignal(new SignalRef(), new SignalRow(1 + n % 1000, "PANEL", Instant.now(), Instant.now(),
        "ip:127.0.0.1", "tcp 127.0.0.1:40000 #" + (n % 1000), "SIA-DCS", false, "%04d".formatted(n % 9999 + 1), null, null,
        "LG0001", data, "", "[{\"category\":\"BURGLARY\",\"format\":\"SIA\",\"code\":\"BA\",\"qualifier\":0,\"restore\":false,"
        + "\"area\":\"\",\"zone\":\"" + n + "\",\"user\":\"\",\"text\":\"\",\"meaning\":\"Burglary alarm\"}]", "", raw,
        "\n5C8B\"ACK\"0001L0#LG0001[]_06:00:00,11-22-2026\r".getBytes(), key));
  }

  /** utime + stime of the postmaster and its children, in clock ticks. */
  static long cpuTicks(long postmaster) throws Exception {
    long sum = 0;
    for (ProcessHandle p : ProcessHandle.of(postmaster).map(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h),
        h.children())).orElseThrow().toList()) {
      Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
      if (!Files.exists(stat)) continue;
      String s = Files.readString(stat);
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
    return sum;
  }
}
