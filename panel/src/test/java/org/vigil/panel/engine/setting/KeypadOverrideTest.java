package org.vigil.panel.engine.setting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.intruder.ShopPanel;

/** EN 50131-1 Table 5 override from the keypad: code + # + 62, by that user, for one set period. */
class KeypadOverrideTest {

  static ShopPanel keys(ShopPanel p, String keys) {
    for (char c : keys.toCharArray()) p.in(new Input.KeyPressed("kp-shop", String.valueOf(c)));
    return p;
  }

  static String lastDisplay(ShopPanel p) {
    var d = p.displays();
    return d.isEmpty() ? null : d.get(d.size() - 1);
  }

  @Test
  void table5_codeHash62_overridesAsThatUser_thenTheAreaSets() {
    ShopPanel p = ShopPanel.grade(2);
    p.in(new Input.FaultRaised("pir-stock"), new Input.RemoteCommand("shop", Input.RemoteAction.SET, ShopPanel.OWNER));
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
    p.clear();
    keys(p, "5678#62");
    assertThat(p.logs()).anyMatch(l -> l.message().contains("user 2 (access level 2) overrode for one set period: Stock room PIR fault") && l.rule().contains("Table 5"));
    assertThat(lastDisplay(p)).startsWith("Overridden: Stock room PIR fault");
    p.set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
  }

  @Test
  void table5_keypadOverrideOfWhatLevel2MayNotOverride_isRefusedWithTheReason() {
    ShopPanel p = ShopPanel.grade(3);
    p.in(new Input.PathChanged("ip", false));
    keys(p, "1234#62");
    assertThat(lastDisplay(p)).contains("not overridden").contains("needs access level 3 at grade 3");
    assertThat(p.logs()).anyMatch(l -> l.message().contains("by user 1 (access level 2) refused") && l.rule().contains("Table 5"));
  }

  @Test
  void table5_nothingToOverride_isShown() {
    ShopPanel p = ShopPanel.grade(2);
    keys(p, "1234#62");
    assertThat(lastDisplay(p)).isEqualTo("Nothing to override");
  }

  @Test
  void installerAccess_anInstallerOverrideFromTheKeypadNeedsTheWindow() {
    SiteConfig base = ShopPanel.site(3, null);
    CodePolicy c = base.codes();
    ShopPanel p = new ShopPanel(base.withCodes(new CodePolicy(c.length(), c.minDiffers(), c.duressNeighbours(), c.lockoutAttempts(), c.lockoutTime(), c.lockoutSignal(), c.quickArm(), Duration.ofHours(4))));
    p.in(new Input.PathChanged("ip", false));
    keys(p, "9090#62");
    assertThat(lastDisplay(p)).isEqualTo("Installer access not authorised by a master or manager");
    assertThat(p.logs()).noneMatch(l -> l.message().contains("overrode"));
    keys(p, "1234#65");
    keys(p, "9090#62");
    assertThat(p.logs()).anyMatch(l -> l.message().contains("user 9 (access level 3) overrode"));
  }

  @Test
  void keypad_anUnknownFunction_namesTheFunctions() {
    ShopPanel p = ShopPanel.grade(2);
    keys(p, "1234#63");
    assertThat(lastDisplay(p)).isEqualTo("Unknown function 63");
    assertThat(p.logs()).anyMatch(l -> l.rule().contains("61 anti-code, 62 override"));
  }
}
