package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed input gives its typed error, the byte offset, and the response to send. */
class Dc09CodecBadInputTest {

  static final Dc09Key KEY = Dc09Key.parse("ABCDABCDABCDABCDABCDABCDABCDABCD", KeyForm.HEX);

  static byte[] n(String notation) {
    return Frames.Vector.bytes(notation);
  }

  static Arguments row(String name, byte[] frame, Dc09Error.Kind kind, int offset, Dc09Response response) {
    return Arguments.of(name, frame, kind, offset, response);
  }

  static Stream<Arguments> badFrames() {
    return Stream.of(
        row("empty", new byte[0], Dc09Error.Kind.MALFORMED, 0, Dc09Response.NAK),
        row("only NUL bytes", new byte[] {0, 0, 0}, Dc09Error.Kind.MALFORMED, 0, Dc09Response.NAK),
        row("no LF at start", n("2729002e\"ACK\"0001L0#7099[]<CR>"), Dc09Error.Kind.MALFORMED, 0,
            Dc09Response.NAK),
        row("no CR at end", n("<LF>A62A0012\"ACK\"0001L0#7099[]"), Dc09Error.Kind.MALFORMED, 26,
            Dc09Response.NAK),
        row("no quote after CRC and length", n("<LF>A62A00120ACK\"0001L0#7099[]<CR>"),
            Dc09Error.Kind.MALFORMED, 9, Dc09Response.NAK),
        row("non-hex length", n("<LF>A62A00G2\"ACK\"0001L0#7099[]<CR>"), Dc09Error.Kind.MALFORMED, 7,
            Dc09Response.NAK),
        row("non-hex CRC", n("<LF>A6ZA0012\"ACK\"0001L0#7099[]<CR>"), Dc09Error.Kind.MALFORMED, 3,
            Dc09Response.NAK),
        row("CRC mismatch", n("<LF>A62B0012\"ACK\"0001L0#7099[]<CR>"), Dc09Error.Kind.CRC, 1,
            Dc09Response.NAK),
        row("unknown id", Frames.withCrc("\"XYZ\"0001L0#7099[]"), Dc09Error.Kind.UNKNOWN_ID, 10,
            Dc09Response.DUH),
        row("id not closed", Frames.withCrc("\"SIA-DCS0001L0#7099[]"), Dc09Error.Kind.MALFORMED, 10,
            Dc09Response.NAK),
        row("sequence not digits", Frames.withCrc("\"NULL\"00x1L0#7099[]"), Dc09Error.Kind.MALFORMED, 15,
            Dc09Response.NAK),
        row("receiver without digits", Frames.withCrc("\"NULL\"0001RL0#7099[]"),
            Dc09Error.Kind.MALFORMED, 20, Dc09Response.NAK),
        row("receiver of 7 digits", Frames.withCrc("\"NULL\"0001R1234567L0#7099[]"),
            Dc09Error.Kind.MALFORMED, 20, Dc09Response.NAK),
        row("line of 7 digits", Frames.withCrc("\"NULL\"0001L1234567#7099[]"),
            Dc09Error.Kind.MALFORMED, 20, Dc09Response.NAK),
        row("account of 17 characters", Frames.withCrc("\"NULL\"0001L0#12345678901234567[]"),
            Dc09Error.Kind.MALFORMED, 22, Dc09Response.NAK),
        row("no data block", Frames.withCrc("\"NULL\"0001L0#7099"), Dc09Error.Kind.MALFORMED, 26,
            Dc09Response.NAK),
        row("junk before data block", Frames.withCrc("\"NULL\"0001L0#7099 []"),
            Dc09Error.Kind.MALFORMED, 26, Dc09Response.NAK),
        row("data block not closed", Frames.withCrc("\"SIA-DCS\"0001L0#7099[#7099|NBA1"),
            Dc09Error.Kind.MALFORMED, 40, Dc09Response.NAK),
        row("extended data not closed", Frames.withCrc("\"SIA-DCS\"0001L0#7099[][X12"),
            Dc09Error.Kind.MALFORMED, 35, Dc09Response.NAK),
        row("empty extended data", Frames.withCrc("\"SIA-DCS\"0001L0#7099[][]"),
            Dc09Error.Kind.MALFORMED, 31, Dc09Response.NAK),
        row("month 13 in timestamp", Frames.withCrc("\"NULL\"0001L0#7099[]_10:00:00,13-01-2025"),
            Dc09Error.Kind.MALFORMED, 29, Dc09Response.NAK),
        row("short timestamp", Frames.withCrc("\"NULL\"0001L0#7099[]_10:00:00,01-01-25"),
            Dc09Error.Kind.MALFORMED, 28, Dc09Response.NAK),
        row("text after timestamp", Frames.withCrc("\"NULL\"0001L0#7099[]_10:00:00,01-01-2025x"),
            Dc09Error.Kind.MALFORMED, 28, Dc09Response.NAK),
        row("text after data block", Frames.withCrc("\"NULL\"0001L0#7099[]x"),
            Dc09Error.Kind.MALFORMED, 28, Dc09Response.NAK),
        row("CR inside data", Frames.withCrc("\"SIA-DCS\"0001L0#7099[a\rb]"),
            Dc09Error.Kind.MALFORMED, 31, Dc09Response.NAK),
        row("encrypted, odd ciphertext", Frames.withCrc("\"*NULL\"0001L0#7099[ABC"),
            Dc09Error.Kind.MALFORMED, 28, Dc09Response.NAK),
        row("encrypted, non-hex ciphertext", Frames.withCrc("\"*NULL\"0001L0#7099[" + "G".repeat(32)),
            Dc09Error.Kind.MALFORMED, 28, Dc09Response.NAK),
        row("encrypted NAK", Frames.withCrc("\"*NAK\"0000R0L0A0[" + "0".repeat(32)),
            Dc09Error.Kind.MALFORMED, 10, Dc09Response.NAK),
        row("too long", tooLong(), Dc09Error.Kind.TOO_LONG, -1, Dc09Response.NONE));
  }

  static byte[] tooLong() {
    byte[] b = new byte[Dc09Codec.MAX_FRAME_BYTES + 1];
    java.util.Arrays.fill(b, (byte) 'A');
    b[0] = 0x0A;
    b[b.length - 1] = 0x0D;
    return b;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFrames")
  void malformedInputGivesATypedErrorWithOffsetAndResponse(
      String name, byte[] frame, Dc09Error.Kind kind, int offset, Dc09Response response) {
    Dc09Result r = Dc09Codec.standard().decode(frame, KeyLookup.always(KEY));
    assertThat(r).as(name).isInstanceOf(Dc09Result.Rejected.class);
    Dc09Error e = ((Dc09Result.Rejected) r).error();
    assertThat(e.kind()).as(e.toString()).isEqualTo(kind);
    assertThat(e.offset()).as(e.toString()).isEqualTo(offset);
    assertThat(e.response()).isEqualTo(response);
    assertThat(e.detail()).isNotBlank();
  }

  @Test
  void encryptedFrameWithoutKeyIsKeyRequiredWithTheHeaderStillRead() {
    Dc09Result r = Dc09Codec.standard().decode(Frames.vector("SW-23").bytes());
    Dc09Error e = ((Dc09Result.Rejected) r).error();
    assertThat(e.kind()).isEqualTo(Dc09Error.Kind.KEY_REQUIRED);
    assertThat(e.header().receiver()).isEqualTo("C0FFD");
    assertThat(e.header().account()).isEqualTo("080027E62A64");
    assertThat(e.header().idToken()).isEqualTo("*SIA-DCS");
  }

  @Test
  void keyLookupReceivesTheClearTextReceiverLineAndAccount() {
    String[] seen = new String[3];
    Dc09Codec.standard().decode(Frames.vector("SW-23").bytes(), (r, l, a) -> {
      seen[0] = r;
      seen[1] = l;
      seen[2] = a;
      return java.util.Optional.of(KEY);
    });
    assertThat(seen).containsExactly("C0FFD", "1234", "080027E62A64");
  }

  @Test
  void clearFrameFromAKeyedAccountIsRefusedWhenEncryptionIsRequired() {
    Dc09Codec codec = Dc09Codec.standard().requireEncryptionWhenKeyed(true);
    Dc09Result r = codec.decode(Frames.vector("MK-01").bytes(), KeyLookup.always(KEY));
    assertThat(((Dc09Result.Rejected) r).error().kind()).isEqualTo(Dc09Error.Kind.ENCRYPTION_REQUIRED);
    assertThat(codec.decode(Frames.vector("MK-01").bytes(), KeyLookup.none()).isDecoded()).isTrue();
  }

  @Test
  void trailingNulBytesAreToleratedAndRecorded() {
    byte[] f = Frames.vector("MK-01").bytes();
    byte[] withNul = java.util.Arrays.copyOf(f, f.length + 2);
    var d = (Dc09Result.Decoded) Dc09Codec.standard().decode(withNul);
    assertThat(d.deviations()).extracting(Deviation::kind).containsExactly(Deviation.Kind.TRAILING_NUL);
    assertThat(d.frame().raw()).isEqualTo(f);
  }

  @Test
  void binaryCrcFrameIsDetectedAndDecoded() {
    byte[] f = Frames.build("\"ADM-CID\"0001L0#7099[#7099|1131 01 003]", CrcForm.BINARY);
    var d = (Dc09Result.Decoded) Dc09Codec.standard().decode(f);
    assertThat(d.frame().crcForm()).isEqualTo(CrcForm.BINARY);
    assertThat(d.frame().data()).isEqualTo("#7099|1131 01 003");
    assertThat(Dc09Codec.standard().encode(d.frame(), null)).isEqualTo(f);
  }

  @Test
  void binaryCrcMismatchIsACrcError() {
    byte[] f = Frames.build("\"NULL\"0001L0#7099[]", CrcForm.BINARY);
    f[2] ^= 1;
    var r = (Dc09Result.Rejected) Dc09Codec.standard().decode(f);
    assertThat(r.error().kind()).isEqualTo(Dc09Error.Kind.CRC);
  }

  @Test
  void windows1252ExtendedDataKeepsItsBytesAndDecodesAsText() {
    byte[] f = Frames.withCrc("\"SIA-DCS\"0001L0#7099[#7099|NBA1][ICaf\u00e9 \u0080]");
    var d = (Dc09Result.Decoded) Dc09Codec.standard().decode(f);
    ExtendedData x = d.frame().extended().get(0);
    assertThat(x.text()).isEqualTo("Caf\u00e9 \u20ac");
    assertThat(Dc09Codec.standard().encode(d.frame(), null)).isEqualTo(f);
  }

  @Test
  void encoderRefusesFramesThatCannotBeSent() {
    Dc09Codec c = Dc09Codec.standard();
    Dc09Frame noTs = Dc09Frame.builder(Dc09Id.NULL).encrypted(true).account("1").build();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> c.encode(noTs, KEY)).withMessageContaining("timestamp");
    Dc09Frame withTs = noTs.toBuilder().timestamp(java.time.Instant.EPOCH).build();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> c.encode(withTs, null)).withMessageContaining("key");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> c.encode(Dc09Frame.builder(Dc09Id.SIA_DCS).data("x".repeat(5000)).build(), null));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> Dc09Frame.builder(Dc09Id.SIA_DCS).data("a]b").build());
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> Dc09Frame.builder(Dc09Id.SIA_DCS).sequence("12345").build());
  }

  @Test
  void absentFieldsAreLeftOutNeverWrittenAsNull() {
    byte[] f = Dc09Codec.standard().encode(Dc09Frame.builder(Dc09Id.NULL).build(), null);
    String s = new String(f, StandardCharsets.ISO_8859_1);
    assertThat(s).doesNotContainIgnoringCase("null\"0000n").doesNotContain("None");
    assertThat(s.substring(9)).isEqualTo("\"NULL\"0000[]\r");
  }
}
