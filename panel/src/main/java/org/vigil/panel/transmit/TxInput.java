package org.vigil.panel.transmit;

import org.vigil.protocol.dc09.Dc09Result;

/** What happens to the transmitter: new events, answers from receivers, link failures, time. */
public sealed interface TxInput {
  /** Time passes (fires due retransmissions, polls and failure checks). */
  record Tick() implements TxInput {}

  /** An event is durably queued and may be sent. */
  record Enqueued(QueuedEvent event) implements TxInput {}

  /** The receiver of a path answered; the result is the decoded (or rejected) answer frame. */
  record Response(String path, Dc09Result result) implements TxInput {}

  /** The path's link failed before an answer came (refused, reset, closed, unreachable). */
  record LinkFailed(String path, String reason) implements TxInput {}
}
