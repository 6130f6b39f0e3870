package org.vigil.protocol.dc09;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a frame was rejected, typed, with where and by how much.
 *
 * @param kind the class of error
 * @param detail a sentence for the engineer (never contains key material)
 * @param offset byte offset in the frame (0 = the LF) for MALFORMED, LENGTH, CRC; -1 when not tied
 *     to a position
 * @param skew for TIMESTAMP_OUT_OF_WINDOW: frame time minus receiver time (positive = in the
 *     future); null otherwise
 * @param header what could be read of the clear-text header, null when nothing could
 */
public record Dc09Error(Kind kind, String detail, int offset, Duration skew, Dc09Header header) {

  public Dc09Error {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  public Optional<Dc09Header> headerIfRead() {
    return Optional.ofNullable(header);
  }

  public Optional<Duration> skewIfAny() {
    return Optional.ofNullable(skew);
  }

  /** What a receiver sends back for this error. */
  public Dc09Response response() {
    return switch (kind) {
      case TOO_LONG -> Dc09Response.NONE;
      // DUH echoes the addressing, so it needs a readable header; otherwise the fixed NAK.
      case UNKNOWN_ID -> header != null && header.sequence() != null ? Dc09Response.DUH : Dc09Response.NAK;
      default -> Dc09Response.NAK;
    };
  }

  @Override
  public String toString() {
    return kind.label() + ": " + detail + (offset >= 0 ? " (at byte " + offset + ")" : "")
        + (skew != null ? " (skew " + skew.toSeconds() + " s)" : "");
  }

  /** Error classes; {@link #label()} is the name the CLI prints. */
  public enum Kind {
    /** CRC in the frame differs from the CRC of the bytes received. */
    CRC("crc"),
    /** Length field differs from the byte count (only in strict length mode). */
    LENGTH("length"),
    /** A field is not where or what it must be; see offset. */
    MALFORMED("malformed"),
    /** The id token is none of those DC-09 defines. */
    UNKNOWN_ID("unknown-id"),
    /** Decryption gave no valid plaintext: wrong key, wrong key form or corrupted ciphertext. */
    DECRYPT("decrypt"),
    /** The frame is encrypted and no key is known for its account. */
    KEY_REQUIRED("key-required"),
    /** The frame is clear text but its account has a key (downgrade refused). */
    ENCRYPTION_REQUIRED("encryption-required"),
    /** The timestamp is outside the accepted window; see skew. */
    TIMESTAMP_OUT_OF_WINDOW("timestamp"),
    /** Longer than any DC-09 frame can be. */
    TOO_LONG("too-long");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
