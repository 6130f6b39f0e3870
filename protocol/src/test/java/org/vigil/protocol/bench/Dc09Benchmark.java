package org.vigil.protocol.bench;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigil.protocol.dc09.Crc16;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.KeyForm;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * Throughput of the DC-09 codec on one thread: decode (CRC + parse), AES-128 decrypt + decode,
 * encode (clear and encrypted), against two baselines measured in the same run: copying the frame
 * bytes and computing only the CRC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Dc09Benchmark {

  private static final Dc09Key KEY = Dc09Key.parse("ABCDABCDABCDABCDABCDABCDABCDABCD", KeyForm.HEX);
  private static final KeyLookup KEYS = KeyLookup.always(KEY);

  private Dc09Codec codec;
  private Dc09Frame frame;
  private Dc09Frame encryptedFrame;
  private byte[] plain;
  private byte[] encrypted;

  @Setup
  public void setup() {
    codec = Dc09Codec.withRandom(RandomGeneratorFactory.of("L64X128MixRandom").create(1));
    // A typical alarm: SIA-DCS burglary with receiver, line, account and timestamp (91 bytes).
    frame = Dc09Frame.builder(Dc09Id.SIA_DCS).sequence("0042").receiver("C0FFD").line("1234")
        .account("080027E62A64").data("#080027E62A64|Nri1/BA0003")
        .timestamp(java.time.LocalDateTime.of(2026, 11, 22, 3, 0, 0)).build();
    encryptedFrame = frame.toBuilder().encrypted(true).build();
    plain = codec.encode(frame, null);
    encrypted = codec.encode(encryptedFrame, KEY);
    if (!(codec.decode(plain) instanceof Dc09Result.Decoded)
        || !(codec.decode(encrypted, KEYS) instanceof Dc09Result.Decoded)) {
      throw new IllegalStateException("benchmark frames do not decode");
    }
  }

  @Benchmark
  public byte[] baselineCopy() {
    return plain.clone();
  }

  @Benchmark
  public int baselineCrcOnly() {
    return Crc16.compute(plain, 9, plain.length - 1);
  }

  @Benchmark
  public Dc09Result decodePlain() {
    return codec.decode(plain, KeyLookup.none());
  }

  @Benchmark
  public Dc09Result decryptAndDecodeAes128() {
    return codec.decode(encrypted, KEYS);
  }

  @Benchmark
  public byte[] encodePlain() {
    return codec.encode(frame, null);
  }

  @Benchmark
  public byte[] encodeEncryptedAes128() {
    return codec.encode(encryptedFrame, KEY);
  }

}
