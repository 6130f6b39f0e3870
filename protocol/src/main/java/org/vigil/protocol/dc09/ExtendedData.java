package org.vigil.protocol.dc09;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One extended data block {@code [<type><value>]} kept verbatim (research A.9). Unknown types are
 * kept, never rejected. The value holds the frame's bytes one char per byte (ISO-8859-1), so the
 * frame re-encodes byte-exact; {@link #text()} decodes Windows-1252 text fields for display.
 *
 * @param type the identifier letter (X longitude, Y latitude, V verification, I alarm text, ...)
 * @param value the characters after the letter, one char per byte
 */
public record ExtendedData(char type, String value) {

  private static final Charset WINDOWS_1252 = windows1252();

  public ExtendedData {
    Objects.requireNonNull(value, "value");
    if (type == '[' || type == ']' || type > 0xFF) {
      throw new IllegalArgumentException("extended data type must be one byte, not a bracket");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ']' || c == '[' || c > 0xFF || c == '\r') {
        throw new IllegalArgumentException("extended data value contains '" + c + "' at " + i);
      }
    }
  }

  /** Longitude ({@code X}). */
  public boolean isLongitude() {
    return type == 'X';
  }

  /** Latitude ({@code Y}). */
  public boolean isLatitude() {
    return type == 'Y';
  }

  /** Verification: links to audio/video associated with the event ({@code V}). */
  public boolean isVerification() {
    return type == 'V';
  }

  /** The value decoded as Windows-1252, the charset DC-09 gives text fields such as I, L, V. */
  public String text() {
    return new String(value.getBytes(StandardCharsets.ISO_8859_1), WINDOWS_1252);
  }

  /** The block as it appears in a frame, {@code [Xvalue]}. */
  public String block() {
    return "[" + type + value + "]";
  }

  private static Charset windows1252() {
    try {
      return Charset.forName("windows-1252");
    } catch (RuntimeException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }
}
