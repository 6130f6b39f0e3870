package org.vigil.panel.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A hashed PIN (PBKDF2-HMAC-SHA256). Text form {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash
 * b64>}. The clear PIN never leaves the loader; {@link #toString()} never shows the hash either.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash, int length) {
  public static final String PREFIX = "pbkdf2-sha256$";
  public static final int DEFAULT_ITERATIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  public static PinHash of(String pin, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PinHash(iterations, salt, derive(pin, salt, iterations), pin.length());
  }

  /** Hashes with a salt chosen by the caller (a pure engine derives it; it must be unique, not secret). */
  public static PinHash of(String pin, int iterations, byte[] salt) {
    return new PinHash(iterations, salt.clone(), derive(pin, salt, iterations), pin.length());
  }

  /** Parses the text form; {@code length} is stored as a 5th field when known, else 0. */
  public static PinHash parse(String text) {
    if (!text.startsWith(PREFIX)) throw new IllegalArgumentException("a PIN hash must start with " + PREFIX);
    String[] parts = text.substring(PREFIX.length()).split("\\$");
    if (parts.length < 3 || parts.length > 4) throw new IllegalArgumentException("expected pbkdf2-sha256$iterations$salt$hash[$length]");
    try {
      int it = Integer.parseInt(parts[0]);
      int len = parts.length == 4 ? Integer.parseInt(parts[3]) : 0;
      return new PinHash(it, Base64.getDecoder().decode(parts[1]), Base64.getDecoder().decode(parts[2]), len);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed PIN hash (iterations, salt or hash)");
    }
  }

  public boolean matches(String candidate) {
    return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
  }

  public String encoded() {
    Base64.Encoder b = Base64.getEncoder();
    return PREFIX + iterations + "$" + b.encodeToString(salt) + "$" + b.encodeToString(hash) + (length > 0 ? "$" + length : "");
  }

  private static byte[] derive(String pin, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "PinHash[hidden]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PinHash p && MessageDigest.isEqual(hash, p.hash) && MessageDigest.isEqual(salt, p.salt);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(hash);
  }
}
