package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;

/** Duress codes (seeds 000, 001; BS 8243 3.1.17, 4.5 f-g). */
class DuressTest {
  static final SiteConfig OFFICE = Sites.load("office-warehouse.yaml");
  static final Instant MONDAY_10 = Instant.parse("2026-01-05T10:00:00Z");

  static KeypadDriver armedOffice() {
    return new KeypadDriver(OFFICE, MONDAY_10).keys("kp-office", "1234{AWAY}").after(Duration.ofSeconds(31));
  }

  static List<Effect.Notification> duress(List<Effect> effects) {
    return effects.stream().filter(Effect.Notification.class::isInstance).map(Effect.Notification.class::cast).filter(n -> n.signal() == Signal.DURESS).toList();
  }

  @Test
  void duressReport_triggersOnThe5thKeyPress_notOnThe4th() {
    KeypadDriver p = armedOffice();
    for (String k : List.of("9", "8", "7", "6")) {
      p.input(new Input.KeyPressed("kp-office", k));
      assertThat(duress(p.last)).as("after key %s", k).isEmpty();
    }
    p.input(new Input.KeyPressed("kp-office", "OFF"));
    assertThat(duress(p.last)).singleElement().satisfies(n -> {
      assertThat(n.cid()).isEqualTo(121);
      assertThat(n.sia()).isEqualTo("HA");
      assertThat(n.user()).isEqualTo(2);
      assertThat(n.zone()).isNull();
      assertThat(n.partition()).isEqualTo(1);
    });
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> {
      assertThat(l.rule()).contains("5th key");
      assertThat(l.message()).contains("route: ARC and keyholders only");
      assertThat(l.userVisible()).isFalse();
    });
  }

  @Test
  void duressCode_disarmsExactlyAsTheNormalCode() {
    KeypadDriver p = armedOffice().keys("kp-office", "9876{OFF}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.lastDisplay()).isEqualTo("Office unset");
    assertThat(p.last(Effect.Notification.class)).anySatisfy(n -> {
      assertThat(n.signal()).isEqualTo(Signal.OPEN);
      assertThat(n.user()).isEqualTo(2);
    });
  }

  @Test
  void duressCode_armsExactlyAsTheNormalCode() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10).keys("kp-office", "9876{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(duress(p.last)).hasSize(1);
  }

  @Test
  void noDuressReport_whenThe5thKeyIsStar() {
    KeypadDriver p = armedOffice().keys("kp-office", "9876*");
    assertThat(duress(p.effects)).isEmpty();
    assertThat(p.state.output("blue-strobe")).isFalse();
    assertThat(p.lastDisplay()).startsWith("User 002");
  }

  @Test
  void noDuressReport_forCodePlusHashFunction() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10).keys("kp-office", "9876#65");
    assertThat(duress(p.effects)).isEmpty();
  }

  @Test
  void duressSwitchesTheDiscreetOutput_untilTheArcRestores() {
    KeypadDriver p = armedOffice().keys("kp-office", "9876{OFF}");
    assertThat(p.state.output("blue-strobe")).isTrue();
    assertThat(p.last(Effect.OutputChanged.class)).anySatisfy(o -> assertThat(o.output()).isEqualTo("blue-strobe"));
    p.input(new Input.RemoteCommand("office", Input.RemoteAction.RESTORE, 0));
    assertThat(p.state.output("blue-strobe")).isFalse();
  }

  @Test
  void duressLeavesNoTraceOnDisplaysTonesOrTheUserLog() {
    KeypadDriver p = armedOffice().keys("kp-office", "9876{OFF}");
    for (Effect e : p.effects) {
      switch (e) {
        case Effect.KeypadDisplay d -> assertThat(d.text()).doesNotContainIgnoringCase("duress");
        case Effect.LogEntry l when l.userVisible() -> assertThat(l.message() + l.rule()).doesNotContainIgnoringCase("duress");
        default -> {}
      }
    }
  }

  @Test
  void level6DuressUser_reportsZone992WhereTheAreaIsConfiguredSo_andRouteIsPolice() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10).keys("kp-warehouse", "6666{AWAY}");
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(duress(p.last)).singleElement().satisfies(n -> {
      assertThat(n.zone()).isEqualTo(992);
      assertThat(n.partition()).isEqualTo(2);
    });
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.message()).contains("Warehouse (route: police)"));
  }

  @Test
  void level6DuressUser_atAKeypadOfTwoAreas_armsBoth_andRaisesADuressInEach() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10);
    List<Input> seen = new java.util.ArrayList<>();
    var engine = new org.vigil.panel.engine.PanelEngine(OFFICE, java.util.stream.Stream.concat(
        org.vigil.panel.engine.PanelEngine.defaultFeatures().stream(), java.util.stream.Stream.of((in, step) -> seen.add(in))).toList());
    var s = engine.initial(MONDAY_10);
    for (String k : KeypadDriver.presses("6666{AWAY}")) s = engine.step(s, new Input.KeyPressed("kp-lobby", k), MONDAY_10).state();
    assertThat(s.area("office").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(s.area("warehouse").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(seen).contains(new Input.HoldUpCondition("office", 7, null, "keypad kp-lobby"), new Input.HoldUpCondition("warehouse", 7, 992, "keypad kp-lobby"));
  }

  @Test
  void longerCodes_reportOnTheCommandKeyAfterTheCode() throws Exception {
    String yaml = Files.readString(Sites.EXAMPLES.resolve("office-warehouse.yaml")).replace("length: 4", "length: 6")
        .replace("\"4140\"", "\"414000\"").replace("\"1234\"", "\"123400\"").replace("\"9876\"", "\"987600\"")
        .replace("\"2222\"", "\"222200\"").replace("\"3333\"", "\"333300\"").replace("\"3839\"", "\"383900\"")
        .replace("\"4444\"", "\"444400\"").replace("\"5555\"", "\"555500\"").replace("\"6666\"", "\"666600\"")
        .replace("\"8888\"", "\"888800\"").replace("\"7777\"", "\"777700\"").replace("\"7700\"", "\"770000\"");
    SiteConfig six = new SiteLoader(1).parse(yaml, null).orThrow();
    KeypadDriver p = new KeypadDriver(six, MONDAY_10);
    for (String k : List.of("9", "8", "7", "6", "0", "0")) {
      p.input(new Input.KeyPressed("kp-office", k));
      assertThat(duress(p.last)).isEmpty();
    }
    p.input(new Input.KeyPressed("kp-office", "AWAY"));
    assertThat(duress(p.last)).hasSize(1);
  }

  @Test
  void cardPlusDuressPin_unlocksTheDoorAndUnsets_plusTheDuressSignal() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10).keys("kp-warehouse", "7777{AWAY}").after(Duration.ofSeconds(31));
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.SET);
    p.card("rd-door", "CARD-0009", "7700");
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.state.output("door-lock")).isTrue();
    assertThat(duress(p.last)).singleElement().satisfies(n -> assertThat(n.zone()).isEqualTo(992));
  }

  @Test
  void cardPlusNormalPin_sendsNoDuress_andAWrongPinIsRefused() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10).keys("kp-warehouse", "7777{AWAY}").after(Duration.ofSeconds(31));
    p.card("rd-door", "CARD-0009", "1111");
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.SET);
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.message()).contains("card not accepted"));
    p.card("rd-door", "CARD-0009", null);
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.message()).contains("card without PIN"));
    p.card("rd-door", "CARD-0009", "7777");
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(duress(p.effects)).isEmpty();
  }

  @Test
  void underBs8243_duressIsOffUnlessEngineerEnabled() throws Exception {
    String yaml = Files.readString(Sites.EXAMPLES.resolve("office-warehouse.yaml")).replace("profile: en50131", "profile: bs8243")
        .replaceFirst("engineer_enabled: true", "engineer_enabled: false");
    SiteConfig bs = new SiteLoader(1).parse(yaml, null).orThrow();
    KeypadDriver p = new KeypadDriver(bs, MONDAY_10).keys("kp-office", "9876{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(duress(p.effects)).isEmpty();
    assertThat(p.state.output("blue-strobe")).isFalse();
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> {
      assertThat(l.rule()).contains("BS8243 4.5(g)");
      assertThat(l.userVisible()).isFalse();
    });
  }

  @Test
  void duressTravelsTheHoldUpPath_asAHoldUpConditionWithoutADevice() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10);
    List<Input> seen = new java.util.ArrayList<>();
    var engine = new org.vigil.panel.engine.PanelEngine(OFFICE, java.util.stream.Stream.concat(
        org.vigil.panel.engine.PanelEngine.defaultFeatures().stream(), java.util.stream.Stream.of((in, step) -> seen.add(in))).toList());
    var s = engine.initial(MONDAY_10);
    for (String k : KeypadDriver.presses("9876{AWAY}")) s = engine.step(s, new Input.KeyPressed("kp-office", k), MONDAY_10).state();
    assertThat(seen).contains(new Input.HoldUpCondition("office", 2, null, "keypad kp-office"));
  }
}
