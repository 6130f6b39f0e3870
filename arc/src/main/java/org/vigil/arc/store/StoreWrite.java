package org.vigil.arc.store;

import java.time.Instant;

/** One row-level change the commit batcher writes; many of them share one transaction. */
public sealed interface StoreWrite {

  /** A signal: a received frame with events, or one the ARC generated itself (origin ARC). */
  record NewSignal(SignalRef ref, SignalRow row) implements StoreWrite {}

  /** A frame recognised as a retransmission of an already stored (or pending) signal. */
  record Retransmission(
      SignalRef original, long accountId, Instant receivedAt, String path, String connection, byte[] raw,
      byte[] response)
      implements StoreWrite {}

  /** A frame kept for operators because no account took it (unknown, wrong key, clear text refused). */
  record UnknownFrame(
      Instant receivedAt,
      String reason,
      String detail,
      String accountNumber,
      String receiver,
      String line,
      String token,
      String sequence,
      String connection,
      byte[] raw,
      byte[] response)
      implements StoreWrite {}

  /**
   * A frame was received on a path at this time (NULL polls). Signals and retransmissions from a
   * panel update their path by themselves.
   */
  record PathSeen(long accountId, String path, Instant at) implements StoreWrite {}

  /** A path entered or left the fault state. */
  record PathChange(long accountId, String path, boolean faulted, Instant at) implements StoreWrite {}
}
