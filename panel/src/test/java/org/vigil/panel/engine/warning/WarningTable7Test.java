package org.vigil.panel.engine.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.Timers;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.intruder.ShopPanel;
import org.vigil.panel.engine.warning.Table7.Channel;
import org.vigil.panel.engine.warning.Table7.Condition;

/**
 * EN 50131-1 Table 7 as read in docs/intruder.md: every cell (grade x set/unset x condition x channel)
 * driven through the engine and compared with the table and our choices for the optional cells.
 */
class WarningTable7Test {

  static Stream<Arguments> cells() {
    List<Arguments> out = new ArrayList<>();
    for (int g = 1; g <= 4; g++) for (boolean set : new boolean[] {true, false}) for (Condition c : Condition.values()) out.add(Arguments.of(g, set, c));
    return out.stream();
  }

  @ParameterizedTest(name = "grade {0} set={1} {2}")
  @MethodSource("cells")
  void table7_everyCellThroughTheEngine(int grade, boolean set, Condition c) {
    ShopPanel p = ShopPanel.grade(grade);
    if (set) p.set().after(60);
    p.clear();
    p.in(switch (c) {
      case INTRUDER -> new Input.DetectorActive("pir-shop");
      case TAMPER -> new Input.TamperOpen("pir-shop");
      case FAULT -> new Input.FaultRaised("pir-shop");
      case HOLD_UP -> new Input.HoldUpOperated("hd-counter", Input.HoldUpAction.PRESS_BOTH);
    });
    Signal signal = switch (c) {
      case INTRUDER -> Signal.INTRUDER;
      case TAMPER -> Signal.TAMPER;
      case FAULT -> Signal.FAULT;
      case HOLD_UP -> Signal.HOLD_UP;
    };
    assertThat(p.output("bell")).as(Table7.rule(grade, set, c, Channel.EXTERNAL_WD)).isEqualTo(Table7.on(grade, set, c, Channel.EXTERNAL_WD));
    assertThat(p.output("sounder")).as(Table7.rule(grade, set, c, Channel.INTERNAL_WD)).isEqualTo(Table7.on(grade, set, c, Channel.INTERNAL_WD));
    assertThat(p.notifications().stream().anyMatch(n -> n.signal() == signal && !n.restore())).as(Table7.rule(grade, set, c, Channel.ATS)).isEqualTo(Table7.on(grade, set, c, Channel.ATS));
  }

  @Test
  void table7_grade2CellsAsRetrieved() {
    var M = Table7.Cell.MANDATORY;
    var O = Table7.Cell.OPTIONAL;
    var N = Table7.Cell.NOT_PERMITTED;
    assertThat(Table7.cell(2, true, Condition.INTRUDER, Channel.EXTERNAL_WD)).isEqualTo(M);
    assertThat(Table7.cell(2, true, Condition.TAMPER, Channel.EXTERNAL_WD)).isEqualTo(M);
    assertThat(Table7.cell(2, true, Condition.FAULT, Channel.EXTERNAL_WD)).isEqualTo(N);
    assertThat(Table7.cell(2, true, Condition.HOLD_UP, Channel.EXTERNAL_WD)).isEqualTo(O);
    assertThat(Table7.cell(2, true, Condition.FAULT, Channel.INTERNAL_WD)).isEqualTo(O);
    assertThat(Table7.cell(2, false, Condition.INTRUDER, Channel.INTERNAL_WD)).isEqualTo(N);
    assertThat(Table7.cell(2, false, Condition.TAMPER, Channel.INTERNAL_WD)).isEqualTo(O);
    assertThat(Table7.cell(2, false, Condition.INTRUDER, Channel.ATS)).isEqualTo(N);
    for (Condition c : Condition.values()) {
      assertThat(Table7.cell(2, true, c, Channel.ATS)).isEqualTo(M);
      if (c != Condition.HOLD_UP) assertThat(Table7.cell(2, false, c, Channel.EXTERNAL_WD)).as("no external WD while unset").isEqualTo(N);
    }
  }

  @Test
  void dd243QA_bellOnUnconfirmed_strobeOnConfirmed() {
    ShopPanel p = ShopPanel.grade(2).set().after(60);
    p.in(new Input.DetectorActive("pir-stock"));
    assertThat(p.output("bell")).isTrue();
    assertThat(p.output("strobe")).isFalse();
    p.after(60).in(new Input.DetectorActive("rear-door"));
    assertThat(p.output("strobe")).isTrue();
  }

  @Test
  void bellCutOff_within20Minutes_evenWhenTheConfigurationAsksForMore() {
    SiteConfig base = ShopPanel.site(2, null);
    Timers t = base.timers();
    SiteConfig longBell = new SiteConfig(base.site(), base.areas(), base.detectors(), base.holdUpDevices(), base.keypads(), base.readers(), base.cameras(), base.outputs(),
        new Timers(Duration.ofMinutes(45), t.bellDelay(), t.entryWarning(), t.settingIndication(), t.busFailureWindow()),
        base.users(), base.transmission(), base.source(), base.sourceMap(), base.holdUp(), base.codes(), base.restore());
    ShopPanel p = new ShopPanel(longBell).set().after(60);
    p.in(new Input.DetectorActive("pir-stock"));
    assertThat(p.output("bell")).isTrue();
    p.after(Duration.ofMinutes(20).minusSeconds(1));
    assertThat(p.output("bell")).isTrue();
    p.after(1);
    assertThat(p.output("bell")).as("cut off at 20 minutes").isFalse();
  }

  // A configured bell_duration above 20 minutes is a design error: DesignValidatorTest.bellCutOffWithin20Minutes.
}
