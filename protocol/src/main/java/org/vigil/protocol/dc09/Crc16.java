package org.vigil.protocol.dc09;

/**
 * CRC-16/ARC as DC-09 uses it: polynomial 0x8005 reflected (0xA001), init 0, no final XOR; check
 * value of "123456789" is 0xBB3D. The table is generated, not typed: the SIA DC-07 example table
 * has a typo in entry 101 (research A.3).
 */
public final class Crc16 {

  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16() {}

  public static int compute(byte[] bytes) {
    return compute(bytes, 0, bytes.length);
  }

  public static int compute(byte[] bytes, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
    }
    return crc;
  }
}
