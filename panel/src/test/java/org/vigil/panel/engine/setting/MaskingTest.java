package org.vigil.panel.engine.setting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.intruder.ShopPanel;
import org.vigil.panel.engine.restore.RestoreFeature;
import org.vigil.panel.engine.restore.Table6;

/** Anti-masking detectors: masking is signalled, prevents setting (Table 4) and waits for a level 2 restore (Table 6). */
class MaskingTest {

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void table4_maskingIsSignalledAndPreventsSettingFromGrade2(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.Masked("pir-shop"));
    assertThat(p.notifications()).anyMatch(n -> n.signal() == Signal.MASKING && n.cid() == 380 && "BT".equals(n.sia()) && n.zone() == 2 && !n.restore());
    p.set();
    assertThat(p.status()).isEqualTo(grade >= 2 ? AreaStatus.UNSET : AreaStatus.SET);
    if (grade >= 2) assertThat(p.displays()).anyMatch(t -> t.contains("Shop floor PIR masked"));
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void table6_maskingClearedIsSignalledAndRestoredByLevel2(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.Masked("pir-shop"), new Input.Masked("pir-shop"), new Input.MaskCleared("pir-shop"));
    assertThat(p.notifications().stream().filter(n -> n.signal() == Signal.MASKING && !n.restore()).count()).as("a repeated report is one signal").isEqualTo(1);
    assertThat(p.notifications()).anyMatch(n -> n.signal() == Signal.MASKING && n.restore() && "BJ".equals(n.sia()));
    p.in(new Input.Restore("shop", ShopPanel.OWNER));
    assertThat(p.state.feature(RestoreFeature.State.class, RestoreFeature.State.EMPTY).area("shop").items()).noneMatch(i -> i.row() == Table6.MASKING);
    p.set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {2, 3, 4})
  void table5_maskingOverriddenByLevel2ForOneSetPeriod(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.Masked("pir-stock"), new Input.OverrideSetting("shop", ShopPanel.OPERATOR_A)).set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
  }

  @ParameterizedTest(name = "grade {0}")
  @ValueSource(ints = {2, 3})
  void maskingOfAnUnknownOrNonDetectorDeviceIsLoggedNotThrown(int grade) {
    ShopPanel p = ShopPanel.grade(grade);
    p.in(new Input.Masked("nope"), new Input.Masked("kp-shop"));
    assertThat(p.logs()).filteredOn(l -> l.message().contains("unknown detector")).hasSize(2);
  }
}
