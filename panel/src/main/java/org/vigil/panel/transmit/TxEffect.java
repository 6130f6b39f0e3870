package org.vigil.panel.transmit;

import org.vigil.protocol.dc09.Dc09Frame;

/** What the transmitter decides; the shell carries it out. Decisions carry their rule. */
public sealed interface TxEffect {

  /**
   * Send this frame on the path (the shell encrypts with the path's key).
   *
   * @param destination index of the path's destination to send it to
   */
  record Transmit(String path, Dc09Frame frame, Long eventId, int attempt, int destination) implements TxEffect {
    public Transmit(String path, Dc09Frame frame, Long eventId, int attempt) {
      this(path, frame, eventId, attempt, 0);
    }
  }

  /** The path is declared failed or restored: report it (engine PathChanged -> ATS fault signal). */
  record PathChanged(String path, boolean up, String rule, String reason) implements TxEffect {}

  /** The ARC acknowledged the event: remove it from the queue. */
  record Delivered(long eventId, String path, int sequence) implements TxEffect {}

  /** The event is given up (receivers answered DUH): record it, report locally, remove it. */
  record Undeliverable(long eventId, String path, String rule, String reason) implements TxEffect {}

  /** A decision worth logging (retransmission, NAK offset, failover, DUH, garbage). */
  record Log(String path, String message, String rule) implements TxEffect {}
}
