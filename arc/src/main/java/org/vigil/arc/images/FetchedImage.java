package org.vigil.arc.images;

import java.util.Locale;
import java.util.Optional;

/**
 * One image as fetched. {@code contentType} is what the bytes are (sniffed), not what the server
 * claimed, so the console serves it with a correct type.
 */
public record FetchedImage(String name, String contentType, byte[] bytes) {
  /**
   * The image type of {@code bytes} from its signature (JPEG, PNG, GIF, WebP), or empty. The console
   * only serves these, so an HTML or SVG body can never run script in an operator's browser.
   */
  public static Optional<String> sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return Optional.of("image/jpeg");
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) return Optional.of("image/png");
    if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') return Optional.of("image/gif");
    if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return Optional.of("image/webp");
    return Optional.empty();
  }

  /** A safe file name for a fetched image: letters, digits, dot, dash, underscore; at most 100. */
  static boolean safeName(String name) {
    if (name == null || name.isEmpty() || name.length() > 100 || name.startsWith(".")) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '.' && c != '-' && c != '_') return false;
    }
    return true;
  }

  static String mediaType(String header) {
    if (header == null) return "";
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
