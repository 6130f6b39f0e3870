package org.vigil.protocol.dc09;

/** What a receiver sends back for a frame (docs/protocol.md has the mapping and the reasons). */
public enum Dc09Response {
  /** Positive acknowledgement, echoing the request's addressing. */
  ACK,
  /** Fixed-form negative acknowledgement with the receiver's UTC time; the panel retransmits. */
  NAK,
  /** "Unable to process an otherwise correctly received message", echoing the addressing. */
  DUH,
  /** Nothing: the bytes were not a frame at all. */
  NONE
}
