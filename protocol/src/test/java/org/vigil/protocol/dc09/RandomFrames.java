package org.vigil.protocol.dc09;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Seeded generator of valid frames and keys for round-trip, mutation tests and benchmarks. */
public final class RandomFrames {

  private static final String HEX = "0123456789ABCDEFabcdef";
  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Dc09Id[] IDS = {
    Dc09Id.SIA_DCS, Dc09Id.ADM_CID, Dc09Id.NULL, Dc09Id.ACK, Dc09Id.DUH, Dc09Id.RSP
  };

  private RandomFrames() {}

  public static Dc09Frame frame(RandomGenerator r, boolean encrypted) {
    if (!encrypted && r.nextInt(20) == 0) {
      return Dc09Responses.nakFrame(java.time.Instant.ofEpochSecond(r.nextLong(4_000_000_000L)),
          r.nextBoolean() ? CrcForm.HEX : CrcForm.BINARY);
    }
    Dc09Frame.Builder b = Dc09Frame.builder(IDS[r.nextInt(IDS.length)])
        .encrypted(encrypted)
        .sequence(r.nextInt(10000))
        .crcForm(r.nextInt(4) == 0 ? CrcForm.BINARY : CrcForm.HEX);
    if (r.nextBoolean()) b.receiver(text(r, HEX, 1 + r.nextInt(6)));
    if (r.nextInt(4) != 0) b.line(text(r, HEX, r.nextInt(7)));
    if (r.nextInt(8) != 0) b.account(text(r, ALNUM, 1 + r.nextInt(16)));
    b.data(data(r, r.nextInt(4) == 0 ? 0 : r.nextInt(80)));
    int xs = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
    for (int i = 0; i < xs; i++) {
      char type = (char) (r.nextBoolean() ? 'A' + r.nextInt(26) : 0x21 + r.nextInt(0x5E));
      if (type == '[' || type == ']') type = 'V';
      b.addExtended(type, xvalue(r, r.nextInt(30)));
    }
    if (encrypted || r.nextBoolean()) {
      b.timestamp(LocalDateTime.of(2000 + r.nextInt(100), 1 + r.nextInt(12), 1 + r.nextInt(28),
          r.nextInt(24), r.nextInt(60), r.nextInt(60)));
    }
    return b.build();
  }

  public static Dc09Key key(RandomGenerator r, int bits, KeyForm form) {
    int n = bits / 8;
    if (form == KeyForm.HEX) {
      byte[] k = new byte[n];
      r.nextBytes(k);
      return Dc09Key.parse(java.util.HexFormat.of().formatHex(k), KeyForm.HEX);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append((char) (0x20 + r.nextInt(0x5F)));
    return Dc09Key.parse(sb.toString(), KeyForm.ASCII);
  }

  static String text(RandomGenerator r, String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return sb.toString();
  }

  /** Any byte except ']', CR and LF; mostly printable. */
  static String data(RandomGenerator r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = r.nextInt(10) == 0 ? (char) r.nextInt(256) : (char) (0x20 + r.nextInt(0x5F));
      if (c == ']' || c == '\r' || c == '\n') c = '|';
      sb.append(c);
    }
    return sb.toString();
  }

  static String xvalue(RandomGenerator r, int n) {
    String s = data(r, n);
    return s.replace('[', '(');
  }

  /** A pool of valid encoded frames, a third encrypted with {@code key}. */
  public static List<byte[]> pool(RandomGenerator r, Dc09Key key, int n) {
    Dc09Codec codec = Dc09Codec.withRandom(r);
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean enc = i % 3 == 0;
      out.add(codec.encode(frame(r, enc), key));
    }
    return out;
  }
}
