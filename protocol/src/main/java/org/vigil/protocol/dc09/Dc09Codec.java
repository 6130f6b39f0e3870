package org.vigil.protocol.dc09;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * Decodes DC-09 frames from bytes and encodes them byte-exact (research A.2-A.10). Decoding never
 * throws for bad input: every failure is a {@link Dc09Result.Rejected} with a typed {@link
 * Dc09Error}. Instances are immutable and thread-safe when their random generator is (the default
 * {@link SecureRandom} is).
 */
public final class Dc09Codec {

  /** Largest frame: LF + 4 CRC + 4 length + 0xFFF body + CR. */
  public static final int MAX_FRAME_BYTES = 1 + 4 + 4 + 0xFFF + 1;

  private static final byte LF = 0x0A;
  private static final byte CR = 0x0D;
  private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[16]);
  private static final ThreadLocal<Cipher> AES =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/CBC/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES/CBC/NoPadding is missing from this JDK", e);
            }
          });
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private final RandomGenerator random;
  private final boolean strictLength;
  private final boolean requireEncryptionWhenKeyed;

  private Dc09Codec(RandomGenerator random, boolean strictLength, boolean requireEncryption) {
    this.random = Objects.requireNonNull(random, "random");
    this.strictLength = strictLength;
    this.requireEncryptionWhenKeyed = requireEncryption;
  }

  /** Tolerant length check, no downgrade check, pads from a {@link SecureRandom}. */
  public static Dc09Codec standard() {
    return new Dc09Codec(new SecureRandom(), false, false);
  }

  /** Like {@link #standard()} with pads drawn from the given generator (seeded in tests). */
  public static Dc09Codec withRandom(RandomGenerator random) {
    return new Dc09Codec(random, false, false);
  }

  /**
   * Strict: a length field that differs from the byte count rejects the frame (LENGTH). Default is
   * tolerant: the CRC already proves the bytes intact, and a NAK would make an Eldes panel (decimal
   * length) retransmit the same alarm forever.
   */
  public Dc09Codec strictLength(boolean strict) {
    return new Dc09Codec(random, strict, requireEncryptionWhenKeyed);
  }

  /**
   * Refuse clear-text events and NULLs from accounts that have a key (ENCRYPTION_REQUIRED), so an
   * attacker cannot downgrade an encrypted account to clear text.
   */
  public Dc09Codec requireEncryptionWhenKeyed(boolean require) {
    return new Dc09Codec(random, strictLength, require);
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes a frame that carries no encryption (encrypted frames give KEY_REQUIRED). */
  public Dc09Result decode(byte[] frame) {
    return decode(frame, KeyLookup.none());
  }

  /**
   * Decodes one frame: LF, CRC, length, body, CR (trailing NUL bytes tolerated).
   *
   * @param frame the bytes of one frame (one UDP datagram, or one frame from {@link
   *     Dc09StreamFramer})
   * @param keys finds the key of an encrypted frame from its clear-text header
   */
  public Dc09Result decode(byte[] frame, KeyLookup keys) {
    if (frame == null) return malformed(0, "no bytes", null);
    if (keys == null) keys = KeyLookup.none();
    List<Deviation> deviations = new ArrayList<>(0);
    int n = frame.length;
    while (n > 0 && frame[n - 1] == 0) n--;
    if (n < frame.length) {
      deviations.add(new Deviation(Deviation.Kind.TRAILING_NUL,
          (frame.length - n) + " NUL byte(s) after the frame ignored"));
    }
    if (n == 0) return malformed(0, "empty frame", null);
    if (n > MAX_FRAME_BYTES) {
      return reject(Dc09Error.Kind.TOO_LONG,
          n + " bytes; no DC-09 frame is longer than " + MAX_FRAME_BYTES, -1, null);
    }
    if (frame[0] != LF) return malformed(0, "a frame starts with LF (0x0A)", null);
    if (n < 2 || frame[n - 1] != CR) return malformed(n - 1, "a frame ends with CR (0x0D)", null);
    CrcForm form;
    int q;
    if (n > 10 && frame[9] == '"') {
      form = CrcForm.HEX;
      q = 9;
    } else if (n > 8 && frame[7] == '"') {
      form = CrcForm.BINARY;
      q = 7;
    } else {
      return malformed(n > 9 ? 9 : n - 1,
          "no '\"' after CRC and length (byte 9 for a hex CRC, byte 7 for a binary CRC)", null);
    }
    int end = n - 1;
    int lengthField = 0;
    for (int i = q - 4; i < q; i++) {
      int d = hexDigit(frame[i]);
      if (d < 0) return malformed(i, "length field must be 4 hex characters", null);
      lengthField = lengthField * 16 + d;
    }
    int sent;
    if (form == CrcForm.HEX) {
      sent = 0;
      for (int i = 1; i < 5; i++) {
        int d = hexDigit(frame[i]);
        if (d < 0) return malformed(i, "CRC field must be 4 hex characters", null);
        sent = sent * 16 + d;
      }
    } else {
      sent = ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
    }
    int computed = Crc16.compute(frame, q, end);
    if (sent != computed) {
      return reject(Dc09Error.Kind.CRC,
          String.format("CRC in frame %04X, CRC of the bytes %04X (CRC-16/ARC over %d bytes from"
              + " the first '\"' to before CR)", sent, computed, end - q), 1,
          formOnly(form));
    }
    int bodyLength = end - q;
    if (lengthField != bodyLength) {
      boolean decimal = decimalLength(frame, q - 4) == bodyLength;
      String detail = String.format("length field %s = %d bytes, body has %d (0x%04X)%s",
          new String(frame, q - 4, 4, StandardCharsets.ISO_8859_1), lengthField, bodyLength,
          bodyLength, decimal ? "; the field holds the count in decimal" : "");
      if (strictLength) return reject(Dc09Error.Kind.LENGTH, detail, q - 4, formOnly(form));
      deviations.add(new Deviation(
          decimal ? Deviation.Kind.LENGTH_DECIMAL : Deviation.Kind.LENGTH_MISMATCH, detail));
    }
    String body = new String(frame, q, bodyLength, StandardCharsets.ISO_8859_1);
    return parseBody(frame, body, q, form, keys, deviations);
  }

  private Dc09Result parseBody(
      byte[] frame, String s, int q, CrcForm form, KeyLookup keys, List<Deviation> deviations) {
    int len = s.length();
    int close = -1;
    for (int i = 1; i < Math.min(len, 13); i++) {
      if (s.charAt(i) == '"') {
        close = i;
        break;
      }
    }
    if (close < 0) return malformed(q + 1, "id token not closed by '\"' within 11 characters", null);
    String token = s.substring(1, close);
    boolean encrypted = token.startsWith("*");
    Dc09Id id = Dc09Id.ofToken(encrypted ? token.substring(1) : token).orElse(null);
    int i = close + 1;
    if (len - i < 4 || !digits4(s, i)) {
      return malformed(q + i, "sequence must be 4 digits", partial(token, id, encrypted, null, null,
          null, '#', null, form));
    }
    String sequence = s.substring(i, i + 4);
    i += 4;
    String receiver = null;
    if (i < len && s.charAt(i) == 'R') {
      int j = hexRun(s, i + 1);
      if (j == i + 1 || j - i - 1 > Dc09Frame.MAX_RECEIVER_DIGITS) {
        return malformed(q + i + 1, "receiver R must have 1-6 hex digits",
            partial(token, id, encrypted, sequence, null, null, '#', null, form));
      }
      receiver = s.substring(i + 1, j);
      i = j;
    }
    String line = null;
    char marker = '#';
    String account = null;
    if (i < len && s.charAt(i) == 'L') {
      int j = hexRun(s, i + 1);
      line = s.substring(i + 1, j);
      // Fixed NAK form "L0A0": the A account token is swallowed by the hex run of L; split it off.
      if (j < len && s.charAt(j) == '[' && id == Dc09Id.NAK && line.lastIndexOf('A') > 0) {
        int a = line.lastIndexOf('A');
        account = line.substring(a + 1);
        marker = 'A';
        line = line.substring(0, a);
      }
      if (line.length() > Dc09Frame.MAX_RECEIVER_DIGITS) {
        return malformed(q + i + 1, "line L must have 0-6 hex digits",
            partial(token, id, encrypted, sequence, receiver, null, '#', null, form));
      }
      i = j;
    }
    if (account == null && i < len && (s.charAt(i) == '#' || s.charAt(i) == 'A')) {
      marker = s.charAt(i);
      int j = i + 1;
      while (j < len && Dc09Frame.isAlnum(s.charAt(j))) j++;
      if (j - i - 1 > Dc09Frame.MAX_ACCOUNT_LENGTH) {
        return malformed(q + i + 1, "account longer than 16 characters",
            partial(token, id, encrypted, sequence, receiver, line, '#', null, form));
      }
      account = s.substring(i + 1, j);
      i = j;
    }
    Dc09Header header =
        partial(token, id, encrypted, sequence, receiver, line, marker, account, form);
    if (i >= len || s.charAt(i) != '[') {
      return malformed(q + i, "expected '[' (start of the data block)"
          + (i < len ? ", found '" + printable(s.charAt(i)) + "'" : ""), header);
    }
    if (id == null) {
      return reject(Dc09Error.Kind.UNKNOWN_ID, "unknown id token \"" + token + "\"", q + 1, header);
    }
    Tail tail = new Tail();
    if (!encrypted) {
      if (requireEncryptionWhenKeyed && !id.isResponse()
          && keys.keyFor(receiver, line, account).isPresent()) {
        return reject(Dc09Error.Kind.ENCRYPTION_REQUIRED,
            "clear-text " + id.token() + " from an account that has a key", -1, header);
      }
      if (!tail.parse(s, i + 1, false)) {
        return malformed(q + tail.failAt, tail.reason, header);
      }
    } else {
      if (id == Dc09Id.NAK) {
        return malformed(q + 1, "NAK is never encrypted", header);
      }
      int hexStart = i + 1;
      int hexLen = len - hexStart;
      for (int k = hexStart; k < len; k++) {
        if (Character.digit(s.charAt(k), 16) < 0) {
          return malformed(q + k, "ciphertext must be hex characters", header);
        }
      }
      if (hexLen == 0 || hexLen % 32 != 0) {
        return malformed(q + hexStart, "ciphertext has " + hexLen
            + " hex characters, not a non-zero multiple of 32 (16-byte AES blocks)", header);
      }
      Optional<Dc09Key> key = keys.keyFor(receiver, line, account);
      if (key.isEmpty()) {
        return reject(Dc09Error.Kind.KEY_REQUIRED,
            "encrypted frame and no key for this account", -1, header);
      }
      byte[] plain = decrypt(key.get(), s, hexStart, hexLen);
      String p = new String(plain, StandardCharsets.ISO_8859_1);
      int pipe = p.indexOf('|');
      int dataStart;
      if (pipe >= 0 && noBracket(p, pipe)) {
        dataStart = pipe + 1;
      } else {
        // Tolerated: pysiaalarm senders omit the '|' after the pad (research A.10, PY-01).
        int bracket = p.indexOf(']');
        if (bracket < 0) return decryptFailed(key.get(), header);
        dataStart = bracket;
        deviations.add(new Deviation(Deviation.Kind.NO_PAD_TERMINATOR,
            "no '|' after the pad; data taken as empty"));
      }
      if (!tail.parse(p, dataStart, true)) return decryptFailed(key.get(), header);
    }
    try {
      Dc09Frame f = new Dc09Frame(id, encrypted, sequence, receiver, line, marker, account,
          tail.data, tail.extended, Optional.ofNullable(tail.timestamp), form,
          java.util.Arrays.copyOf(frame, q + len + 1));
      return new Dc09Result.Decoded(f, deviations);
    } catch (IllegalArgumentException e) {
      // Defensive: every field was checked above; keep the promise of a typed error regardless.
      return malformed(q, e.getMessage(), header);
    }
  }

  private static boolean noBracket(String p, int upTo) {
    for (int k = 0; k < upTo; k++) {
      char c = p.charAt(k);
      if (c == '[' || c == ']') return false;
    }
    return true;
  }

  private static Dc09Result decryptFailed(Dc09Key key, Dc09Header header) {
    return reject(Dc09Error.Kind.DECRYPT,
        "decrypted text is not a DC-09 body ('|', data, ']' and a timestamp): wrong key, wrong key"
            + " form or corrupted ciphertext (tried AES-" + key.bits() + " from a "
            + key.form().name().toLowerCase() + " key)", -1, header);
  }

  /** Parses {@code data]} then {@code [x...]}* then optional {@code _timestamp} to the end. */
  private static final class Tail {
    String data;
    List<ExtendedData> extended = List.of();
    LocalDateTime timestamp;
    int failAt;
    String reason;

    boolean parse(String s, int from, boolean requireTimestamp) {
      int len = s.length();
      int close = -1;
      for (int k = from; k < len; k++) {
        char c = s.charAt(k);
        if (c == ']') {
          close = k;
          break;
        }
        if (c == '\r' || c == '\n') return fail(k, "CR or LF inside the data block");
      }
      if (close < 0) return fail(len, "data block not closed by ']'");
      data = s.substring(from, close);
      int k = close + 1;
      List<ExtendedData> xs = null;
      while (k < len && s.charAt(k) == '[') {
        int c2 = -1;
        for (int m = k + 1; m < len; m++) {
          char c = s.charAt(m);
          if (c == ']') {
            c2 = m;
            break;
          }
          if (c == '[' || c == '\r' || c == '\n') return fail(m, "bad character in extended data");
        }
        if (c2 < 0) return fail(len, "extended data block not closed by ']'");
        if (c2 == k + 1) return fail(k, "empty extended data block '[]'");
        if (xs == null) xs = new ArrayList<>(2);
        xs.add(new ExtendedData(s.charAt(k + 1), s.substring(k + 2, c2)));
        k = c2 + 1;
      }
      if (xs != null) extended = xs;
      if (k < len && s.charAt(k) == '_') {
        if (len - k - 1 != Dc09Timestamp.LENGTH) {
          return fail(k, "timestamp must be _HH:MM:SS,MM-DD-YYYY (19 characters) and end the frame");
        }
        timestamp = Dc09Timestamp.parse(s, k + 1).orElse(null);
        if (timestamp == null) return fail(k + 1, "timestamp is not a valid HH:MM:SS,MM-DD-YYYY");
        k = len;
      }
      if (k < len) {
        return fail(k, "unexpected '" + printable(s.charAt(k)) + "' after the data block");
      }
      if (requireTimestamp && timestamp == null) {
        return fail(len, "encrypted frames must carry a timestamp");
      }
      return true;
    }

    private boolean fail(int at, String why) {
      failAt = at;
      reason = why;
      return false;
    }
  }

  private static byte[] decrypt(Dc09Key key, String s, int from, int hexLen) {
    byte[] ct = new byte[hexLen / 2];
    for (int k = 0; k < ct.length; k++) {
      ct[k] = (byte) ((Character.digit(s.charAt(from + 2 * k), 16) << 4)
          | Character.digit(s.charAt(from + 2 * k + 1), 16));
    }
    try {
      Cipher c = AES.get();
      c.init(Cipher.DECRYPT_MODE, key.spec(), ZERO_IV);
      return c.doFinal(ct);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES failed on a block-aligned input", e);
    }
  }

  // ---------------------------------------------------------------- encoding

  /**
   * Encodes a frame. Encrypted frames ({@link Dc09Frame#encrypted()}) need a key and a timestamp;
   * the pad is drawn from this codec's random generator. The key is ignored for clear frames.
   *
   * @throws IllegalArgumentException when the frame cannot be sent as it is (encrypted without key
   *     or timestamp, encrypted NAK, body longer than 0xFFF)
   */
  public byte[] encode(Dc09Frame frame, Dc09Key key) {
    return encode(frame, key, null);
  }

  /**
   * Encodes with a given pad (tests reproducing published frames byte-for-byte). The pad must have
   * the length that makes the encrypted region a multiple of 16 and must not contain {@code |},
   * {@code [} or {@code ]}.
   */
  public byte[] encode(Dc09Frame frame, Dc09Key key, byte[] pad) {
    Objects.requireNonNull(frame, "frame");
    StringBuilder body = new StringBuilder(64 + frame.data().length());
    body.append('"');
    if (frame.encrypted()) body.append('*');
    body.append(frame.id().token()).append('"').append(frame.sequence());
    if (frame.receiver() != null) body.append('R').append(frame.receiver());
    if (frame.line() != null) body.append('L').append(frame.line());
    if (frame.account() != null) body.append(frame.accountMarker()).append(frame.account());
    body.append('[');
    if (!frame.encrypted()) {
      appendTail(body, frame);
    } else {
      if (key == null) throw new IllegalArgumentException("an encrypted frame needs a key");
      if (frame.id() == Dc09Id.NAK) throw new IllegalArgumentException("NAK is never encrypted");
      if (frame.timestamp().isEmpty()) {
        throw new IllegalArgumentException("an encrypted frame must carry a timestamp");
      }
      StringBuilder tail = new StringBuilder(frame.data().length() + 32);
      tail.append('|');
      appendTail(tail, frame);
      int padLen = 16 - tail.length() % 16;
      byte[] p = pad == null ? randomPad(padLen) : pad;
      if (p.length != padLen) {
        throw new IllegalArgumentException("pad must be " + padLen + " bytes, got " + p.length);
      }
      byte[] plain = new byte[padLen + tail.length()];
      for (int k = 0; k < padLen; k++) {
        if (p[k] == '|' || p[k] == '[' || p[k] == ']') {
          throw new IllegalArgumentException("pad must not contain '|', '[' or ']'");
        }
        plain[k] = p[k];
      }
      for (int k = 0; k < tail.length(); k++) plain[padLen + k] = (byte) tail.charAt(k);
      byte[] ct;
      try {
        Cipher c = AES.get();
        c.init(Cipher.ENCRYPT_MODE, key.spec(), ZERO_IV);
        ct = c.doFinal(plain);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES failed on a block-aligned input", e);
      }
      for (byte b : ct) body.append(HEX_UPPER[(b >> 4) & 0xF]).append(HEX_UPPER[b & 0xF]);
    }
    int bodyLen = body.length();
    if (bodyLen > 0xFFF) {
      throw new IllegalArgumentException("frame body is " + bodyLen + " bytes, DC-09 allows 4095");
    }
    boolean hex = frame.crcForm() == CrcForm.HEX;
    int q = hex ? 9 : 7;
    byte[] out = new byte[q + bodyLen + 1];
    out[0] = LF;
    for (int k = 0; k < bodyLen; k++) out[q + k] = (byte) body.charAt(k);
    int crc = Crc16.compute(out, q, q + bodyLen);
    if (hex) {
      writeHex4(out, 1, crc);
    } else {
      out[1] = (byte) (crc >>> 8);
      out[2] = (byte) crc;
    }
    writeHex4(out, q - 4, bodyLen);
    out[out.length - 1] = CR;
    return out;
  }

  private static void appendTail(StringBuilder sb, Dc09Frame frame) {
    sb.append(frame.data()).append(']');
    for (ExtendedData x : frame.extended()) sb.append('[').append(x.type()).append(x.value()).append(']');
    frame.timestamp().ifPresent(t -> sb.append('_').append(Dc09Timestamp.format(t)));
  }

  private byte[] randomPad(int n) {
    byte[] pad = new byte[n];
    for (int k = 0; k < n; k++) {
      byte b;
      do {
        b = (byte) random.nextInt(256);
      } while (b == '|' || b == '[' || b == ']');
      pad[k] = b;
    }
    return pad;
  }

  private static void writeHex4(byte[] out, int at, int v) {
    out[at] = (byte) HEX_UPPER[(v >> 12) & 0xF];
    out[at + 1] = (byte) HEX_UPPER[(v >> 8) & 0xF];
    out[at + 2] = (byte) HEX_UPPER[(v >> 4) & 0xF];
    out[at + 3] = (byte) HEX_UPPER[v & 0xF];
  }

  // ---------------------------------------------------------------- helpers

  private static boolean digits4(String s, int at) {
    for (int k = at; k < at + 4; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  private static int decimalLength(byte[] f, int at) {
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      if (f[i] < '0' || f[i] > '9') return -1;
      v = v * 10 + (f[i] - '0');
    }
    return v;
  }

  static int hexDigit(byte b) {
    if (b >= '0' && b <= '9') return b - '0';
    if (b >= 'A' && b <= 'F') return b - 'A' + 10;
    if (b >= 'a' && b <= 'f') return b - 'a' + 10;
    return -1;
  }

  private static int hexRun(String s, int from) {
    int j = from;
    while (j < s.length() && hexDigit((byte) s.charAt(j)) >= 0 && s.charAt(j) < 0x80) j++;
    return j;
  }

  private static Dc09Header partial(String token, Dc09Id id, boolean enc, String seq, String r,
      String l, char marker, String acct, CrcForm form) {
    return new Dc09Header(token, id, enc, seq, r, l, marker, acct, form);
  }

  /** A header that knows only the CRC form: enough to NAK a binary-CRC panel in its own form. */
  private static Dc09Header formOnly(CrcForm form) {
    return new Dc09Header(null, null, false, null, null, null, '#', null, form);
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c);
  }

  private static Dc09Result malformed(int offset, String detail, Dc09Header header) {
    return reject(Dc09Error.Kind.MALFORMED, detail, offset, header);
  }

  private static Dc09Result reject(Dc09Error.Kind kind, String detail, int offset, Dc09Header h) {
    return new Dc09Result.Rejected(new Dc09Error(kind, detail, offset, null, h));
  }
}
