package org.vigil.panel.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.intruder.ShopPanel;

/**
 * Restore memory, anti-code challenges, overrides and masking survive a restart: a snapshot of the
 * engine state reads back equal (a panel must not forget after a power cut that an engineer restore
 * is needed, BS 8243 A.3).
 */
class IntruderStateSnapshotTest {
  @Test
  void restoreMemoryOverridesAndMaskingSurviveASnapshot(@TempDir Path dir) throws Exception {
    ShopPanel p = new ShopPanel(ShopPanel.site(3, "restore:\n  anti_code_secret: \"shop-arc-shared-secret-2026\"\n"));
    p.set().after(60).in(new Input.DetectorActive("pir-stock"), new Input.DetectorActive("rear-door"),
        new Input.DetectorNormal("pir-stock"), new Input.DetectorNormal("rear-door"), new Input.TamperOpen("pir-shop"), new Input.TamperRestored("pir-shop"));
    p.after(60).unset().in(new Input.Masked("dt-shop"), new Input.FaultRaised("pir-shop-2"), new Input.OverrideSetting("shop", ShopPanel.ENGINEER));
    StateSnapshots s = new StateSnapshots(dir.resolve("state.json"));
    s.save(p.state);
    var back = s.load();
    assertThat(back.features()).isEqualTo(p.state.features());
    assertThat(back).isEqualTo(p.state);
  }
}
