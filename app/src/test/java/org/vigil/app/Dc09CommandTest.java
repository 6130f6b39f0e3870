package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Dc09CommandTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SW05 =
      "<LF>E34C0062\"*ACK\"0001R5678L1234#080027E62A64[14F088FF5DCB19D1908069507EAB97C7CDB20F1C6EFA550BB59864D54B2DFA1C<CR>";


  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void decodePrintsTheFieldsEventsAndTheAckAReceiverWouldSend() {
    CliRun r = run("dc09", "decode", "--now", "2026-01-01T00:00:00Z",
        "<LF>68AF0025\"SIA-DCS\"0001L0#1234[#1234|Nri1/BA12]<CR>");
    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("valid").asBoolean()).isTrue();
    assertThat(j.get("id").asText()).isEqualTo("SIA-DCS");
    assertThat(j.get("account").asText()).isEqualTo("1234");
    assertThat(j.get("line").asText()).isEqualTo("0");
    assertThat(j.has("receiver")).isFalse();
    assertThat(j.get("events").get(0).get("category").asText()).isEqualTo("INTRUDER");
    assertThat(j.get("events").get(0).get("zone").asText()).isEqualTo("12");
    assertThat(j.get("response").asText()).isEqualTo("ACK");
    assertThat(j.get("responseFrame").asText()).contains("\"ACK\"0001L0#1234[]_00:00:00,01-01-2026");
    assertThat(r.out()).doesNotContain("null");
  }

  @Test
  void decodeReportsACrcErrorAndExitsNonZero() {
    CliRun r = run("dc09", "decode",
        "<LF>9618004D\"SIA-DCS\"7960L0#123456[#123456|Nri1CL0^VX FRONTE ^]_22:40:48,04-11-2021<CR>");
    assertThat(r.code()).isEqualTo(1);
    JsonNode j = r.json();
    assertThat(j.get("valid").asBoolean()).isFalse();
    assertThat(j.get("error").asText()).isEqualTo("crc");
    assertThat(j.get("detail").asText()).contains("B7C9");
    assertThat(j.get("response").asText()).isEqualTo("NAK");
  }

  @Test
  void decodeOfAnEncryptedFrameWithoutKeyReportsKeyRequiredWithTheHeader() {
    CliRun r = run("dc09", "decode", SW05);
    assertThat(r.code()).isEqualTo(1);
    JsonNode j = r.json();
    assertThat(j.get("error").asText()).isEqualTo("key-required");
    assertThat(j.get("header").get("account").asText()).isEqualTo("080027E62A64");
    assertThat(j.get("header").get("receiver").asText()).isEqualTo("5678");
  }

  @Test
  void decodeWithTheKeyShowsTimestampAndSkewWithoutApplyingTheWindow() {
    CliRun r = run("dc09", "decode", "--key", "ABCDABCDABCDABCDABCDABCDABCDABCD", SW05);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("encrypted").asBoolean()).isTrue();
    assertThat(j.get("timestamp").asText()).isEqualTo("16:08:12,04-14-2015");
    assertThat(j.get("skewSeconds").asLong()).isNegative();
    assertThat(j.get("key").asText()).isEqualTo("AES-128 (hex)");
  }

  @Test
  void checkTimeAppliesTheWindowAndGivesTheSkew() {
    CliRun late = run("dc09", "decode", "--key", "ABCDABCDABCDABCDABCDABCDABCDABCD", "--check-time",
        "--now", "2015-04-14T16:09:00Z", SW05);
    assertThat(late.code()).isEqualTo(1);
    assertThat(late.json().get("error").asText()).isEqualTo("timestamp");
    assertThat(late.json().get("skewSeconds").asLong()).isEqualTo(-48);
    assertThat(late.json().get("response").asText()).isEqualTo("NAK");
    CliRun inTime = run("dc09", "decode", "--key", "ABCDABCDABCDABCDABCDABCDABCDABCD",
        "--now", "2015-04-14T16:08:30Z", SW05);
    assertThat(inTime.code()).isZero();
  }

  @Test
  void wrongKeyIsADecryptErrorAndBothKeyFormsAreTriedWhenAmbiguous() {
    CliRun r = run("dc09", "decode", "--key", "ABCDABCDABCDABCDABCDABCDABCDABCE", SW05);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.json().get("error").asText()).isEqualTo("decrypt");
    assertThat(r.json().get("keysTried")).hasSize(2);
  }

  @Test
  void asciiKeyFormDecodesTheIoBrokerFrame() {
    String io02 = "<LF>AEAE0137\"*SIA-DCS\"0018L0#12345[4cea0b8eb4752a51724c2c55f3801a6e35cb21d25e014290c29995e7cdbbb4659747c1e185c3627db922513d6d5cbb33440d09eefa204e96d62c9c9fc6ffaa5abeccfce859dd540f74cba79c04a048a9b597c12b027f6366a3817d1dd6e26e2019d33075a67ab4a74221f57450070a7f0de890d087c64e76db6893c192ef5e16762ef9934bbfc516d041ad71c47d4dd0<CR>";
    CliRun r = run("dc09", "decode", "--key", "0123456789ABCDEF", "--key-form", "ascii", io02);
    assertThat(r.code()).isZero();
    assertThat(r.json().get("events").get(0).get("code").asText()).isEqualTo("UT");
    CliRun hex = run("dc09", "decode", "--key", "0123456789ABCDEF", "--key-form", "hex", io02);
    assertThat(hex.code()).isEqualTo(2);
    assertThat(hex.err()).contains("ascii");
  }

  @Test
  void wrongLengthIsToleratedAsADeviationUnlessStrict() {
    String py12 = "<LF>57150047\"ADM-CID\"0247R4F39L4F39#4F39[#4F39|3401 01 057]<CR>";
    CliRun r = run("dc09", "decode", py12);
    assertThat(r.code()).isZero();
    assertThat(r.json().get("deviations").get(0).get("kind").asText()).isEqualTo("length-decimal");
    CliRun strict = run("dc09", "decode", "--strict-length", py12);
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.json().get("error").asText()).isEqualTo("length");
  }

  @Test
  void malformedFrameGivesTheOffset() {
    CliRun r = run("dc09", "decode", "<LF>A62A0012\"ACK\"0001L0#7099[]x<CR>");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.json().get("error").asText()).isIn("crc", "malformed");
  }

  @Test
  void standardInputGivesOneJsonLinePerFrameAndFailsWhenOneIsInvalid() {
    String input = "<LF>68AF0025\"SIA-DCS\"0001L0#1234[#1234|Nri1/BA12]<CR>\n"
        + "<LF>A18D0027\"ADM-CID\"0001L0#7099[#7099|1131 01 003]<CR>\n"
        + "<LF>0000\"garbage<CR>\n";
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)));
      CliRun r = run("dc09", "decode", "-");
      assertThat(r.code()).isEqualTo(1);
      String[] lines = r.out().strip().split("\n");
      assertThat(lines).hasSize(3);
      assertThat(lines[1]).contains("\"valid\":true").contains("131");
      assertThat(lines[2]).contains("\"valid\":false");
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void encodeBuildsAFrameThatDecodes() {
    CliRun r = run("dc09", "encode", "--id", "SIA-DCS", "--seq", "0001", "--line", "0", "--account",
        "1234", "--data", "#1234|Nri1/BA12", "--timestamp", "none");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo("<LF>68AF0025\"SIA-DCS\"0001L0#1234[#1234|Nri1/BA12]<CR>");
  }

  @Test
  void encodeEncryptedIsReproducibleWithASeedAndDecodesWithTheKey() {
    String[] args = {"dc09", "encode", "--id", "NULL", "--seq", "0000", "--receiver", "C0FFD",
        "--line", "1234", "--account", "080027E62A64", "--key", "ABCDABCDABCDABCDABCDABCDABCDABCD",
        "--now", "2015-06-22T13:43:09Z", "--seed", "7", "--xdata", "IHello"};
    CliRun a = run(args);
    CliRun b = run(args);
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo(b.out()).contains("\"*NULL\"0000RC0FFDL1234#080027E62A64[");
    CliRun d = run("dc09", "decode", "--key", "ABCDABCDABCDABCDABCDABCDABCDABCD", a.out().strip());
    assertThat(d.code()).isZero();
    assertThat(d.json().get("extendedData").get(0).get("value").asText()).isEqualTo("Hello");
  }

  @Test
  void encodeBinaryCrcAndBadFieldsGiveClearErrors() {
    CliRun bin = run("dc09", "encode", "--id", "NULL", "--account", "7099", "--crc", "binary",
        "--timestamp", "none", "--format", "hex");
    assertThat(bin.code()).isZero();
    assertThat(bin.out().strip()).startsWith("0A").contains("22");
    CliRun bad = run("dc09", "encode", "--id", "FOO");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown id");
    CliRun noKey = run("dc09", "encode", "--id", "*NULL");
    assertThat(noKey.err()).contains("--key");
    CliRun seq = run("dc09", "encode", "--id", "NULL", "--seq", "12");
    assertThat(seq.err()).contains("sequence");
  }
}
