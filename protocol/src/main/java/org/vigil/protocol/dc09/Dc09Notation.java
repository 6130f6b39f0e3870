package org.vigil.protocol.dc09;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The text notation of research A.16 for frames: {@code <LF>}, {@code <CR>} and {@code <0xNN>}
 * stand for single bytes, everything else is one byte per character (ISO-8859-1). Used by the CLI
 * and by tests that quote published frames.
 */
public final class Dc09Notation {

  private Dc09Notation() {}

  /** Bytes from notation text, or empty with no partial result when a character is not a byte. */
  public static Optional<byte[]> parse(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("<LF>", i)) {
        out.write(0x0A);
        i += 4;
      } else if (text.startsWith("<CR>", i)) {
        out.write(0x0D);
        i += 4;
      } else if (text.startsWith("<NUL>", i)) {
        out.write(0);
        i += 5;
      } else if (i + 6 <= text.length() && text.startsWith("<0x", i) && text.charAt(i + 5) == '>'
          && Character.digit(text.charAt(i + 3), 16) >= 0
          && Character.digit(text.charAt(i + 4), 16) >= 0) {
        out.write(Integer.parseInt(text.substring(i + 3, i + 5), 16));
        i += 6;
      } else {
        char c = text.charAt(i);
        if (c > 0xFF) return Optional.empty();
        out.write(c);
        i++;
      }
    }
    return Optional.of(out.toByteArray());
  }

  /** Notation text for bytes: printable ASCII as is, LF/CR named, everything else {@code <0xNN>}. */
  public static String format(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int v = b & 0xFF;
      if (v == 0x0A) sb.append("<LF>");
      else if (v == 0x0D) sb.append("<CR>");
      else if (v >= 0x20 && v < 0x7F && v != '<') sb.append((char) v);
      else sb.append(String.format("<0x%02X>", v));
    }
    return sb.toString();
  }
}
