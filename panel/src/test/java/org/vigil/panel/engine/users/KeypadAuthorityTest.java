package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;

/** Seed 001 authority rules, driven key by key at the keypads of examples/office-warehouse.yaml. */
class KeypadAuthorityTest {
  static final SiteConfig OFFICE = Sites.load("office-warehouse.yaml");
  /** A Monday 10:00 UTC, inside the users' validity windows except the cleaner's schedule. */
  static final Instant MONDAY_10 = Instant.parse("2026-01-05T10:00:00Z");

  static KeypadDriver panel() {
    return new KeypadDriver(OFFICE, MONDAY_10);
  }

  /** Arms the office with {@code code} and lets the 30 s timed exit run out. */
  static KeypadDriver armed(String code) {
    KeypadDriver p = panel().keys("kp-office", code + "{AWAY}").after(Duration.ofSeconds(31));
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SET);
    return p;
  }

  @Test
  void masterAndLowerCodesAreInterchangeable_armedByOperatorB_disarmedByOperatorA() {
    KeypadDriver p = armed("4444").keys("kp-office", "3333{OFF}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.state.area("office").user()).isEqualTo(4);
  }

  @Test
  void operatorC_mayNotDisarmWhatAnotherCodeArmed() {
    KeypadDriver p = armed("2222").keys("kp-office", "5555{OFF}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SET);
    assertThat(p.lastDisplay()).isEqualTo("Code may disarm only if it armed");
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.rule()).contains("Vista: operator C"));
  }

  @Test
  void operatorC_mayDisarmWhatItArmedItself() {
    KeypadDriver p = armed("5555").keys("kp-office", "5555{OFF}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
  }

  @Test
  void installerCode_needsLevel2Authorisation() {
    KeypadDriver p = panel().keys("kp-office", "4140{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.lastDisplay()).isEqualTo("Installer access not authorised by a master or manager");
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.rule()).contains("level 3 access needs level 2 authorisation"));

    p.keys("kp-office", "1234#65");
    assertThat(p.lastDisplay()).isEqualTo("Installer access authorised for 4h");
    p.keys("kp-office", "4140{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void installerAuthorisation_isTimeLimited() {
    KeypadDriver p = panel().keys("kp-office", "1234#65").after(Duration.ofHours(4)).keys("kp-office", "4140{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.lastDisplay()).contains("not authorised");
  }

  @Test
  void operatorCannotAuthoriseInstallerAccess() {
    KeypadDriver p = panel().keys("kp-office", "3333#65");
    assertThat(p.lastDisplay()).isEqualTo("Only a master or manager may authorise installer access");
  }

  @Test
  void installerCode_cannotDisarmASystemArmedByAnotherCode() {
    KeypadDriver p = armed("2222").keys("kp-office", "1234#65").keys("kp-office", "4140{OFF}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SET);
    assertThat(p.lastDisplay()).isEqualTo("Installer code cannot disarm (armed by another code)");
  }

  @Test
  void installerCode_cannotDisarmAQuickArmedSystem_andQuickArmReportsUser000() {
    KeypadDriver p = panel().keys("kp-office", "#{AWAY}").after(Duration.ofSeconds(31));
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SET);
    assertThat(p.state.area("office").user()).isEqualTo(Authority.QUICK_ARM_USER);
    assertThat(p.all(Effect.Notification.class)).anySatisfy(n -> {
      assertThat(n.signal()).isEqualTo(Signal.CLOSE);
      assertThat(n.user()).isEqualTo(0);
    });
    p.keys("kp-office", "1234#65").keys("kp-office", "4140{OFF}");
    assertThat(p.lastDisplay()).isEqualTo("Installer code cannot disarm (armed by quick arm)");
    p.keys("kp-office", "1234{OFF}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
  }

  @Test
  void quickArm_isRefusedWhenNotEnabled() {
    SiteConfig noQuick = Sites.load("office-warehouse.yaml");
    noQuick = noQuick.withCodes(new org.vigil.panel.config.CodePolicy(4, noQuick.codes().minDiffers(), 1, 3, Duration.ofSeconds(90), true, false, Duration.ofHours(4)));
    KeypadDriver p = new KeypadDriver(noQuick, MONDAY_10).keys("kp-office", "#{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.lastDisplay()).isEqualTo("Quick arm is not enabled");
  }

  @Test
  void operatorA_mayBypass_operatorB_mayNot() {
    KeypadDriver p = panel().keys("kp-office", "4444{BYPASS}");
    assertThat(p.lastDisplay()).isEqualTo("Code may not bypass");
    assertThat(p.state.zone("pir-cash").inhibited()).isFalse();

    p.keys("kp-office", "3333{BYPASS}003");
    assertThat(p.state.zone("pir-cash").inhibited()).isTrue();
    assertThat(p.lastDisplay()).isEqualTo("Bypassed 003 Cash room PIR");
    assertThat(p.last(Effect.Notification.class)).singleElement().satisfies(n -> {
      assertThat(n.cid()).isEqualTo(570);
      assertThat(n.zone()).isEqualTo(3);
      assertThat(n.user()).isEqualTo(4);
    });
  }

  @Test
  void bypassOfAZoneNotAtThisKeypad_isRefused() {
    KeypadDriver p = panel().keys("kp-office", "3333{BYPASS}011");
    assertThat(p.lastDisplay()).isEqualTo("No zone 011 at this keypad");
  }

  @Test
  void userWithoutAuthorityInTheKeypadsAreas_isRefusedWithAReason() {
    KeypadDriver p = panel().keys("kp-warehouse", "3333{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("No access to this keypad's areas");
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.UNSET);
  }

  @Test
  void lobbyKeypad_actsOnEveryAreaTheUserHasAccessTo() {
    KeypadDriver p = panel().keys("kp-lobby", "2222{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.SETTING);
    p = panel().keys("kp-lobby", "3333{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.UNSET);
  }

  @Test
  void codePlusStar_showsCapabilities_withoutNamingDuress() {
    KeypadDriver p = panel().keys("kp-office", "6666*");
    assertThat(p.lastDisplay()).isEqualTo("User 007 Office: arm, disarm").doesNotContainIgnoringCase("duress");
    p.keys("kp-office", "4444*");
    assertThat(p.lastDisplay()).isEqualTo("User 005 Office: arm, disarm");
  }

  @Test
  void staySetsPartSetB() {
    KeypadDriver p = panel().keys("kp-office", "2222{STAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.PART_SET);
    assertThat(p.state.area("office").partSet()).isEqualTo("B");
  }

  @Test
  void unknownKeypadAndUnknownKey_areIgnoredWithALogLine() {
    KeypadDriver p = panel();
    p.input(new Input.KeyPressed("kp-nowhere", "1"));
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.message()).contains("unknown keypad"));
    assertThat(p.last(Effect.KeypadDisplay.class)).isEmpty();
    p.keys("kp-office", "12{FOO}");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("unknown key 'FOO'"));
    p.input(new Input.KeyPressed("kp-office", null));
    assertThat(p.last).isEmpty();
  }

  @Test
  void cardAtAReader_followsTheSameDisarmRules() throws Exception {
    String yaml = java.nio.file.Files.readString(Sites.EXAMPLES.resolve("office-warehouse.yaml")).replace("authority: {warehouse: 3}", "authority: {warehouse: 5}");
    SiteConfig s = new org.vigil.panel.config.SiteLoader(1).parse(yaml, null).orThrow();
    KeypadDriver p = new KeypadDriver(s, MONDAY_10).keys("kp-warehouse", "2222{AWAY}").after(Duration.ofSeconds(31));
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.SET);
    p.card("rd-door", "CARD-0009", "7777");
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.SET);
    assertThat(p.state.output("door-lock")).isFalse();
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.rule()).contains("Vista: operator C"));
  }
}
