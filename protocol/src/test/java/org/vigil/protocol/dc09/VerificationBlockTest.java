package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The {@code [V]} extended data block (research A.9: verification, links to audio or video of the event) in SIA-DCS
 * and ADM-CID frames. No published vector carries a [V]; these frames are the A.16 vector PY-10 (SIA-DCS with
 * [X][Y] blocks, CRC and length checked by the vector test) with its blocks replaced by a [V], and an ADM-CID frame
 * of the same shape, CRC and length recomputed.
 */
class VerificationBlockTest {
  static final String LINK = "http://192.0.2.10:8099/images/hua-1-hd-counter-1-1767603600/";
  static final Dc09Codec CODEC = Dc09Codec.standard();

  static Dc09Frame decoded(byte[] wire, KeyLookup keys) {
    Dc09Result r = CODEC.decode(wire, keys);
    assertThat(r).as(new String(wire, StandardCharsets.ISO_8859_1)).isInstanceOf(Dc09Result.Decoded.class);
    return ((Dc09Result.Decoded) r).frame();
  }

  @Test
  void thePublishedVectorWithExtendedDataKeepsItsBlocksInOrder() {
    Dc09Frame f = decoded(Frames.vector("PY-10").bytes(), KeyLookup.none());
    assertThat(f.extended()).extracting(ExtendedData::type).containsExactly('X', 'Y');
    assertThat(f.extended('V')).isEmpty();
  }

  @Test
  void aSiaDcsFrameWithAVBlockDecodesAndReEncodesByteExact() {
    String py10 = "\"SIA-DCS\"0004L0#1111[#1111|Nri1/PA501][X006E07.7777777][Y49N06.6666666]_20:45:46,04-22-2021";
    byte[] wire = Frames.withCrc(py10.replace("[X006E07.7777777][Y49N06.6666666]", "[V" + LINK + "]"));

    Dc09Frame f = decoded(wire, KeyLookup.none());
    assertThat(f.data()).isEqualTo("#1111|Nri1/PA501");
    assertThat(f.extended()).singleElement().satisfies(v -> {
      assertThat(v.isVerification()).isTrue();
      assertThat(v.value()).isEqualTo(LINK);
      assertThat(v.text()).isEqualTo(LINK);
      assertThat(v.block()).isEqualTo("[V" + LINK + "]");
    });
    assertThat(CODEC.encode(f, null)).isEqualTo(wire);
  }

  @Test
  void anAdmCidFrameWithAVBlockAndOtherBlocksKeepsThemAll() {
    byte[] wire = Frames.withCrc("\"ADM-CID\"0007L1#1234[#1234|1122 01 020][V" + LINK + "][X006E07.7777777]_09:00:00,01-05-2026");

    Dc09Frame f = decoded(wire, KeyLookup.none());
    assertThat(f.id()).isEqualTo(Dc09Id.ADM_CID);
    assertThat(f.data()).isEqualTo("#1234|1122 01 020");
    assertThat(f.extended()).extracting(ExtendedData::type).containsExactly('V', 'X');
    assertThat(f.extended('V')).singleElement().extracting(ExtendedData::value).isEqualTo(LINK);
    assertThat(CODEC.encode(f, null)).isEqualTo(wire);
  }

  @Test
  void inAnEncryptedFrameTheVBlockTravelsInsideTheCiphertext() {
    Dc09Key key = Dc09Key.ofBytes(HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F"), KeyForm.HEX);
    for (Dc09Id id : new Dc09Id[] {Dc09Id.SIA_DCS, Dc09Id.ADM_CID}) {
      Dc09Frame f = Dc09Frame.builder(id).encrypted(true).sequence(3).line("1").account("1234")
          .data(id == Dc09Id.SIA_DCS ? "#1234|Nri1/HA020" : "#1234|1122 01 020")
          .extended(java.util.List.of(new ExtendedData('V', LINK))).timestamp(java.time.Instant.parse("2026-01-05T09:00:00Z")).build();
      byte[] wire = CODEC.encode(f, key);
      assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain("192.0.2.10");
      Dc09Frame back = decoded(wire, KeyLookup.always(key));
      assertThat(back.extended('V')).singleElement().extracting(ExtendedData::value).isEqualTo(LINK);
      assertThat(back.data()).isEqualTo(f.data());
    }
  }

  @Test
  void aVBlockInWindows1252IsDecodedAsText() {
    byte[] wire = Frames.withCrc("\"SIA-DCS\"0001L0#1111[#1111|Nri1/PA501][Vhttp://caf\u00e9.example/x]_20:45:46,04-22-2021");
    Dc09Frame f = decoded(wire, KeyLookup.none());
    assertThat(f.extended('V').get(0).text()).isEqualTo("http://caf\u00e9.example/x");
  }

  @Test
  void anEmptyVBlockIsKeptForTheArcToReport() {
    Dc09Frame f = decoded(Frames.withCrc("\"SIA-DCS\"0001L0#1111[#1111|Nri1/PA501][V]_20:45:46,04-22-2021"), KeyLookup.none());
    assertThat(f.extended('V')).singleElement().extracting(ExtendedData::value).isEqualTo("");
  }

  @Test
  void malformedVBlocksAreTypedErrorsNotExceptions() {
    String[] bad = {
      "\"SIA-DCS\"0001L0#1111[#1111|Nri1/PA501][Vhttp://x/_20:45:46,04-22-2021",
      "\"SIA-DCS\"0001L0#1111[#1111|Nri1/PA501][Vhttp://[x]_20:45:46,04-22-2021",
      "\"ADM-CID\"0001L0#1111[#1111|1122 01 020][Vhttp://x/",
    };
    for (String body : bad) {
      Dc09Result r = CODEC.decode(Frames.withCrc(body), KeyLookup.none());
      assertThat(r).as(body).isInstanceOf(Dc09Result.Rejected.class);
      assertThat(((Dc09Result.Rejected) r).error().kind()).as(body).isEqualTo(Dc09Error.Kind.MALFORMED);
      assertThat(((Dc09Result.Rejected) r).error().detail()).as(body).containsAnyOf("extended data", "not closed", "bad character");
    }
  }
}
