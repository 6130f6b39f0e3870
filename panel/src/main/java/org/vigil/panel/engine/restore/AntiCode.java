package org.vigil.panel.engine.restore;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The BS 8473 remote reset "anti-code": the panel shows a challenge, the user reads it to the ARC,
 * the ARC (knowing the site's secret) answers with the response, and the user types it in. Both are
 * HMAC-SHA256 of the shared secret, reduced to digits a person can read over the phone:
 *
 * <ul>
 *   <li>challenge = 5 digits of HMAC(secret, "vigil-challenge|" + site + "|" + area + "|" + counter),
 *       where the counter grows with every challenge issued, so an old response never works again;
 *   <li>response = 6 digits of HMAC(secret, "vigil-response|" + challenge).
 * </ul>
 *
 * The ARC computes {@link #response} from the challenge alone ({@code vigil anticode}). Pure: no
 * clock, no randomness.
 */
public final class AntiCode {
  private AntiCode() {}

  public static String challenge(String secret, String site, String area, long counter) {
    return digits(mac(secret, "vigil-challenge|" + site + "|" + area + "|" + counter), 5);
  }

  public static String response(String secret, String challenge) {
    return digits(mac(secret, "vigil-response|" + challenge.trim()), 6);
  }

  /** Constant-time comparison of a typed response with the expected one. */
  public static boolean matches(String secret, String challenge, String typed) {
    if (typed == null) return false;
    byte[] a = response(secret, challenge).getBytes(StandardCharsets.US_ASCII);
    byte[] b = typed.trim().getBytes(StandardCharsets.US_ASCII);
    return java.security.MessageDigest.isEqual(a, b);
  }

  private static byte[] mac(String secret, String message) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return m.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String digits(byte[] h, int n) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
    long mod = (long) Math.pow(10, n);
    return String.format("%0" + n + "d", Long.remainderUnsigned(v, mod));
  }
}
