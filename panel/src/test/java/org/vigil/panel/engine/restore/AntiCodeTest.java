package org.vigil.panel.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.intruder.ShopPanel;

/** BS 8473 remote reset by anti-code after a confirmed alarm (BS 8243 A.3). */
class AntiCodeTest {
  static final String SECRET = "shop-arc-shared-secret-2026";
  static final String RESTORE = "restore:\n  anti_code_secret: \"" + SECRET + "\"\n  anti_code_attempts: 3\n";

  static ShopPanel confirmedAndUnset() {
    ShopPanel p = new ShopPanel(ShopPanel.site(2, RESTORE));
    RestoreTable6Test.occurAndClear(p, Table6.CONFIRMED_INTRUDER_ALARM);
    p.unset();
    return p;
  }

  static String challenge(ShopPanel p) {
    String last = null;
    Matcher m = Pattern.compile("quote (\\d{5}) to the ARC").matcher(String.join("\n", p.displays()));
    while (m.find()) last = m.group(1);
    return last;
  }

  @Test
  void bs8473_challengeShownAtUnset_responseFromTheArcRestores() {
    ShopPanel p = confirmedAndUnset();
    String c = challenge(p);
    assertThat(c).as("challenge on the display after a confirmed alarm").isNotNull();
    p.in(new Input.Restore("shop", ShopPanel.OWNER));
    assertThat(challenge(p)).as("the same challenge until it is answered").isEqualTo(c);
    p.in(new Input.AntiCodeResponse("shop", AntiCode.response(SECRET, c)));
    assertThat(RestoreTable6Test.remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).isFalse();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("restored by the ARC (remote reset by anti-code)") && l.rule().contains("BS8473"));
    p.set();
    assertThat(p.status()).isEqualTo(org.vigil.panel.engine.AreaStatus.SET);
  }

  @Test
  void bs8473_wrongResponsesAreRefused_andAfterThreeTheChallengeIsReplaced() {
    ShopPanel p = confirmedAndUnset();
    String first = challenge(p);
    String good = AntiCode.response(SECRET, first);
    String wrong = good.equals("000000") ? "000001" : "000000";
    p.in(new Input.AntiCodeResponse("shop", wrong), new Input.AntiCodeResponse("shop", "12a456"), new Input.AntiCodeResponse("shop", ""));
    assertThat(RestoreTable6Test.remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).isTrue();
    assertThat(p.logs()).anyMatch(l -> l.message().contains("wrong response"));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("not 6 digits"));
    String second = challenge(p);
    assertThat(second).isNotNull().isNotEqualTo(first);
    p.in(new Input.AntiCodeResponse("shop", good));
    assertThat(RestoreTable6Test.remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).as("an old response does not answer a new challenge").isTrue();
    p.in(new Input.AntiCodeResponse("shop", AntiCode.response(SECRET, second)));
    assertThat(RestoreTable6Test.remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).isFalse();
  }

  @Test
  void bs8473_withoutASecretTheAntiCodeIsRefusedWithAReason() {
    ShopPanel p = ShopPanel.grade(2);
    RestoreTable6Test.occurAndClear(p, Table6.CONFIRMED_INTRUDER_ALARM);
    p.unset();
    assertThat(challenge(p)).isNull();
    p.in(new Input.AntiCodeResponse("shop", "123456"));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("no anti-code secret configured"));
    assertThat(RestoreTable6Test.remembered(p, Table6.CONFIRMED_INTRUDER_ALARM)).isTrue();
  }

  @Test
  void bs8473_responseWithNoChallengeOutstandingIsRefused() {
    ShopPanel p = new ShopPanel(ShopPanel.site(2, RESTORE));
    p.in(new Input.AntiCodeResponse("shop", "123456"), new Input.AntiCodeResponse("nowhere", "123456"));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("no remote reset challenge outstanding"));
    assertThat(p.logs()).anyMatch(l -> l.message().contains("unknown area 'nowhere'"));
  }

  @Test
  void antiCode_isDeterministicAndDependsOnSecretAndCounter() {
    assertThat(AntiCode.challenge(SECRET, "Shop", "shop", 1)).hasSize(5).isEqualTo(AntiCode.challenge(SECRET, "Shop", "shop", 1));
    assertThat(AntiCode.challenge(SECRET, "Shop", "shop", 2)).isNotEqualTo(AntiCode.challenge(SECRET, "Shop", "shop", 1));
    assertThat(AntiCode.response(SECRET, "12345")).hasSize(6).matches("\\d{6}");
    assertThat(AntiCode.response(SECRET + "x", "12345")).isNotEqualTo(AntiCode.response(SECRET, "12345"));
    assertThat(AntiCode.matches(SECRET, "12345", " " + AntiCode.response(SECRET, "12345") + " ")).isTrue();
    assertThat(AntiCode.matches(SECRET, "12345", null)).isFalse();
  }

  @Test
  void config_theSecretIsNeverPrintedAndAShortOneIsRefused() {
    var site = ShopPanel.site(2, RESTORE);
    assertThat(site.restore().toString()).doesNotContain(SECRET).contains("hidden");
    assertThat(site.toString()).doesNotContain(SECRET);
    assertThat(new Input.AntiCodeResponse("shop", "654321").toString()).doesNotContain("654321");
    String shortSecret = "site: {name: S, grade: 2, profile: bs8243}\nareas: [{id: a, number: 1, setting: {completion: final_door}, unsetting: {method: \"6.4.5\"}}]\nrestore: {anti_code_secret: tooshort}\n";
    var parsed = new SiteLoader(1).parse(shortSecret, null);
    assertThat(parsed.toString()).contains("anti_code_secret").contains("at least 16").doesNotContain("tooshort\"");
  }
}
