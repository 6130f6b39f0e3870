package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.vigil.protocol.event.SignalEvents;

/**
 * One million seeded mutations of valid frames: every one decodes or is rejected with a typed
 * error, never an exception. Half of the mutants get their CRC and length repaired so the mutation
 * reaches the parser and the decrypter instead of stopping at the CRC check.
 */
class Dc09MutationTest {

  static final int MUTANTS = 1_000_000;
  static final byte[] INTERESTING = "\"[]|_#RLA*\r\n\0 09aFfZ:,-^/".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  @Test
  void oneMillionMutatedFramesAllDecodeOrAreRejectedWithATypedError() {
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(20261122L);
    Dc09Key key = Dc09Key.parse("ABCDABCDABCDABCDABCDABCDABCDABCD", KeyForm.HEX);
    List<byte[]> pool = new ArrayList<>(RandomFrames.pool(r, key, 300));
    Frames.vectors().values().forEach(v -> pool.add(v.bytes()));
    Dc09Codec codec = Dc09Codec.standard();
    KeyLookup keys = KeyLookup.always(key);
    Map<Dc09Error.Kind, Integer> rejected = new EnumMap<>(Dc09Error.Kind.class);
    int decoded = 0;
    List<String> failures = new ArrayList<>();
    Dc09StreamFramer framer = new Dc09StreamFramer();
    for (int i = 0; i < MUTANTS; i++) {
      byte[] m = mutate(r, pool.get(r.nextInt(pool.size())));
      try {
        Dc09Result result = codec.decode(m, keys);
        switch (result) {
          case Dc09Result.Decoded d -> {
            decoded++;
            SignalEvents.of(d.frame());
          }
          case Dc09Result.Rejected rej -> {
            assertThat(rej.error().detail()).isNotBlank();
            rejected.merge(rej.error().kind(), 1, Integer::sum);
          }
        }
        if ((i & 15) == 0) framer.feed(m, 0, m.length, f -> codec.decode(f, keys));
      } catch (RuntimeException | AssertionError e) {
        if (failures.size() < 10) failures.add(e + " on " + Dc09Notation.format(m));
      }
    }
    assertThat(failures).isEmpty();
    assertThat(decoded + rejected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MUTANTS);
    assertThat(decoded).isGreaterThan(10_000);
    assertThat(rejected).containsKeys(Dc09Error.Kind.CRC, Dc09Error.Kind.MALFORMED,
        Dc09Error.Kind.DECRYPT, Dc09Error.Kind.UNKNOWN_ID);
  }

  static byte[] mutate(RandomGenerator r, byte[] src) {
    byte[] m = src.clone();
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && m.length > 0; e++) {
      int at = r.nextInt(m.length);
      switch (r.nextInt(7)) {
        case 0 -> m[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> m[at] = INTERESTING[r.nextInt(INTERESTING.length)];
        case 2 -> m[at] = (byte) r.nextInt(256);
        case 3 -> {
          int n = Math.min(m.length - at, 1 + r.nextInt(8));
          byte[] out = new byte[m.length - n];
          System.arraycopy(m, 0, out, 0, at);
          System.arraycopy(m, at + n, out, at, m.length - at - n);
          m = out;
        }
        case 4 -> {
          byte[] ins = new byte[1 + r.nextInt(6)];
          for (int k = 0; k < ins.length; k++) ins[k] = INTERESTING[r.nextInt(INTERESTING.length)];
          byte[] out = new byte[m.length + ins.length];
          System.arraycopy(m, 0, out, 0, at);
          System.arraycopy(ins, 0, out, at, ins.length);
          System.arraycopy(m, at, out, at + ins.length, m.length - at);
          m = out;
        }
        case 5 -> m = Arrays.copyOf(m, at);
        default -> {
          int n = Math.min(m.length - at, 1 + r.nextInt(12));
          byte[] out = new byte[m.length + n];
          System.arraycopy(m, 0, out, 0, at + n);
          System.arraycopy(m, at, out, at + n, m.length - at);
          m = out;
        }
      }
    }
    if (r.nextBoolean()) repair(m);
    return m;
  }

  /** Rewrites CRC and length of a hex-CRC frame shape so the mutant passes the CRC check. */
  static void repair(byte[] m) {
    if (m.length < 11 || m[0] != 0x0A || m[9] != '"' || m[m.length - 1] != 0x0D) return;
    int crc = Crc16.compute(m, 9, m.length - 1);
    byte[] head = String.format("%04X%04X", crc, (m.length - 10) & 0xFFFF).getBytes();
    System.arraycopy(head, 0, m, 1, 8);
  }
}
