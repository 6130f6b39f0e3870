package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DC-09 frame of research A.16.1-A.16.5, with the outcome the research states. Decisions for
 * the seven "valid CRC, wrong length field" frames (PY-02, PY-07..PY-12): accepted with a recorded
 * deviation in the default tolerant mode (the CRC proves the bytes intact; a NAK would make the
 * panel resend the same frame forever), rejected with LENGTH in strict mode.
 */
class A16VectorsTest {

  enum Outcome { DECODED, CRC, KEY_REQUIRED }

  /**
   * @param id vector id
   * @param token id token with '*' when encrypted
   * @param r receiver or null, l line or null, acct account or null
   * @param ts timestamp text or null
   * @param data expected data block content or null to skip
   * @param xdata expected extended blocks as "Tvalue" or null to skip
   * @param deviation tolerated deviation or null for none
   */
  record Expect(String id, Outcome outcome, String token, String seq, String r, String l,
      String acct, String ts, String data, List<String> xdata, Deviation.Kind deviation) {}

  static Expect ok(String id, String token, String seq, String r, String l, String acct, String ts) {
    return new Expect(id, Outcome.DECODED, token, seq, r, l, acct, ts, null, null, null);
  }

  static Expect ok(String id, String token, String seq, String r, String l, String acct, String ts,
      String data, List<String> xdata) {
    return new Expect(id, Outcome.DECODED, token, seq, r, l, acct, ts, data, xdata, null);
  }

  static Expect dev(Expect e, Deviation.Kind kind) {
    return new Expect(e.id, e.outcome, e.token, e.seq, e.r, e.l, e.acct, e.ts, e.data, e.xdata, kind);
  }

  static Expect bad(String id, Outcome outcome, String token, String seq, String l, String acct) {
    return new Expect(id, outcome, token, seq, null, l, acct, null, null, null, null);
  }

  static final String A = "080027E62A64";
  static final List<String> NONE = List.of();

  static Stream<Expect> expectations() {
    return Stream.of(
        ok("SW-01", "ACK", "0001", null, "0", A, "16:07:07,04-14-2015", "", NONE),
        ok("SW-02", "ACK", "0001", null, "0", "7099", null, "", NONE),
        ok("SW-03", "ACK", "0000", "c0ffd", "1234", A, "12:10:40,06-22-2015"),
        ok("SW-04", "ACK", "0001", "5678", "1234", A, "16:07:53,04-14-2015"),
        ok("SW-05", "*ACK", "0001", "5678", "1234", A, "16:08:12,04-14-2015", "", NONE),
        ok("SW-06", "*ACK", "0000", "C0FFD", "1234", "00900B376AB6", "08:06:26,04-27-2015", "", NONE),
        ok("SW-07", "NAK", "0000", "0", "0", "0", "16:09:09,04-14-2015", "", NONE),
        ok("SW-08", "NAK", "0001", "0", "0", "0", "16:09:09,04-14-2015"),
        ok("SW-09", "NAK", "0001", "0", "0", "0", "16:09:09,04-14-2015"),
        ok("SW-10", "NULL", "0000", "C0FFD", "1234", A, "13:40:27,06-22-2015", "", NONE),
        ok("SW-11", "NULL", "0000", "c0ffd", "1234", A, "15:50:24,06-22-2015"),
        ok("SW-12", "NULL", "0000", "C0FFD", "1234", A, "15:52:00,06-22-2015"),
        ok("SW-13", "NULL", "0001", null, "0", "00653210", "09:17:32,05-18-2016"),
        ok("SW-14", "NULL", "0000", "c0ffd", "1234", A, null),
        ok("SW-15", "NULL", "0000", "C0FFD", "1234", A, null),
        ok("SW-16", "*NULL", "0000", "C0FFD", "1234", A, "13:43:09,06-22-2015", "", NONE),
        ok("SW-17", "*NULL", "0000", null, "0", A, "13:57:05,06-29-2015", "", List.of("IHello")),
        ok("SW-18", "SIA-DCS", "0000", "C0FFD", "1234", A, "13:53:11,06-22-2015",
            "#" + A + "|NHB0003", List.of("X115000", "X115000", "X115000")),
        ok("SW-19", "ADM-CID", "0001", null, "0", "7099", null, "#7099|1628 01 000", NONE),
        ok("SW-20", "SIA-DCS", "0000", "C0FFD", "1234", A, "14:25:17,06-22-2015",
            "#" + A + "|NHB0003", List.of("E115000")),
        ok("SW-21", "SIA-DCS", "0000", "c0ffd", "1234", A, "09:00:13,06-23-2015",
            "#" + A + "|NHB0003", List.of("E115000")),
        ok("SW-22", "SIA-DCS", "0001", null, "0", "7878", null,
            "#7878|Nri01^TOTAL^/LX901^centrale d'alarme JA-106K(R)^", NONE),
        ok("SW-23", "*SIA-DCS", "0000", "C0FFD", "1234", A, "15:12:40,06-22-2015",
            "#" + A + "|NHB0003", List.of("E115000")),
        ok("SW-24", "*SIA-DCS", "0000", "c0ffd", "1234", A, "15:05:02,06-22-2015",
            "#" + A + "|NHB0003", List.of("E115000")),
        ok("SW-25", "RSP", "0045", "C0FFD", "1234", A, "15:15:25,06-22-2015",
            "#" + A + "|NHB0003", List.of("X115000")),
        ok("SW-26", "RSP", "0045", "c0ffd", "1234", A, "15:20:06,06-22-2015"),
        ok("SW-27", "*RSP", "0045", "c0ffd", "1234", A, "15:33:28,06-22-2015",
            "#" + A + "|NHB0003", List.of("X115000")),
        ok("SW-28", "*RSP", "0045", "C0FFD", "1234", A, "15:35:51,06-22-2015",
            "#" + A + "|NHB0003", List.of("X115000")),
        ok("SW-29", "DUH", "0045", "c0ffd", "1234", A, null, "", NONE),
        ok("SW-30", "DUH", "0045", "C0FFD", "1234", A, null),
        ok("SW-31", "DUH", "0045", "c0ffd", "1234", A, "15:59:33,06-22-2015"),
        ok("SW-32", "DUH", "0045", "C0FFD", "1234", A, "15:56:54,06-22-2015"),
        dev(ok("PY-01", "*NULL", "0000", "0", "0", "AAAB", "18:24:52,07-05-2020", "", NONE),
            Deviation.Kind.NO_PAD_TERMINATOR),
        bad("PY-02", Outcome.KEY_REQUIRED, "*SIA-DCS", "5994", "0", "AAA"),
        bad("PY-03", Outcome.KEY_REQUIRED, "*ADM-CID", "6879", "0", "123F"),
        bad("PY-04", Outcome.KEY_REQUIRED, "*SIA-DCS", "4480", "0", "EA1984"),
        ok("PY-05", "SIA-DCS", "0084", null, "0", "AAA", null, "#AAA|Nri1/XC12", NONE),
        ok("PY-06", "NULL", "0000", null, "0", "7890", "22:13:29,12-29-2022", "#0000|0000 00 000", NONE),
        dev(ok("PY-07", "SIA-DCS", "6002", null, "0", "AAA", "12:58:23,09-15-2021", "|Nri2/JC12", NONE),
            Deviation.Kind.LENGTH_MISMATCH),
        dev(ok("PY-08", "SIA-DCS", "6002", null, "0", "AAA", "14:12:04,09-25-2019", "|Nri1/CL501",
            List.of("M0026B9E4268B")), Deviation.Kind.LENGTH_MISMATCH),
        dev(ok("PY-09", "SIA-DCS", "6002", null, "0", "1111", "14:12:04,09-25-2019", "|Nri1/RP000",
            List.of("KAAAAAAAAAAAAAAAA")), Deviation.Kind.LENGTH_MISMATCH),
        dev(ok("PY-10", "SIA-DCS", "0004", null, "0", "1111", "20:45:46,04-22-2021",
            "#1111|Nri1/PA501", List.of("X006E07.7777777", "Y49N06.6666666")),
            Deviation.Kind.LENGTH_MISMATCH),
        dev(ok("PY-11", "SIA-DCS", "6002", null, "0", "AAA", "14:12:04,09-25-2019", "|Nri1/CL501", NONE),
            Deviation.Kind.LENGTH_MISMATCH),
        dev(ok("PY-12", "ADM-CID", "0247", "4F39", "4F39", "4F39", null, "#4F39|3401 01 057", NONE),
            Deviation.Kind.LENGTH_DECIMAL),
        bad("PY-N1", Outcome.CRC, null, null, null, null),
        bad("PY-N2", Outcome.CRC, null, null, null, null),
        bad("PY-N3", Outcome.CRC, null, null, null, null),
        bad("PY-N4", Outcome.CRC, null, null, null, null),
        bad("PY-N5", Outcome.CRC, null, null, null, null),
        bad("PY-N6", Outcome.CRC, null, null, null, null),
        bad("PY-N7", Outcome.CRC, null, null, null, null),
        ok("IO-01", "SIA-DCS", "0005", null, "0", "12345", "12:37:53,10-25-2018",
            "#12345|Nri0000pi0006da10-25-18ti14:37:53UT0000^$PR,SCOMPARSA          ,Centrale,Zona1,"
                + "ROtTe.6MyLittlPoint^", NONE),
        ok("IO-02", "*SIA-DCS", "0018", null, "0", "12345", "07:50:26,10-26-2018",
            "#12345|Nri0000pi0006da10-26-18ti09:50:24UT0000^$PR,SCOMPARSA          ,Centrale,Zona1,"
                + "ROtTe.6MyLittlPoint^", NONE),
        ok("FI-01", "SIA-DCS", "0001", "F3", "77", "1234", null, "#1234|NRR|Atest", NONE),
        ok("FI-02", "SIA-DCS", "0001", null, "0", "1234", null, "", NONE),
        ok("FI-03", "NAK", "0000", "0", "0", "0", "16:20:01,09-24-2025", "", NONE),
        ok("MK-01", "SIA-DCS", "0001", null, "0", "1234", null, "#1234|Nri1/BA12", NONE),
        ok("MK-02", "ADM-CID", "0001", null, "0", "7099", null, "#7099|1131 01 003", NONE),
        ok("MK-03", "SIA-DCS", "0001", null, "0", "1234", null, "#1234|Nri1/QQ99", NONE),
        ok("MK-04", "ACK", "0000", "c0ffd", "1234", A, "12:10:40,06-22-2015", "", NONE));
  }

  @Test
  void everyVectorInOurCopyHasAnExpectation() {
    assertThat(expectations().map(Expect::id).toList())
        .containsExactlyElementsOf(Frames.vectors().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void publishedFrameHasItsDocumentedOutcome(Expect e) {
    Frames.Vector v = Frames.vector(e.id());
    Dc09Result result = Dc09Codec.standard().decode(v.bytes(), v.keys());
    switch (e.outcome()) {
      case DECODED -> {
        assertThat(result).as(result.toString()).isInstanceOf(Dc09Result.Decoded.class);
        Dc09Result.Decoded d = (Dc09Result.Decoded) result;
        Dc09Frame f = d.frame();
        assertThat((f.encrypted() ? "*" : "") + f.id().token()).isEqualTo(e.token());
        assertThat(f.sequence()).isEqualTo(e.seq());
        assertThat(f.receiver()).isEqualTo(e.r());
        assertThat(f.line()).isEqualTo(e.l());
        assertThat(f.account()).isEqualTo(e.acct());
        assertThat(f.timestamp().map(Dc09Timestamp::format).orElse(null)).isEqualTo(e.ts());
        if (e.data() != null) assertThat(f.data()).isEqualTo(e.data());
        if (e.xdata() != null) {
          assertThat(f.extended()).extracting(x -> x.type() + x.value()).containsExactlyElementsOf(e.xdata());
        }
        assertThat(f.raw()).isEqualTo(trimNul(v.bytes()));
        if (e.deviation() == null) {
          assertThat(d.deviations()).isEmpty();
        } else {
          assertThat(d.deviations()).extracting(Deviation::kind).containsExactly(e.deviation());
        }
      }
      case CRC -> {
        assertThat(result).isInstanceOf(Dc09Result.Rejected.class);
        Dc09Error err = ((Dc09Result.Rejected) result).error();
        assertThat(err.kind()).isEqualTo(Dc09Error.Kind.CRC);
        assertThat(err.response()).isEqualTo(Dc09Response.NAK);
      }
      case KEY_REQUIRED -> {
        assertThat(result).isInstanceOf(Dc09Result.Rejected.class);
        Dc09Error err = ((Dc09Result.Rejected) result).error();
        assertThat(err.kind()).isEqualTo(Dc09Error.Kind.KEY_REQUIRED);
        assertThat(err.response()).isEqualTo(Dc09Response.NAK);
        assertThat(err.header().idToken()).isEqualTo(e.token());
        assertThat(err.header().sequence()).isEqualTo(e.seq());
        assertThat(err.header().line()).isEqualTo(e.l());
        assertThat(err.header().account()).isEqualTo(e.acct());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void strictLengthModeRejectsExactlyTheFramesWithAWrongLengthField(Expect e) {
    Frames.Vector v = Frames.vector(e.id());
    Dc09Result result = Dc09Codec.standard().strictLength(true).decode(v.bytes(), v.keys());
    boolean wrongLength = e.id().equals("PY-02") || e.deviation() == Deviation.Kind.LENGTH_MISMATCH
        || e.deviation() == Deviation.Kind.LENGTH_DECIMAL;
    if (wrongLength) {
      assertThat(result).isInstanceOf(Dc09Result.Rejected.class);
      Dc09Error err = ((Dc09Result.Rejected) result).error();
      assertThat(err.kind()).isEqualTo(Dc09Error.Kind.LENGTH);
      assertThat(err.offset()).isEqualTo(5);
    } else {
      assertThat(result.isDecoded()).isEqualTo(e.outcome() == Outcome.DECODED);
    }
  }

  @Test
  void eldesDecimalLengthIsNamedInTheDeviation() {
    var d = (Dc09Result.Decoded) Dc09Codec.standard().decode(Frames.vector("PY-12").bytes());
    assertThat(d.deviations().get(0).detail()).contains("decimal").contains("0047");
  }

  @Test
  void pyN1ReportsBothCrcValues() {
    var r = (Dc09Result.Rejected) Dc09Codec.standard().decode(Frames.vector("PY-N1").bytes());
    assertThat(r.error().detail()).contains("9618").contains("B7C9");
  }

  @Test
  void swissdotnetFrameWithTheKeyOffByOneNibbleIsADecryptError() {
    Dc09Key wrong = Dc09Key.parse("ABCDABCDABCDABCDABCDABCDABCDABCE", KeyForm.HEX);
    Dc09Result r = Dc09Codec.standard().decode(Frames.vector("SW-05").bytes(), KeyLookup.always(wrong));
    assertThat(r).isInstanceOf(Dc09Result.Rejected.class);
    Dc09Error err = ((Dc09Result.Rejected) r).error();
    assertThat(err.kind()).isEqualTo(Dc09Error.Kind.DECRYPT);
    assertThat(err.response()).isEqualTo(Dc09Response.NAK);
    assertThat(err.header().account()).isEqualTo(A);
  }

  @Test
  void asciiKeyReadAsHexIsADecryptErrorNotGarbage() {
    // IO-02's key "0123456789ABCDEF" is ASCII; typed as a hex key it is only 8 bytes: refused at parse.
    assertThat(Dc09Key.problem("0123456789ABCDEF", KeyForm.HEX)).hasValueSatisfying(
        p -> assertThat(p).contains("--key-form ascii"));
    // SW-05's hex key read as ASCII is a 256-bit key: decryption fails cleanly.
    Dc09Key asAscii = Dc09Key.parse("ABCDABCDABCDABCDABCDABCDABCDABCD", KeyForm.ASCII);
    Dc09Result r = Dc09Codec.standard().decode(Frames.vector("SW-05").bytes(), KeyLookup.always(asAscii));
    assertThat(((Dc09Result.Rejected) r).error().kind()).isEqualTo(Dc09Error.Kind.DECRYPT);
  }

  @ParameterizedTest(name = "{0} with pad {1}")
  @MethodSource("fixedPads")
  void encryptedFramesAreReproducedByteForByteWithTheirPad(String id, String padHex) {
    Frames.Vector v = Frames.vector(id);
    Dc09Key key = Dc09Key.parse(v.key(), KeyForm.HEX);
    Dc09Frame f = ((Dc09Result.Decoded) Dc09Codec.standard().decode(v.bytes(), v.keys())).frame();
    byte[] pad = java.util.HexFormat.of().parseHex(padHex);
    byte[] encoded = Dc09Codec.standard().encode(f, key, pad);
    // Our encoder writes CRC and length in upper case; SW-23 was published with "00a7".
    assertThat(new String(encoded, 0, 9, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualToIgnoringCase(new String(v.bytes(), 0, 9, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(Arrays.copyOfRange(encoded, 9, encoded.length))
        .isEqualTo(Arrays.copyOfRange(v.bytes(), 9, v.bytes().length));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> fixedPads() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("SW-16", "4cf8588f492eea78cfae"),
        org.junit.jupiter.params.provider.Arguments.of("SW-05", "12f1c22a88eb445679da"),
        org.junit.jupiter.params.provider.Arguments.of("SW-23", "9a10d286c038468952f7ac09"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void clearFramesReEncodeToTheSameBytesUpToHexCase(Expect e) {
    if (e.outcome() != Outcome.DECODED || e.token().startsWith("*") || e.deviation() != null) return;
    byte[] raw = Frames.vector(e.id()).bytes();
    Dc09Frame f = ((Dc09Result.Decoded) Dc09Codec.standard().decode(raw)).frame();
    byte[] again = Dc09Codec.standard().encode(f, null);
    assertThat(new String(again, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualToIgnoringCase(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(Arrays.copyOfRange(again, 9, again.length)).isEqualTo(Arrays.copyOfRange(raw, 9, raw.length));
  }

  private static byte[] trimNul(byte[] b) {
    int n = b.length;
    while (n > 0 && b[n - 1] == 0) n--;
    return Arrays.copyOf(b, n);
  }
}
