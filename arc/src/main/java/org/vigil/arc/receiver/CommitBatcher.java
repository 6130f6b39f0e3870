package org.vigil.arc.receiver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.store.SignalStore;
import org.vigil.arc.store.StoreWrite;

/**
 * Group commit: writes queued from any number of connections are committed together, one
 * transaction per batch, and each write's callback (the ACK) runs only after its batch committed.
 *
 * <p>When the database is unavailable the batch is retried with back-off; no callback runs, so no
 * frame is acknowledged, and connections stay open. The queue is bounded: when it is full,
 * {@link #submit} refuses and the caller leaves the frame unanswered (the panel retransmits).
 */
public final class CommitBatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommitBatcher.class);

  /** Called on the batcher thread after the write committed. Must be quick and must not block. */
  @FunctionalInterface
  public interface OnCommitted {
    void committed();
  }

  private record Item(StoreWrite write, OnCommitted callback) {}

  private final SignalStore store;
  private final BlockingQueue<Item> queue;
  private final int maxBatch;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile boolean available = true;
  private final DistributionSummary batchSizes;
  private final Timer commitTime;
  private final Counter commitFailures;

  public CommitBatcher(SignalStore store, int queueCapacity, int maxBatch, MeterRegistry metrics) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.maxBatch = maxBatch;
    this.batchSizes = DistributionSummary.builder("vigil_arc_commit_batch_size")
        .description("Writes per committed transaction").publishPercentileHistogram()
        .minimumExpectedValue(1.0).maximumExpectedValue((double) maxBatch).register(metrics);
    this.commitTime = Timer.builder("vigil_arc_commit_seconds").description("Time to write and commit one batch")
        .publishPercentileHistogram().register(metrics);
    this.commitFailures = Counter.builder("vigil_arc_commit_failures_total")
        .description("Batches whose commit failed (database unavailable); retried").register(metrics);
    Gauge.builder("vigil_arc_commit_queue", queue, BlockingQueue::size).description("Writes waiting for commit").register(metrics);
    Gauge.builder("vigil_arc_store_available", this, b -> b.available ? 1 : 0)
        .description("1 when the last commit succeeded, 0 while the database is unavailable").register(metrics);
    this.thread = Thread.ofPlatform().name("vigil-commit").daemon(true).unstarted(this::loop);
    thread.start();
  }

  /** Queues a write; false when the queue is full or the batcher is closed (caller must not ACK). */
  public boolean submit(StoreWrite write, OnCommitted callback) {
    if (!running.get()) return false;
    return queue.offer(new Item(write, callback));
  }

  public boolean closed() {
    return !running.get();
  }

  public boolean storeAvailable() {
    return available;
  }

  public int pending() {
    return queue.size();
  }

  private void loop() {
    List<Item> batch = new ArrayList<>(maxBatch);
    List<StoreWrite> writes = new ArrayList<>(maxBatch);
    long backoffMs = 50;
    while (running.get() || !queue.isEmpty() || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          Item first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) continue;
          batch.add(first);
          queue.drainTo(batch, maxBatch - 1);
          writes.clear();
          for (Item i : batch) writes.add(i.write());
        }
        long t0 = System.nanoTime();
        store.write(writes);
        commitTime.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        batchSizes.record(batch.size());
        if (!available) LOG.info("store available again; committed {} pending writes", batch.size());
        available = true;
        backoffMs = 50;
        for (Item i : batch) {
          try {
            i.callback().committed();
          } catch (RuntimeException e) {
            LOG.error("after-commit callback failed (the write is stored)", e);
          }
        }
        batch.clear();
      } catch (InterruptedException e) {
        if (!running.get()) break;
      } catch (Exception e) {
        commitFailures.increment();
        String why = e.toString();
        if (why.length() > 300) why = why.substring(0, 300) + "...";
        if (available) LOG.error("commit of {} writes failed; not acknowledging, retrying: {}", batch.size(), why);
        else LOG.debug("commit retry failed: {}", why);
        available = false;
        if (!running.get()) {
          LOG.error("closing with {} uncommitted writes (never acknowledged)", batch.size() + queue.size());
          break;
        }
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException ie) {
          if (!running.get()) break;
        }
        backoffMs = Math.min(backoffMs * 2, 2_000);
      }
    }
  }

  /** Stops accepting writes, commits what is queued (unless the store is down), then stops. */
  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) thread.interrupt();
  }
}
