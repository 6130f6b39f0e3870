package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class Dc09ResponsesTest {

  final Dc09Codec codec = Dc09Codec.withRandom(RandomGenerator.of("L64X128MixRandom"));
  final Dc09Responses responses = new Dc09Responses(codec);

  static Dc09Frame decode(String id) {
    Frames.Vector v = Frames.vector(id);
    return ((Dc09Result.Decoded) Dc09Codec.standard().decode(v.bytes(), v.keys())).frame();
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  @Test
  void ackEchoesSequenceReceiverLineAndAccountExactlyIncludingLowerCase() {
    // MK-04 is the ACK for SW-21's addressing at SW-03's time.
    byte[] ack = responses.ack(decode("SW-21"), null, Instant.parse("2015-06-22T12:10:40Z"));
    assertThat(ack).isEqualTo(Frames.vector("MK-04").bytes());
  }

  @Test
  void ackOmitsReceiverWhenTheRequestHadNone() {
    byte[] ack = responses.ack(decode("MK-01"), null, Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(text(ack)).endsWith("\"ACK\"0001L0#1234[]_00:00:00,01-01-2026\r")
        .doesNotContain("R").doesNotContainIgnoringCase("null").doesNotContain("None");
  }

  @Test
  void ackToAnEncryptedRequestIsAnEncryptedAckWithPadAndTimestamp() {
    Dc09Key key = Dc09Key.parse("ABCDABCDABCDABCDABCDABCDABCDABCD", KeyForm.HEX);
    Instant now = Instant.parse("2015-06-22T15:12:41Z");
    byte[] ack = responses.ack(decode("SW-23"), key, now);
    assertThat(text(ack)).contains("\"*ACK\"0000RC0FFDL1234#080027E62A64[");
    Dc09Frame back = ((Dc09Result.Decoded) codec.decode(ack, KeyLookup.always(key))).frame();
    assertThat(back.id()).isEqualTo(Dc09Id.ACK);
    assertThat(back.encrypted()).isTrue();
    assertThat(back.timestampUtc()).contains(now);
    assertThat(back.data()).isEmpty();
  }

  @Test
  void transmitterRecognisesTheAckForItsRequestOnly() {
    Dc09Frame req = decode("SW-21");
    Dc09Frame ack = decode("MK-04");
    assertThat(Dc09Responses.isAckFor(req, ack)).isTrue();
    assertThat(Dc09Responses.isAckFor(decode("SW-20"), ack)).isFalse(); // R C0FFD vs c0ffd
    assertThat(Dc09Responses.isAckFor(req, decode("SW-29"))).isFalse(); // DUH
  }

  @Test
  void nakHasTheFixedFormWithTheReceiversUtcTime() {
    assertThat(responses.nak(Instant.parse("2025-09-24T16:20:01Z")))
        .isEqualTo(Frames.vector("FI-03").bytes());
    assertThat(responses.nak(Instant.parse("2015-04-14T16:09:09.700Z")))
        .isEqualTo(Frames.vector("SW-07").bytes());
  }

  @Test
  void responsesToABinaryCrcPanelUseTheBinaryCrcForm() {
    byte[] req = Frames.build("\"NULL\"0007L0#7099[]", CrcForm.BINARY);
    Dc09Frame f = ((Dc09Result.Decoded) codec.decode(req)).frame();
    byte[] ack = responses.ack(f, null, Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(ack[7]).isEqualTo((byte) '"');
    Dc09Frame back = ((Dc09Result.Decoded) codec.decode(ack)).frame();
    assertThat(back.crcForm()).isEqualTo(CrcForm.BINARY);
    assertThat(back.sequence()).isEqualTo("0007");
    assertThat(responses.nak(Instant.EPOCH, CrcForm.BINARY)[7]).isEqualTo((byte) '"');
    byte[] damaged = req.clone();
    damaged[1] ^= 1;
    Dc09Error crc = ((Dc09Result.Rejected) codec.decode(damaged)).error();
    assertThat(crc.kind()).isEqualTo(Dc09Error.Kind.CRC);
    assertThat(responses.answer(crc, Instant.EPOCH).orElseThrow()[7]).isEqualTo((byte) '"');
  }

  @Test
  void duhEchoesTheAddressingWithoutTimestamp() {
    byte[] duh = responses.duh(decode("MK-03"));
    assertThat(text(duh)).endsWith("\"DUH\"0001L0#1234[]\r");
    assertThat(codec.decode(duh).isDecoded()).isTrue();
  }

  @Test
  void answerFollowsTheErrorMapping() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    var crc = ((Dc09Result.Rejected) codec.decode(Frames.vector("PY-N1").bytes())).error();
    assertThat(text(responses.answer(crc, now).orElseThrow())).contains("\"NAK\"0000R0L0A0[]");
    var unknown = ((Dc09Result.Rejected) codec.decode(Frames.withCrc("\"XYZ\"0042L0#77[]"))).error();
    assertThat(text(responses.answer(unknown, now).orElseThrow())).endsWith("\"DUH\"0042L0#77[]\r");
    var tooLong = ((Dc09Result.Rejected) codec.decode(Dc09CodecBadInputTest.tooLong())).error();
    assertThat(responses.answer(tooLong, now)).isEmpty();
  }

  @Test
  void timestampWindowAcceptsTwentySecondsAheadAndFortyBehindByDefault() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    TimestampWindow w = TimestampWindow.DEFAULT;
    assertThat(w.check(at(now.plusSeconds(20)), now)).isEmpty();
    assertThat(w.check(at(now.minusSeconds(40)), now)).isEmpty();
    Dc09Error ahead = w.check(at(now.plusSeconds(21)), now).orElseThrow();
    assertThat(ahead.kind()).isEqualTo(Dc09Error.Kind.TIMESTAMP_OUT_OF_WINDOW);
    assertThat(ahead.skew()).isEqualTo(Duration.ofSeconds(21));
    assertThat(ahead.response()).isEqualTo(Dc09Response.NAK);
    assertThat(w.check(at(now.minusSeconds(41)), now).orElseThrow().skew())
        .isEqualTo(Duration.ofSeconds(-41));
  }

  @Test
  void timestampWindowIsConfigurableAndFramesWithoutTimestampPass() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    TimestampWindow wide = new TimestampWindow(Duration.ofMinutes(30), Duration.ofHours(1));
    assertThat(wide.check(at(now.minusSeconds(3599)), now)).isEmpty();
    assertThat(wide.check(at(now.plusSeconds(1801)), now)).isPresent();
    assertThat(TimestampWindow.DEFAULT.check(decode("MK-01"), now)).isEmpty();
  }

  static Dc09Frame at(Instant t) {
    return Dc09Frame.builder(Dc09Id.NULL).account("1234").line("0").timestamp(t).build();
  }
}
