package org.vigil.protocol.dc09;

/**
 * A departure from the standard that the decoder tolerated (research A.15: log the deviation rather
 * than drop the alarm).
 */
public record Deviation(Kind kind, String detail) {

  public enum Kind {
    /** Length field differs from the byte count while the CRC is right. */
    LENGTH_MISMATCH,
    /** The length field holds the byte count in decimal (Eldes). */
    LENGTH_DECIMAL,
    /** Encrypted plaintext without the {@code |} after the pad (pysiaalarm senders). */
    NO_PAD_TERMINATOR,
    /** NUL bytes after the CR (stripped). */
    TRAILING_NUL
  }

  @Override
  public String toString() {
    return kind + ": " + detail;
  }
}
