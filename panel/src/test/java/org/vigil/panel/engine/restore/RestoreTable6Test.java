package org.vigil.panel.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.intruder.ShopPanel;

/** EN 50131-1 Table 6 by grade, and BS 8243 A.3, through the engine: who may restore what. */
class RestoreTable6Test {

  static boolean remembered(ShopPanel p, Table6 row) {
    return p.state.feature(RestoreFeature.State.class, RestoreFeature.State.EMPTY).area("shop").items().stream().anyMatch(i -> i.row() == row);
  }

  /** Creates the row's condition in the shop and clears it again, leaving only the memory. */
  static void occurAndClear(ShopPanel p, Table6 row) {
    switch (row) {
      case TAMPER -> p.in(new Input.TamperOpen("pir-shop"), new Input.TamperRestored("pir-shop"));
      case FAULT -> p.in(new Input.FaultRaised("pir-shop"), new Input.FaultCleared("pir-shop"));
      case MASKING -> p.in(new Input.Masked("pir-shop"), new Input.MaskCleared("pir-shop"));
      case ATS_FAULT -> p.in(new Input.PathChanged("ip", false), new Input.PathChanged("ip", true));
      case INTRUDER_ALARM -> p.set().after(60).in(new Input.DetectorActive("pir-shop"), new Input.DetectorNormal("pir-shop"));
      case CONFIRMED_INTRUDER_ALARM -> p.set().after(60).in(new Input.DetectorActive("pir-stock"), new Input.DetectorActive("rear-door"),
          new Input.DetectorNormal("pir-stock"), new Input.DetectorNormal("rear-door"));
      default -> throw new IllegalArgumentException("no input for " + row);
    }
    p.after(1);
  }

  static Stream<Arguments> rowsGradesLevels() {
    List<Arguments> out = new ArrayList<>();
    for (Table6 row : List.of(Table6.INTRUDER_ALARM, Table6.TAMPER, Table6.FAULT, Table6.MASKING, Table6.ATS_FAULT, Table6.CONFIRMED_INTRUDER_ALARM)) {
      for (int grade = 1; grade <= 4; grade++) {
        for (int user : new int[] {ShopPanel.OWNER, ShopPanel.ENGINEER}) out.add(Arguments.of(row, grade, user));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} grade {1} user {2}")
  @MethodSource("rowsGradesLevels")
  void table6_restoreByAccessLevelAndGrade(Table6 row, int grade, int user) {
    ShopPanel p = ShopPanel.grade(grade);
    occurAndClear(p, row);
    assertThat(remembered(p, row)).as("condition remembered until restored").isTrue();
    p.clear();
    p.in(new Input.Restore("shop", user));
    int level = user == ShopPanel.ENGINEER ? 3 : 2;
    boolean allowed = level >= row.level(grade);
    assertThat(remembered(p, row)).as("%s restored by level %d at grade %d", row, level, grade).isEqualTo(!allowed);
    if (allowed) {
      assertThat(p.logs()).anyMatch(l -> l.message().contains(row.label()) && l.message().contains("restored by user " + user));
    } else {
      assertThat(p.logs()).anyMatch(l -> l.message().contains("refused") && l.rule().equals(row.rule(grade)));
    }
  }

  @Test
  void table6_dataMatchesTheResearchTable() {
    for (int g = 1; g <= 4; g++) {
      assertThat(Table6.INTRUDER_ALARM.level(g)).isEqualTo(2);
      assertThat(Table6.HOLD_UP_ALARM.level(g)).isEqualTo(2);
      assertThat(Table6.TAMPER.level(g)).isEqualTo(g >= 3 ? 3 : 2);
      assertThat(Table6.FAULT.level(g)).isEqualTo(g >= 3 ? 3 : 2);
      assertThat(Table6.PRIME_POWER_FAULT.level(g)).isEqualTo(2);
      assertThat(Table6.ATS_FAULT.level(g)).isEqualTo(2);
      assertThat(Table6.MASKING.level(g)).isEqualTo(2);
      assertThat(Table6.RANGE_REDUCTION.level(g)).isEqualTo(2);
      assertThat(Table6.CONFIRMED_INTRUDER_ALARM.level(g)).as("BS 8243 A.3").isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {3, 4})
  void table6_tamperAtGrade3And4_survivesTheUsersUnsetAndPreventsSettingUntilTheEngineerRestores(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.set().after(60).in(new Input.TamperOpen("pir-shop"), new Input.TamperRestored("pir-shop")).after(60).unset().after(60);
    p.clear();
    p.in(new Input.RemoteCommand("shop", Input.RemoteAction.SET, ShopPanel.OWNER));
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.displays()).anyMatch(t -> t.contains("restore required") && t.contains("tamper Shop floor PIR"));
    assertThat(p.logs()).anyMatch(l -> l.rule().equals(Table6.TAMPER.rule(grade)));
    p.in(new Input.Restore("shop", ShopPanel.OWNER));
    assertThat(remembered(p, Table6.TAMPER)).isTrue();
    p.in(new Input.Restore("shop", ShopPanel.ENGINEER)).in(new Input.RemoteCommand("shop", Input.RemoteAction.SET, ShopPanel.OWNER));
    assertThat(p.status()).isEqualTo(AreaStatus.SETTING);
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {1, 2})
  void table6_tamperAtGrade1And2_isRestoredByTheUsersUnset(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.set().after(60).in(new Input.TamperOpen("pir-shop"), new Input.TamperRestored("pir-shop")).after(60).unset();
    assertThat(remembered(p, Table6.TAMPER)).isFalse();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("restored at unset by user 1 (access level 2)"));
    p.set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
  }

  @Test
  void restore_31_56_refusedWhileTheConditionIsStillPresent() {
    ShopPanel p = ShopPanel.grade(3);
    p.in(new Input.TamperOpen("pir-shop"));
    p.clear();
    p.in(new Input.Restore("shop", ShopPanel.ENGINEER));
    assertThat(remembered(p, Table6.TAMPER)).isTrue();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("still present") && l.rule().contains("3.1.56"));
  }

  @Test
  void bs8243_a3_arcRestoreOverTheLinkClearsAConfirmedAlarm() {
    ShopPanel p = ShopPanel.grade(2);
    occurAndClear(p, Table6.CONFIRMED_INTRUDER_ALARM);
    p.unset();
    assertThat(remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).as("the user's unset does not restore a confirmed alarm").isTrue();
    assertThat(p.displays()).anyMatch(t -> t.contains("engineer restore required"));
    p.in(new Input.RemoteCommand("shop", Input.RemoteAction.RESTORE, 0));
    assertThat(remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).isFalse();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("restored by the ARC") && l.rule().contains("BS8473"));
  }

  @Test
  void restore_userWithoutAuthorityIsRefused() {
    ShopPanel p = ShopPanel.grade(2);
    occurAndClear(p, Table6.TAMPER);
    p.in(new Input.Restore("shop", 77), new Input.Restore("nowhere", 1));
    assertThat(remembered(p, Table6.TAMPER)).isTrue();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("restore by user 77 refused"));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("unknown area 'nowhere'"));
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void table6_holdUpAlarmRestoredByLevel2AtEveryGrade_throughTheSameRestore(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.HoldUpOperated("hd-counter", Input.HoldUpAction.PRESS_BOTH), new Input.HoldUpOperated("hd-counter", Input.HoldUpAction.RELEASE)).after(60);
    assertThat(org.vigil.panel.engine.holdup.HoldUpFeature.of(p.state).restoreRequired("shop")).isTrue();
    p.in(new Input.Restore("shop", ShopPanel.OWNER));
    assertThat(org.vigil.panel.engine.holdup.HoldUpFeature.of(p.state).restoreRequired("shop")).as("Table 6: hold-up alarm L2/L3").isFalse();
  }
}
