package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Dc09StreamFramerTest {

  static final byte[] A = Frames.vector("MK-01").bytes();
  static final byte[] B = Frames.vector("SW-23").bytes();

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  @Test
  void frameSplitIntoSingleBytesComesOutWhole() {
    Dc09StreamFramer framer = new Dc09StreamFramer();
    List<byte[]> out = new ArrayList<>();
    for (byte b : concat(A, B)) framer.feed(new byte[] {b}, 0, 1, out::add);
    assertThat(out).containsExactly(A, B);
    assertThat(framer.buffered()).isZero();
  }

  @Test
  void thousandsOfFramesInOneReadAllComeOut() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < 5000; i++) all.writeBytes(i % 2 == 0 ? A : B);
    List<byte[]> out = new Dc09StreamFramer().feed(all.toByteArray());
    assertThat(out).hasSize(5000);
    assertThat(out.get(4999)).isEqualTo(B);
  }

  @Test
  void randomChunkingGivesTheSameFrames() {
    byte[] stream = concat(A, new byte[] {0}, B, A, new byte[] {0, 0}, B);
    Random rnd = new Random(42);
    for (int round = 0; round < 200; round++) {
      Dc09StreamFramer framer = new Dc09StreamFramer();
      List<byte[]> out = new ArrayList<>();
      int i = 0;
      while (i < stream.length) {
        int n = Math.min(stream.length - i, 1 + rnd.nextInt(40));
        framer.feed(stream, i, n, out::add);
        i += n;
      }
      assertThat(out).containsExactly(A, B, A, B);
      assertThat(framer.bytesDiscarded()).isZero();
    }
  }

  @Test
  void trailingNulBytesBetweenFramesAreIgnoredSilently() {
    Dc09StreamFramer framer = new Dc09StreamFramer();
    List<String> reports = new ArrayList<>();
    List<byte[]> out = new ArrayList<>();
    framer.feed(concat(A, new byte[] {0, 0, 0}, A), 0, 2 * A.length + 3, sink(out, reports));
    assertThat(out).containsExactly(A, A);
    assertThat(reports).isEmpty();
  }

  @Test
  void garbageBetweenFramesIsReportedAndTheFramerResynchronisesOnTheNextLf() {
    List<String> reports = new ArrayList<>();
    List<byte[]> out = new ArrayList<>();
    byte[] oh = "SR0001L0001    006969XX    [ID00000000]\r".getBytes();
    new Dc09StreamFramer().feed(concat(A, oh, B), 0, A.length + oh.length + B.length, sink(out, reports));
    assertThat(out).containsExactly(A, B);
    assertThat(reports).hasSize(1);
  }

  @Test
  void fragmentCutByANewLfIsDroppedAndTheNextFrameKept() {
    List<String> reports = new ArrayList<>();
    List<byte[]> out = new ArrayList<>();
    byte[] cut = java.util.Arrays.copyOf(A, 20);
    new Dc09StreamFramer().feed(concat(cut, B), 0, cut.length + B.length, sink(out, reports));
    assertThat(out).containsExactly(B);
    assertThat(reports.get(0)).contains("20").contains("CR");
  }

  @Test
  void endlessGarbageFrameIsDroppedAtTheMaximumSoMemoryStaysBounded() {
    Dc09StreamFramer framer = new Dc09StreamFramer(1000);
    byte[] junk = new byte[64 * 1024];
    java.util.Arrays.fill(junk, (byte) 'x');
    junk[0] = 0x0A;
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      framer.feed(junk, 0, junk.length, out::add);
      assertThat(framer.buffered()).isLessThanOrEqualTo(1000);
    }
    framer.feed(A, 0, A.length, out::add);
    assertThat(out).containsExactly(A);
    assertThat(framer.bytesDiscarded()).isGreaterThan(50L * 60_000);
  }

  @Test
  void binaryCrcBytesThatLookLikeCrOrLfDoNotCutTheFrame() {
    // Search a body whose binary CRC contains 0x0D or 0x0A.
    byte[] tricky = null;
    for (int seq = 0; seq < 10000 && tricky == null; seq++) {
      byte[] f = Frames.build(String.format("\"NULL\"%04dL0#7099[]", seq), CrcForm.BINARY);
      if (f[1] == 0x0D || f[1] == 0x0A || f[2] == 0x0D || f[2] == 0x0A) tricky = f;
    }
    assertThat(tricky).isNotNull();
    List<byte[]> out = new Dc09StreamFramer().feed(concat(tricky, A, tricky));
    assertThat(out).containsExactly(tricky, A, tricky);
    assertThat(Dc09Codec.standard().decode(out.get(0)).isDecoded()).isTrue();
  }

  @Test
  void shortLfCrPairIsPassedOnSoTheReceiverCanNakIt() {
    List<byte[]> out = new Dc09StreamFramer().feed(new byte[] {0x0A, 'a', 'b', 'c', 0x0D});
    assertThat(out).hasSize(1);
    assertThat(Dc09Codec.standard().decode(out.get(0)).isDecoded()).isFalse();
  }

  @Test
  void byteBufferInputIsConsumed() {
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(A.length);
    buf.put(A).flip();
    List<byte[]> out = new ArrayList<>();
    new Dc09StreamFramer().feed(buf, out::add);
    assertThat(out).containsExactly(A);
    assertThat(buf.remaining()).isZero();
  }

  static Dc09StreamFramer.Sink sink(List<byte[]> out, List<String> reports) {
    return new Dc09StreamFramer.Sink() {
      @Override
      public void frame(byte[] frame) {
        out.add(frame);
      }

      @Override
      public void discarded(int bytes, String reason) {
        reports.add(bytes + " " + reason);
      }
    };
  }
}
