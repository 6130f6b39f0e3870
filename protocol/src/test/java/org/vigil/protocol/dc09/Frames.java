package org.vigil.protocol.dc09;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: the published vectors and frames built with a correct CRC and length. */
public final class Frames {

  private Frames() {}

  /** One line of a16-vectors.tsv. */
  public record Vector(String id, String notation, String key, String keyForm) {
    public byte[] bytes() {
      return bytes(notation);
    }

    public KeyLookup keys() {
      if (key.isEmpty()) return KeyLookup.none();
      return KeyLookup.always(Dc09Key.parse(key, KeyForm.valueOf(keyForm.toUpperCase())));
    }

    public static byte[] bytes(String notation) {
      return Dc09Notation.parse(notation).orElseThrow();
    }
  }

  private static final Map<String, Vector> VECTORS = load();

  public static Map<String, Vector> vectors() {
    return VECTORS;
  }

  public static Vector vector(String id) {
    Vector v = VECTORS.get(id);
    if (v == null) throw new IllegalArgumentException("no vector " + id);
    return v;
  }

  private static Map<String, Vector> load() {
    try (InputStream in = Frames.class.getResourceAsStream("/a16-vectors.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, Vector> out = new LinkedHashMap<>();
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", -1);
        out.put(f[0], new Vector(f[0], f[1], f[2], f[3]));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** LF + hex CRC + correct length + body + CR. */
  public static byte[] withCrc(String body) {
    return build(body, CrcForm.HEX);
  }

  public static byte[] build(String body, CrcForm form) {
    byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
    int crc = Crc16.compute(b);
    List<Byte> out = new ArrayList<>();
    out.add((byte) 0x0A);
    String head = form == CrcForm.HEX
        ? String.format("%04X%04X", crc, b.length)
        : String.format("%04X", b.length);
    if (form == CrcForm.BINARY) {
      out.add((byte) (crc >> 8));
      out.add((byte) crc);
    }
    for (char c : head.toCharArray()) out.add((byte) c);
    for (byte x : b) out.add(x);
    out.add((byte) 0x0D);
    byte[] r = new byte[out.size()];
    for (int i = 0; i < r.length; i++) r[i] = out.get(i);
    return r;
  }
}
