package org.vigil.arc.images;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The value of a DC-09 {@code [V]} extended data block (research A.9: "information about audio or
 * video information that may be associated with the event report", up to 256 characters), checked
 * before anything is fetched. A bad link is a typed result, never an exception: the alarm it came
 * with is handled anyway, and the operator sees why there are no images.
 */
public sealed interface ImageLink {
  /** Longest [V] value (research A.9). */
  int MAX_LENGTH = 256;

  /** An absolute http(s) link with a host. */
  record Valid(URI uri) implements ImageLink {}

  /** Why {@code value} cannot be fetched. */
  record Invalid(String value, String reason) implements ImageLink {}

  static ImageLink parse(String value) {
    if (value == null || value.isBlank()) return new Invalid(value == null ? "" : value, "empty [V] block");
    String v = value.strip();
    if (v.length() > MAX_LENGTH) return new Invalid(v.substring(0, 64) + "...", "longer than " + MAX_LENGTH + " characters");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x21 || c > 0x7E) return new Invalid(v, "character " + (c < 0x21 || c == 0x7F ? String.format("0x%02X", (int) c) : "'" + c + "'") + " at " + i + " is not allowed in a link");
    }
    URI uri;
    try {
      uri = new URI(v);
    } catch (URISyntaxException e) {
      return new Invalid(v, "not a URI: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Invalid(v, scheme.isEmpty() ? "not an absolute link (no http:// or https://)" : "scheme '" + scheme + "' is not fetched (http or https only)");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) return new Invalid(v, "no host in the link");
    if (uri.getRawUserInfo() != null) return new Invalid(v, "credentials in the link are not used");
    return new Valid(uri);
  }
}
