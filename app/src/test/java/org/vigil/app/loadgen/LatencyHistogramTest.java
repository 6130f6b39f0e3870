package org.vigil.app.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void smallValuesAreExact() {
    LatencyHistogram h = new LatencyHistogram();
    for (int v = 1; v <= 10; v++) h.record(v);
    assertThat(h.percentile(50)).isEqualTo(5);
    assertThat(h.percentile(100)).isEqualTo(10);
    assertThat(h.max()).isEqualTo(10);
    assertThat(h.count()).isEqualTo(10);
  }

  @Test
  void bucketsCoverEveryValueAndTheirEdgesAreWithinOneSixtyFourth() {
    long[] samples = {63, 64, 65, 127, 128, 1_000, 999_999, 1_000_000_007L, Long.MAX_VALUE / 3, Long.MAX_VALUE};
    for (long v : samples) {
      long edge = LatencyHistogram.upperEdge(LatencyHistogram.index(v));
      assertThat(edge).as("upper edge of %d", v).isGreaterThanOrEqualTo(v);
      assertThat((double) (edge - v) / v).as("relative error at %d", v).isLessThanOrEqualTo(1.0 / 64);
    }
  }

  /** Seeded random latencies: every percentile is within 1/64 above the exact one, never below it. */
  @Test
  void percentilesMatchASortedArrayWithinTheBucketResolution() {
    SplittableRandom r = new SplittableRandom(12);
    LatencyHistogram h = new LatencyHistogram();
    long[] v = new long[100_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (long) Math.exp(r.nextDouble(Math.log(1_000), Math.log(5_000_000_000.0))); // 1 us .. 5 s, log-uniform
      h.record(v[i]);
    }
    Arrays.sort(v);
    for (double p : new double[] {1, 50, 90, 99, 99.9, 100}) {
      long exact = v[(int) Math.ceil(p / 100 * v.length) - 1];
      assertThat(h.percentile(p)).as("p%s", p).isBetween(exact, exact + exact / 64 + 1);
    }
    assertThat(h.max()).isEqualTo(v[v.length - 1]);
  }

  @Test
  void emptyHistogramReportsZeroAndBadPercentilesAreRefused() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.percentile(99)).isZero();
    assertThat(h.mean()).isZero();
    assertThatThrownBy(() -> h.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.percentile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addMergesCounts() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    a.record(10);
    b.record(1_000_000);
    a.add(b);
    assertThat(a.count()).isEqualTo(2);
    assertThat(a.max()).isEqualTo(1_000_000);
  }
}
