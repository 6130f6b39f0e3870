package org.vigil.panel.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.DetectorRole;
import org.vigil.panel.config.Position;
import org.vigil.panel.config.Technology;

class IndependenceTest {
  static Detector d(String id, Technology t, String region, Position pos) {
    return new Detector(id, id.hashCode() & 0xff, "a", id, DetectorRole.INTERIOR, t, region == null ? List.of() : List.of(region), List.of(), pos, null, 0);
  }

  static Independence.Verdict v(Detector a, Detector b) {
    return Independence.of(a, b);
  }

  @Test
  void dd243_5_4_1b_differentTechnologiesConfirm() {
    assertThat(v(d("a", Technology.DOOR_CONTACT, "x", null), d("b", Technology.PIR, "x", null)).confirms()).isTrue();
  }

  @Test
  void dd243_5_4_1b_sameTechnologyWithoutOverlapConfirms() {
    assertThat(v(d("a", Technology.DOOR_CONTACT, "x", null), d("b", Technology.DOOR_CONTACT, "y", null)).confirms()).isTrue();
  }

  @Test
  void dd243_5_4_3_sameTypeOverlappingNeverConfirms() {
    for (Technology t : List.of(Technology.VIBRATION, Technology.GLASS_BREAK, Technology.FOIL, Technology.DOOR_CONTACT, Technology.AUDIO, Technology.VIDEO_MOTION, Technology.PRESSURE)) {
      Independence.Verdict r = v(d("a", t, "x", null), d("b", t, "x", null));
      assertThat(r.confirms()).as(t.name()).isFalse();
      assertThat(r.rule()).isEqualTo("DD243 5.4.3");
    }
  }

  @Test
  void dd243_5_4_3_sameDetectorTwiceAndSingleDualTechNeverConfirm() {
    Detector dt = d("a", Technology.DUAL_TECH, "x", null);
    assertThat(v(dt, dt).confirms()).isFalse();
    assertThat(v(dt, dt).reason()).contains("single dual-technology");
    Detector pir = d("p", Technology.PIR, "x", null);
    assertThat(v(pir, pir).reason()).contains("double knock");
  }

  @Test
  void dd243_5_4_2_overlappingMovementNeedsADualTech() {
    assertThat(v(d("a", Technology.PIR, "x", null), d("b", Technology.PIR, "x", null)).confirms()).isFalse();
    assertThat(v(d("a", Technology.PIR, "x", null), d("b", Technology.MICROWAVE, "x", null)).confirms()).isFalse();
    assertThat(v(d("a", Technology.PIR, "x", null), d("b", Technology.DUAL_TECH, "x", null)).confirms()).isTrue();
    assertThat(v(d("a", Technology.DUAL_TECH, "x", null), d("b", Technology.DUAL_TECH, "x", null)).confirms()).isTrue();
  }

  @Test
  void dd243_5_4_2_movementDetectorsCloserThan2_5mNeverConfirm() {
    Independence.Verdict r = v(d("a", Technology.PIR, "x", new Position(0, 0)), d("b", Technology.PIR, "y", new Position(1, 2)));
    assertThat(r.confirms()).isFalse();
    assertThat(r.reason()).contains("2.2 m apart");
    assertThat(v(d("a", Technology.PIR, "x", new Position(0, 0)), d("b", Technology.PIR, "y", new Position(3, 0))).confirms()).isTrue();
  }

  @Test
  void unknownCoverageIsTreatedAsOverlapping() {
    Independence.Verdict r = v(d("a", Technology.PIR, null, null), d("b", Technology.PIR, "y", null));
    assertThat(r.confirms()).isFalse();
    assertThat(r.reason()).contains("assumed overlapping");
  }

  @Test
  void explicitOverlapCounts() {
    Detector a = new Detector("a", 1, "a", "a", DetectorRole.INTERIOR, Technology.GLASS_BREAK, List.of("x"), List.of("b"), null, null, 0);
    assertThat(v(a, d("b", Technology.GLASS_BREAK, "y", null)).confirms()).isFalse();
  }

  @Test
  void relationIsSymmetric() {
    List<Detector> ds = List.of(d("a", Technology.PIR, "x", new Position(0, 0)), d("b", Technology.DUAL_TECH, "x", new Position(5, 0)),
        d("c", Technology.DOOR_CONTACT, "y", null), d("e", Technology.PIR, "z", new Position(1, 1)), d("f", Technology.VIBRATION, null, null));
    for (Detector a : ds) for (Detector b : ds) assertThat(v(a, b).confirms()).as(a.id() + "/" + b.id()).isEqualTo(v(b, a).confirms());
  }
}
