package org.vigil.app.loadgen;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A log-linear latency histogram in nanoseconds: each power-of-two range is split into
 * {@value #SUB_BUCKETS} linear buckets, so any recorded value is reported within 1/{@value #SUB_BUCKETS}
 * (about 1.6 %) of itself, from 1 ns up to {@code Long.MAX_VALUE}, in a fixed 31 kB of counters.
 * Safe for concurrent recording (event loops record at once); percentiles read a snapshot.
 *
 * <p>Why not HdrHistogram: it is not in our stack (java-stack.md), and this is all we need.
 */
public final class LatencyHistogram {
  static final int SUB_BITS = 6;
  static final int SUB_BUCKETS = 1 << SUB_BITS;
  private static final int RANGES = 64 - SUB_BITS + 1;

  private final AtomicLongArray counts = new AtomicLongArray(RANGES * SUB_BUCKETS);
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong max = new AtomicLong();
  private final AtomicLong sum = new AtomicLong();

  /** Records one latency; negative values count as 0. */
  public void record(long nanos) {
    long v = Math.max(0, nanos);
    counts.incrementAndGet(index(v));
    total.incrementAndGet();
    sum.addAndGet(v);
    max.accumulateAndGet(v, Math::max);
  }

  /** Bucket of a value: values below {@value #SUB_BUCKETS} are exact; above, the top 6 significant bits. */
  static int index(long v) {
    if (v < SUB_BUCKETS) return (int) v;
    int range = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS + 1; // 1.. for v >= 64
    int sub = (int) (v >>> (range - 1)) - SUB_BUCKETS;              // 0..63 within the range
    return range * SUB_BUCKETS + sub;
  }

  /** The largest value that falls into a bucket (reporting the upper edge never flatters). */
  static long upperEdge(int index) {
    int range = index / SUB_BUCKETS;
    int sub = index % SUB_BUCKETS;
    if (range == 0) return sub;
    long lower = (long) (SUB_BUCKETS + sub) << (range - 1);
    long width = 1L << (range - 1);
    return lower + width - 1;
  }

  public long count() {
    return total.get();
  }

  public long max() {
    return max.get();
  }

  public double mean() {
    long n = total.get();
    return n == 0 ? 0 : (double) sum.get() / n;
  }

  /**
   * The value at or below which {@code percent} of the recordings fall (upper bucket edge, capped
   * at the exact maximum); 0 when nothing was recorded.
   */
  public long percentile(double percent) {
    if (percent < 0 || percent > 100 || Double.isNaN(percent))
      throw new IllegalArgumentException("percentile must be 0..100, was " + percent);
    long[] snap = new long[counts.length()];
    long n = 0;
    for (int i = 0; i < snap.length; i++) {
      snap[i] = counts.get(i);
      n += snap[i];
    }
    if (n == 0) return 0;
    long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * n));
    long seen = 0;
    for (int i = 0; i < snap.length; i++) {
      seen += snap[i];
      if (seen >= rank) return Math.min(upperEdge(i), max.get());
    }
    return max.get();
  }

  /** Adds every recording of {@code other} to this one. */
  public void add(LatencyHistogram other) {
    for (int i = 0; i < counts.length(); i++) {
      long c = other.counts.get(i);
      if (c != 0) counts.addAndGet(i, c);
    }
    total.addAndGet(other.total.get());
    sum.addAndGet(other.sum.get());
    max.accumulateAndGet(other.max.get(), Math::max);
  }
}
