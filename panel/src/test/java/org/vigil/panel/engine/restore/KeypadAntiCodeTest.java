package org.vigil.panel.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.intruder.ShopPanel;
import org.vigil.panel.engine.keypad.KeypadFeature;

/** BS 8473 anti-code typed at the keypad: code + # + 61 + the 6 digits the ARC gave (docs/users.md). */
class KeypadAntiCodeTest {

  static ShopPanel keys(ShopPanel p, String keys) {
    for (char c : keys.toCharArray()) p.in(new Input.KeyPressed("kp-shop", String.valueOf(c)));
    return p;
  }

  static String lastDisplay(ShopPanel p) {
    var d = p.displays();
    return d.isEmpty() ? null : d.get(d.size() - 1);
  }

  @Test
  void bs8473_codeHash61AndTheResponse_restoresAfterAConfirmedAlarm() {
    ShopPanel p = AntiCodeTest.confirmedAndUnset();
    String response = AntiCode.response(AntiCodeTest.SECRET, AntiCodeTest.challenge(p));
    keys(p, "5678#61");
    assertThat(lastDisplay(p)).isEqualTo("Anti-code for " + p.site.area("shop").orElseThrow().name() + ": enter 6 digits");
    keys(p, response);
    assertThat(RestoreTable6Test.remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).isFalse();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("restored by the ARC (remote reset by anti-code)") && l.rule().contains("BS8473"));
    p.set();
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
  }

  @Test
  void bs8473_theResponseDigitsAreNeverShownLoggedOrKeptVisibly() {
    ShopPanel p = AntiCodeTest.confirmedAndUnset();
    String response = AntiCode.response(AntiCodeTest.SECRET, AntiCodeTest.challenge(p));
    p.clear();
    keys(p, "5678#61" + response.substring(0, 5));
    var pending = p.state.feature(KeypadFeature.Keypads.class, KeypadFeature.Keypads.EMPTY).entry("kp-shop").pending();
    assertThat(pending).isInstanceOf(KeypadFeature.AwaitAntiCode.class);
    assertThat(pending.toString()).doesNotContain(response.substring(0, 5)).contains("hidden");
    keys(p, response.substring(5));
    assertThat(p.effects).noneSatisfy(t -> assertThat(t.effect().toString()).contains(response));
    assertThat(p.effects).noneSatisfy(t -> assertThat(t.effect().toString()).contains("5678"));
  }

  @Test
  void bs8473_aWrongResponseAtTheKeypad_isRefusedAndCounted() {
    ShopPanel p = AntiCodeTest.confirmedAndUnset();
    String good = AntiCode.response(AntiCodeTest.SECRET, AntiCodeTest.challenge(p));
    String wrong = good.equals("000000") ? "000001" : "000000";
    keys(p, "1234#61" + wrong);
    assertThat(lastDisplay(p)).isEqualTo("Wrong anti-code");
    assertThat(RestoreTable6Test.remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).isTrue();
    assertThat(p.state.feature(RestoreFeature.State.class, RestoreFeature.State.EMPTY).area("shop").wrong()).isEqualTo(1);
  }

  @Test
  void keypad_aCommandKeyBeforeSixDigits_cancelsTheAntiCode() {
    ShopPanel p = AntiCodeTest.confirmedAndUnset();
    keys(p, "1234#61123");
    p.in(new Input.KeyPressed("kp-shop", "ESC"));
    assertThat(lastDisplay(p)).isEqualTo("Cancelled");
    assertThat(p.state.feature(RestoreFeature.State.class, RestoreFeature.State.EMPTY).area("shop").wrong()).isZero();
    assertThat(p.state.feature(KeypadFeature.Keypads.class, KeypadFeature.Keypads.EMPTY).entry("kp-shop").pending()).isNull();
  }

  @Test
  void bs8473_noChallengeOutstanding_theKeypadSaysSo() {
    ShopPanel p = new ShopPanel(ShopPanel.site(2, AntiCodeTest.RESTORE));
    keys(p, "1234#61123456");
    assertThat(lastDisplay(p)).isEqualTo("No remote reset pending");
  }

  @Test
  void keypad_aWrongCodeBeforeHash61_isAWrongCode() {
    ShopPanel p = AntiCodeTest.confirmedAndUnset();
    keys(p, "4321#");
    assertThat(lastDisplay(p)).isEqualTo("Code not accepted");
    keys(p, "61");
    assertThat(p.state.feature(KeypadFeature.Keypads.class, KeypadFeature.Keypads.EMPTY).entry("kp-shop").pending()).isNull();
  }

  @Test
  void installerAccess_anInstallerCodeNeedsTheAuthorisationWindow() {
    SiteConfig base = ShopPanel.site(2, AntiCodeTest.RESTORE);
    CodePolicy c = base.codes();
    SiteConfig site = base.withCodes(new CodePolicy(c.length(), c.minDiffers(), c.duressNeighbours(), c.lockoutAttempts(), c.lockoutTime(), c.lockoutSignal(), c.quickArm(), Duration.ofHours(4)));
    ShopPanel p = new ShopPanel(site);
    keys(p, "9090#61");
    assertThat(lastDisplay(p)).isEqualTo("Installer access not authorised by a master or manager");
    assertThat(p.logs()).anyMatch(l -> l.message().startsWith("refused at keypad kp-shop") && l.rule().contains("level 3 access needs level 2 authorisation"));
    assertThat(p.state.feature(KeypadFeature.Keypads.class, KeypadFeature.Keypads.EMPTY).entry("kp-shop").pending()).isNull();
    keys(p, "1234#65");
    keys(p, "9090#61");
    assertThat(lastDisplay(p)).startsWith("Anti-code for");
    assertThat(p.effects.stream().map(ShopPanel.Timed::effect).filter(e -> e instanceof Effect.KeypadDisplay)).isNotEmpty();
  }
}
