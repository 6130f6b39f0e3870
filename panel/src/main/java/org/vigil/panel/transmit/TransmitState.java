package org.vigil.panel.transmit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.protocol.dc09.Dc09Frame;

/**
 * The transmitter's state: the paths, the queue in the order raised, the event at its head in
 * progress, and each receiver's clock offset learnt from its NAKs. Immutable.
 */
public record TransmitState(
    Map<String, PathState> paths, List<QueuedEvent> queue, Head head, Map<String, Duration> offsets, Instant now) {

  public TransmitState {
    paths = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(paths));
    queue = List.copyOf(queue);
    offsets = Map.copyOf(offsets);
  }

  public PathState path(String id) {
    return paths.get(id);
  }

  /**
   * One path.
   *
   * @param up false once declared failed (no ACK within its failure time), true again after
   *     {@link TransmitSettings#restoreAcks()} ACKs in a row
   * @param lastAck last time the receiver answered on this path (start time before the first)
   * @param graceFrom the failure time counts from the later of lastAck and this (set when the
   *     supervision regime of the path changes)
   * @param nextPoll when the next NULL poll is due
   * @param notBefore no transmission on this path before this (pause after a failed attempt)
   * @param outstanding the frame waiting for its answer, or null
   * @param failures failed attempts since the last ACK
   * @param goodAcks ACKs in a row while failed
   * @param destination index of the path's destination in use (the next frame goes there)
   * @param answered index of the destination that answered last, -1 before the first answer
   */
  public record PathState(
      String id,
      boolean up,
      Instant lastAck,
      Instant graceFrom,
      Instant nextPoll,
      Instant notBefore,
      Outstanding outstanding,
      int failures,
      int goodAcks,
      int destination,
      int answered) {

    /** A path on its first destination that has not answered yet. */
    public PathState(String id, boolean up, Instant lastAck, Instant graceFrom, Instant nextPoll, Instant notBefore, Outstanding outstanding,
        int failures, int goodAcks) {
      this(id, up, lastAck, graceFrom, nextPoll, notBefore, outstanding, failures, goodAcks, 0, -1);
    }
  }

  /**
   * A frame waiting for its answer.
   *
   * @param eventId null for a NULL poll
   * @param destination index of the path's destination it was sent to
   */
  public record Outstanding(Long eventId, int sequence, Instant deadline, Dc09Frame frame, int attempt, int destination) {
    public Outstanding(Long eventId, int sequence, Instant deadline, Dc09Frame frame, int attempt) {
      this(eventId, sequence, deadline, frame, attempt, 0);
    }

    public boolean poll() {
      return eventId == null;
    }
  }

  /**
   * The event at the head of the queue while it is being delivered.
   *
   * @param path the path it is (re)tried on
   * @param attemptsOnPath failed attempts on that path
   * @param attempts all attempts
   * @param duhs DUH answers received
   */
  public record Head(long eventId, String path, int attemptsOnPath, int attempts, int duhs) {}
}
