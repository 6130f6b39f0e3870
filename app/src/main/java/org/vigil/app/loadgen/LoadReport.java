package org.vigil.app.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a load run did: counts, throughput and ACK latency (write of a frame to its verified ACK,
 * per attempt). Serialised as is for {@code --json}.
 *
 * @param complete false for a progress snapshot, true for the final summary
 * @param elapsedSeconds from the start to this report (the final one includes the drain)
 * @param outstanding messages generated and not (yet) acknowledged
 * @param throughputAckedPerSecond acknowledged frames / elapsed seconds
 */
public record LoadReport(
    boolean complete,
    String mode,
    int panels,
    boolean encrypted,
    String target,
    double targetRatePerSecond,
    double elapsedSeconds,
    long events,
    long polls,
    long framesSent,
    long retransmissions,
    long acked,
    long nakked,
    long lateAcks,
    long abandoned,
    long outstanding,
    long connections,
    long errors,
    Map<String, Long> errorsByKind,
    double throughputAckedPerSecond,
    Latency ackLatencyMs) {

  /** ACK latency percentiles in milliseconds. */
  public record Latency(long count, double mean, double p50, double p90, double p99, double p999, double max) {
    static Latency of(LatencyHistogram h) {
      return new Latency(h.count(), ms(Math.round(h.mean())), ms(h.percentile(50)), ms(h.percentile(90)),
          ms(h.percentile(99)), ms(h.percentile(99.9)), ms(h.max()));
    }

    private static double ms(long nanos) {
      return Math.round(nanos / 1_000.0) / 1_000.0;
    }
  }

  static LoadReport of(LoadgenConfig c, LoadGenerator.Counters k, LatencyHistogram h, double seconds,
      long outstanding, boolean complete) {
    Map<String, Long> errors = new TreeMap<>();
    for (Map.Entry<String, LongAdder> e : k.errors.entrySet()) errors.put(e.getKey(), e.getValue().sum());
    long acked = k.acked.sum();
    return new LoadReport(complete, c.mode().name().toLowerCase(java.util.Locale.ROOT), c.accounts().size(),
        c.accounts().get(0).key() != null, c.target().getHostString() + ":" + c.target().getPort(),
        c.eventsPerSecond(), round(seconds), k.events.sum(), k.polls.sum(), k.framesSent.sum(), k.retransmissions.sum(),
        acked, k.nakked.sum(), k.lateAcks.sum(), k.abandoned.sum(), outstanding, k.connections.sum(), k.errorTotal(),
        errors, round(acked / seconds), Latency.of(h));
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }

  /** The one-line progress display. */
  public String progressLine() {
    return String.format(java.util.Locale.ROOT,
        "%6.1fs  sent %,d  acked %,d  nak %,d  err %,d  outstanding %,d  %,.0f/s  p50 %.2f ms  p99 %.2f ms",
        elapsedSeconds, framesSent, acked, nakked, errors, outstanding, throughputAckedPerSecond,
        ackLatencyMs.p50(), ackLatencyMs.p99());
  }

  /** The human summary. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(java.util.Locale.ROOT, "vigil loadgen: %d panel(s), %s%s, target %s, rate %s, %.1f s%n",
        panels, mode, encrypted ? " AES" : " clear", target,
        targetRatePerSecond == 0 ? "max (closed loop)" : String.format(java.util.Locale.ROOT, "%,.0f/s", targetRatePerSecond),
        elapsedSeconds));
    b.append(String.format(java.util.Locale.ROOT, "  frames sent      %,d (events %,d, polls %,d, retransmissions %,d)%n",
        framesSent, events, polls, retransmissions));
    b.append(String.format(java.util.Locale.ROOT, "  ACKed            %,d (verified: sequence, account, CRC)%n", acked));
    b.append(String.format(java.util.Locale.ROOT, "  NAKed            %,d%n", nakked));
    b.append(String.format(java.util.Locale.ROOT, "  errors           %,d %s%n", errors, errorsByKind.isEmpty() ? "" : errorsByKind));
    b.append(String.format(java.util.Locale.ROOT, "  unacknowledged   %,d at the end (abandoned after DUH: %,d; late/duplicate ACKs: %,d)%n",
        outstanding, abandoned, lateAcks));
    b.append(String.format(java.util.Locale.ROOT, "  connections      %,d opened%n", connections));
    b.append(String.format(java.util.Locale.ROOT, "  throughput       %,.0f ACKed frames/s%n", throughputAckedPerSecond));
    b.append(String.format(java.util.Locale.ROOT,
        "  ACK latency ms   p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  (mean %.3f, n=%,d)%n",
        ackLatencyMs.p50(), ackLatencyMs.p90(), ackLatencyMs.p99(), ackLatencyMs.p999(), ackLatencyMs.max(),
        ackLatencyMs.mean(), ackLatencyMs.count()));
    return b.toString();
  }
}
