package org.vigil.arc.receiver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Prometheus meters of the receiver: frames by result, ACK latency, connections. */
public final class ReceiverMetrics {
  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Counter> frames = new ConcurrentHashMap<>();
  private final Timer ackLatency;
  private final AtomicInteger connections = new AtomicInteger();
  private final Counter connectionsRefused;
  private final Counter bytesDiscarded;

  public ReceiverMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.ackLatency = Timer.builder("vigil_arc_ack_latency")
        .description("Time from a frame's arrival to its ACK being written (after the commit)")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    registry.gauge("vigil_arc_connections", connections);
    this.connectionsRefused = Counter.builder("vigil_arc_connections_refused_total")
        .description("TCP connections closed at once because the connection limit was reached").register(registry);
    this.bytesDiscarded = Counter.builder("vigil_arc_bytes_discarded_total")
        .description("Bytes on TCP connections that were not part of any frame").register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Counts one frame.
   *
   * @param result ack, retransmission, nak_timestamp, nak_unknown_account, nak_key, rejected_crc, ...
   */
  public void frame(String transport, String result) {
    frames.computeIfAbsent(transport + "/" + result, k -> Counter.builder("vigil_arc_frames_total")
        .description("DC-09 frames received, by transport and result")
        .tag("transport", transport).tag("result", result).register(registry)).increment();
  }

  public void acked(long receivedNanos) {
    ackLatency.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public int connections() {
    return connections.get();
  }

  public void connectionRefused() {
    connectionsRefused.increment();
  }

  public void discarded(int bytes) {
    bytesDiscarded.increment(bytes);
  }
}
