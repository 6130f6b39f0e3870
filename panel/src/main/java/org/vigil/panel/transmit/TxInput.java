package org.vigil.panel.transmit;

import org.vigil.protocol.dc09.Dc09Result;

/** What happens to the transmitter: new events, answers from receivers, link failures, time. */
public sealed interface TxInput {
  /** Time passes (fires due retransmissions, polls and failure checks). */
  record Tick() implements TxInput {}

  /** An event is durably queued and may be sent. */
  record Enqueued(QueuedEvent event) implements TxInput {}

  /**
   * The receiver of a path answered; the result is the decoded (or rejected) answer frame.
   *
   * @param destination index of the path's destination that answered, -1 when unknown (taken as
   *     the one the outstanding frame went to)
   */
  record Response(String path, Dc09Result result, int destination) implements TxInput {
    public Response(String path, Dc09Result result) {
      this(path, result, -1);
    }
  }

  /**
   * The path's link failed before an answer came (refused, reset, closed, unreachable).
   *
   * @param destination index of the path's destination whose link failed, -1 when unknown
   */
  record LinkFailed(String path, String reason, int destination) implements TxInput {
    public LinkFailed(String path, String reason) {
      this(path, reason, -1);
    }
  }
}
