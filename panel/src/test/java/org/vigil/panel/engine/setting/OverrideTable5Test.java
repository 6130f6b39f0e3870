package org.vigil.panel.engine.setting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.intruder.ShopPanel;

/** EN 50131-1 Table 4 conditions overridden per Table 5 (our reading), for one set period, logged with the user. */
class OverrideTable5Test {

  static Input setCommand() {
    return new Input.RemoteCommand("shop", Input.RemoteAction.SET, ShopPanel.OWNER);
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {2, 3, 4})
  void table5_detectorFaultOverriddenByLevel2_forOneSetPeriodOnly(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.FaultRaised("pir-stock"), setCommand());
    assertThat(p.status()).as("Table 4: a detector fault prevents setting").isEqualTo(AreaStatus.UNSET);
    p.clear();
    p.in(new Input.OverrideSetting("shop", ShopPanel.OPERATOR_A));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("user 2 (access level 2) overrode for one set period: Stock room PIR fault") && l.rule().contains("Table 5"));
    p.set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
    p.after(60).unset().after(60);
    p.clear();
    p.in(setCommand());
    assertThat(p.status()).as("the override ended with the set period").isEqualTo(AreaStatus.UNSET);
    assertThat(p.logs()).anyMatch(l -> l.message().contains("refused") && l.message().contains("Stock room PIR fault"));
  }

  @Test
  void table5_allPathsFailed_level2MayOverrideAtGrade2() {
    ShopPanel p = ShopPanel.grade(2);
    p.in(new Input.PathChanged("ip", false), new Input.OverrideSetting("shop", ShopPanel.OWNER)).set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {3, 4})
  void table5_allPathsFailed_needsLevel3AtGrade3And4(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.PathChanged("ip", false), new Input.OverrideSetting("shop", ShopPanel.OWNER));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("all transmission paths failed") && l.message().contains("needs access level 3 at grade " + grade));
    p.set();
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
    p.in(new Input.OverrideSetting("shop", ShopPanel.ENGINEER)).set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
    assertThat(p.logs()).anyMatch(l -> l.message().contains("user 9 (access level 3) overrode"));
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void table5_tamperAndActiveDetectorAreNeverOverridden(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.TamperOpen("pir-stock"), new Input.DetectorActive("pir-shop"), new Input.OverrideSetting("shop", ShopPanel.ENGINEER));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("Shop floor PIR active") && l.message().contains("inhibit the detector"));
    if (grade >= 2) assertThat(p.logs()).anyMatch(l -> l.message().contains("Stock room PIR tamper") && l.message().contains("never overridden"));
    p.in(setCommand());
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
  }

  @Test
  void table5_overrideCoversOnlyTheConditionsPresentWhenGiven() {
    ShopPanel p = ShopPanel.grade(2);
    p.in(new Input.FaultRaised("pir-stock"), new Input.OverrideSetting("shop", ShopPanel.OWNER), new Input.FaultRaised("pir-shop"), setCommand());
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.displays()).anyMatch(t -> t.contains("Shop floor PIR fault") && !t.contains("Stock room PIR fault"));
  }

  @Test
  void table5_refusedWithoutAuthorityOrWhileSet() {
    ShopPanel p = ShopPanel.grade(2);
    p.in(new Input.OverrideSetting("shop", 77), new Input.OverrideSetting("nowhere", 1));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("override by user 77 refused"));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("unknown area 'nowhere'"));
    p.set().in(new Input.OverrideSetting("shop", ShopPanel.OWNER));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("is not unset"));
  }

  @Test
  void table5_dataMatchesTheReading() {
    for (int g = 1; g <= 4; g++) {
      assertThat(Table5.DETECTOR_ACTIVE.overrideLevel(g)).isZero();
      assertThat(Table5.HOLD_UP_ACTIVE.overrideLevel(g)).isZero();
      assertThat(Table5.TAMPER.overrideLevel(g)).isZero();
      assertThat(Table5.MASKED.overrideLevel(g)).isEqualTo(2);
      assertThat(Table5.DETECTOR_FAULT.overrideLevel(g)).isEqualTo(2);
      assertThat(Table5.ALL_ATS_FAULT.overrideLevel(g)).isEqualTo(g >= 3 ? 3 : 2);
    }
  }
}
