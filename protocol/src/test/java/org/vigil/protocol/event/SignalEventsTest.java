package org.vigil.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.Frames;

class SignalEventsTest {

  static List<SignalEvent> events(String vector) {
    Frames.Vector v = Frames.vector(vector);
    Dc09Frame f = ((Dc09Result.Decoded) Dc09Codec.standard().decode(v.bytes(), v.keys())).frame();
    return SignalEvents.of(f);
  }

  @Test
  void siaBurglaryGivesIntruderWithZoneAndArea() {
    assertThat(events("MK-01")).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.INTRUDER);
      assertThat(e.code()).isEqualTo("BA");
      assertThat(e.zone()).isEqualTo("12");
      assertThat(e.area()).isEqualTo("1");
      assertThat(e.format()).isEqualTo(SignalEvent.Format.SIA);
    });
  }

  @Test
  void contactIdPerimeterBurglaryGivesIntruderWithGroupAndZone() {
    assertThat(events("MK-02")).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.INTRUDER);
      assertThat(e.code()).isEqualTo("131");
      assertThat(e.qualifier()).isEqualTo(1);
      assertThat(e.area()).isEqualTo("01");
      assertThat(e.zone()).isEqualTo("003");
      assertThat(e.restore()).isFalse();
    });
  }

  @Test
  void contactIdCloseByUserGivesCloseWithUser() {
    assertThat(events("PY-12")).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.CLOSE);
      assertThat(e.user()).isEqualTo("057");
      assertThat(e.zone()).isEmpty();
    });
  }

  @Test
  void siaClosingReportCarriesTheUserNumber() {
    assertThat(events("PY-08")).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.CLOSE);
      assertThat(e.user()).isEqualTo("501");
      assertThat(e.area()).isEqualTo("1");
    });
  }

  @Test
  void unknownCodesAreKeptAsUnknownEvents() {
    assertThat(events("MK-03")).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.UNKNOWN);
      assertThat(e.code()).isEqualTo("QQ");
      assertThat(e.zone()).isEqualTo("99");
    });
    assertThat(events("SW-19")).singleElement()
        .satisfies(e -> assertThat(e.category()).isEqualTo(EventCategory.UNKNOWN));
  }

  @Test
  void nullFramesCarryNoEventsEvenWithAContactIdBody() {
    assertThat(events("PY-06")).isEmpty();
    assertThat(events("SW-16")).isEmpty();
  }

  @Test
  void unreadableDataIsAnUnknownEventWithTheRawText() {
    List<SignalEvent> es = SignalEvents.ofContactId("#7099|garbage");
    assertThat(es).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.UNKNOWN);
      assertThat(e.text()).contains("garbage");
    });
    assertThat(SignalEvents.ofSia("")).singleElement()
        .satisfies(e -> assertThat(e.category()).isEqualTo(EventCategory.UNKNOWN));
  }

  @Test
  void encryptedSiaFrameEventsAndAsciiText() {
    assertThat(events("IO-02")).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("UT");
      assertThat(e.text()).contains("SCOMPARSA");
    });
    assertThat(events("FI-01")).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("test"));
  }

  @Test
  void holdUpPanicFromSia() {
    assertThat(events("PY-10")).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo(EventCategory.HOLD_UP);
      assertThat(e.zone()).isEqualTo("501");
    });
  }

  @Test
  void noFieldIsEverNull() {
    for (String id : Frames.vectors().keySet()) {
      Frames.Vector v = Frames.vector(id);
      if (Dc09Codec.standard().decode(v.bytes(), v.keys()) instanceof Dc09Result.Decoded d) {
        for (SignalEvent e : SignalEvents.of(d.frame())) {
          assertThat(List.of(e.code(), e.area(), e.zone(), e.user(), e.text(), e.meaning())).doesNotContainNull();
        }
      }
    }
  }
}
