package org.vigil.panel.transmit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Signal;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.KeyForm;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * The HUA's image link travels as DC-09 extended data {@code [V<link>]} (research A.9) in SIA-DCS and ADM-CID
 * frames, clear and encrypted, and survives the outbound queue (NotificationCodec version 2).
 */
class ImageLinkFrameTest {
  static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  static final String LINK = "http://192.0.2.10:8099/images/hua-1-hd-counter-1-1795413600/";
  static final Dc09Codec CODEC = Dc09Codec.standard();

  static Dc09Frame frame(Dc09Id id, String data) {
    return frame(id, data, false);
  }

  static Dc09Frame frame(Dc09Id id, String data, boolean encrypted) {
    return Dc09Frame.builder(id).encrypted(encrypted).sequence(7).line("1").account("1234").data(data).timestamp(NOW).build();
  }

  static Dc09Frame roundTrip(Dc09Frame f, Dc09Key key) {
    byte[] wire = CODEC.encode(f, key);
    Dc09Result r = CODEC.decode(wire, key == null ? KeyLookup.none() : KeyLookup.always(key));
    assertThat(r).isInstanceOf(Dc09Result.Decoded.class);
    return ((Dc09Result.Decoded) r).frame();
  }

  @Test
  void theVBlockIsEncodedAndDecodedInSiaDcsAndAdmCidFramesClearAndEncrypted() {
    Dc09Key key = Dc09Key.ofBytes(HexFormat.of().parseHex("ABCDABCDABCDABCDABCDABCDABCDABCD"), KeyForm.HEX);
    for (Dc09Frame f : new Dc09Frame[] {frame(Dc09Id.SIA_DCS, "#1234|Nri1/HA020"), frame(Dc09Id.ADM_CID, "#1234|1122 01 020")}) {
      Dc09Frame withV = TransmitPlanner.withVerification(f, LINK);
      String wire = new String(CODEC.encode(withV, null), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(wire).contains("]" + "[V" + LINK + "]_");
      for (Dc09Key k : new Dc09Key[] {null, key}) {
        Dc09Frame back = roundTrip(k == null ? withV : TransmitPlanner.withVerification(frame(f.id(), f.data(), true), LINK), k);
        assertThat(back.extended('V')).singleElement().satisfies(v -> {
          assertThat(v.value()).isEqualTo(LINK);
          assertThat(v.isVerification()).isTrue();
        });
        assertThat(back.data()).isEqualTo(f.data());
      }
    }
  }

  @Test
  void aLinkTheArcCouldNotFetchOrThatCouldBreakTheFrameIsLeftOutAndTheAlarmGoesAnyway() {
    Dc09Frame f = frame(Dc09Id.SIA_DCS, "#1234|Nri1/HA020");
    for (String bad : new String[] {null, "images/hua-1/", "file:///x", "http://x/" + "a".repeat(300), "http://x/[y]", "http://x/\ry"}) {
      assertThat(TransmitPlanner.withVerification(f, bad).extended()).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void theQueuedNotificationKeepsItsLinkAndVersion1RecordsStillRead() {
    Effect.Notification n = new Effect.Notification(Signal.HOLD_UP, "banking", 1, 20, null, false, 122, "HA", "BS8243 7.3.2", "hold-up Counter 1").withVerification(LINK);

    assertThat(NotificationCodec.decode(NotificationCodec.encode(n))).hasValue(n);
    Effect.Notification plain = n.withVerification(null);
    assertThat(NotificationCodec.decode(NotificationCodec.encode(plain))).hasValue(plain);
    // A record written before the upgrade: version 1, no link after the text.
    byte[] v2 = NotificationCodec.encode(plain);
    byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 1);
    v1[0] = 1;
    assertThat(NotificationCodec.decode(v1)).hasValue(plain);
  }
}
