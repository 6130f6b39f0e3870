package org.vigil.protocol.dc09;

import java.util.List;

/** Outcome of decoding one frame: decoded (with the deviations tolerated) or rejected. */
public sealed interface Dc09Result {

  /** The frame decoded; {@code deviations} lists what was tolerated. */
  record Decoded(Dc09Frame frame, List<Deviation> deviations) implements Dc09Result {
    public Decoded {
      deviations = List.copyOf(deviations);
    }
  }

  /** The frame was refused; the error says why and what to answer. */
  record Rejected(Dc09Error error) implements Dc09Result {}

  default boolean isDecoded() {
    return this instanceof Decoded;
  }
}
