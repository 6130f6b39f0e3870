package org.vigil.protocol.dc09;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-128/192/256 key for DC-09 encryption, with the form it was typed in. The key material is
 * never printed: {@link #toString()} shows only the size and form.
 */
public final class Dc09Key {

  private final byte[] bytes;
  private final KeyForm form;
  private final SecretKeySpec spec;

  private Dc09Key(byte[] bytes, KeyForm form) {
    this.bytes = bytes;
    this.form = form;
    this.spec = new SecretKeySpec(bytes, "AES");
  }

  SecretKeySpec spec() {
    return spec;
  }

  /** A key from raw bytes (16, 24 or 32). */
  public static Dc09Key ofBytes(byte[] bytes, KeyForm form) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new IllegalArgumentException(
          "AES key must be 16, 24 or 32 bytes, got " + bytes.length);
    }
    return new Dc09Key(bytes.clone(), Objects.requireNonNull(form, "form"));
  }

  /**
   * Parses a typed-in key.
   *
   * @throws IllegalArgumentException with the reason (wrong length for the form, non-hex character)
   */
  public static Dc09Key parse(String text, KeyForm form) {
    Optional<String> problem = problem(text, form);
    if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
    byte[] b =
        form == KeyForm.HEX
            ? HexFormat.of().parseHex(text)
            : text.getBytes(StandardCharsets.ISO_8859_1);
    return new Dc09Key(b, form);
  }

  /** Why the text is not a key in this form, or empty when it is one. */
  public static Optional<String> problem(String text, KeyForm form) {
    if (text == null || text.isEmpty()) return Optional.of("key is empty");
    if (form == KeyForm.HEX) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 0x7F) {
          return Optional.of("hex key has a non-hex character at position " + (i + 1));
        }
      }
      int n = text.length();
      if (n != 32 && n != 48 && n != 64) {
        return Optional.of(
            "hex key must be 32, 48 or 64 hex characters (AES-128/192/256), got " + n
                + (n == 16 || n == 24 ? "; did you mean --key-form ascii?" : ""));
      }
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return Optional.of("ASCII key has a non-printable character at position " + (i + 1));
      }
    }
    int n = text.length();
    if (n != 16 && n != 24 && n != 32) {
      return Optional.of(
          "ASCII key must be 16, 24 or 32 characters (AES-128/192/256), got " + n
              + (n == 48 || n == 64 ? "; did you mean --key-form hex?" : ""));
    }
    return Optional.empty();
  }

  /**
   * Every reading of a typed key that is valid: a 32-character hex string is both a 128-bit hex key
   * and a 256-bit ASCII key. Used by diagnostics to try both forms.
   */
  public static List<Dc09Key> candidates(String text) {
    List<Dc09Key> keys = new ArrayList<>(2);
    for (KeyForm form : KeyForm.values()) {
      if (problem(text, form).isEmpty()) keys.add(parse(text, form));
    }
    return keys;
  }

  /** A copy of the key bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  public KeyForm form() {
    return form;
  }

  /** Key size in bits: 128, 192 or 256. */
  public int bits() {
    return bytes.length * 8;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dc09Key k && form == k.form && MessageDigest.isEqual(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + form.hashCode();
  }

  @Override
  public String toString() {
    return "Dc09Key[AES-" + bits() + ", " + form.name().toLowerCase() + "]";
  }
}
