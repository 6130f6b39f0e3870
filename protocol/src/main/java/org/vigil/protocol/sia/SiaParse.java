package org.vigil.protocol.sia;

/** Outcome of parsing a SIA DC-03 block. */
public sealed interface SiaParse {

  record Parsed(SiaBlock block) implements SiaParse {}

  /** Not a DC-03 block; {@code offset} is the character where reading stopped. */
  record Invalid(int offset, String reason) implements SiaParse {
    @Override
    public String toString() {
      return reason + " (at character " + offset + ")";
    }
  }
}
