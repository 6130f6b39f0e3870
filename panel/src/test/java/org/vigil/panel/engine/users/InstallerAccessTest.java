package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;

/**
 * EN 50131-1: access level 3 (the installer) needs level 2 authorisation, time-limited
 * (standards.md 1.2), at the keypad (KeypadAuthorityTest), at a card reader and by API.
 */
class InstallerAccessTest {
  static final Instant MONDAY_10 = Instant.parse("2026-01-05T10:00:00Z");
  /** office-warehouse.yaml: the installer (user 1) holds CARD-0001. */
  static final SiteConfig SITE = Sites.load("office-warehouse.yaml");

  static KeypadDriver panel() {
    return new KeypadDriver(SITE, MONDAY_10);
  }

  static boolean doorReleased(KeypadDriver p) {
    return p.last(Effect.OutputChanged.class).stream().anyMatch(o -> o.output().equals("door-lock") && o.on());
  }

  @Test
  void installerCardAtAReader_isRefusedWithoutAuthorisation_andLogged() {
    KeypadDriver p = panel().card("rd-door", "CARD-0001", "4140");
    assertThat(doorReleased(p)).isFalse();
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> {
      assertThat(l.message()).contains("user 1 refused at reader rd-door: Installer access not authorised");
      assertThat(l.rule()).contains("level 3 access needs level 2 authorisation");
    });
  }

  @Test
  void installerCardAtAReader_worksWhileAuthorisedByApi_untilTheWindowEnds() {
    KeypadDriver p = panel();
    p.input(new Input.AuthoriseInstaller("api", 2, true, Duration.ofHours(1)));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> {
      assertThat(l.message()).isEqualTo("installer access authorised by user 2 for 1h (api)");
      assertThat(l.rule()).contains("level 3 access needs level 2 authorisation");
    });
    p.card("rd-door", "CARD-0001", "4140");
    assertThat(doorReleased(p)).isTrue();
    p.after(Duration.ofHours(1)).card("rd-door", "CARD-0001", "4140");
    assertThat(doorReleased(p)).isFalse();
  }

  @Test
  void installerAuthorisationFromTheKeypad_alsoOpensTheReader() {
    KeypadDriver p = panel().keys("kp-office", "2222#65").card("rd-door", "CARD-0001", "4140");
    assertThat(doorReleased(p)).isTrue();
  }

  @Test
  void api_onlyAMasterOrManagerMayAuthorise() {
    KeypadDriver p = panel();
    p.input(new Input.AuthoriseInstaller("api", 4, true));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> {
      assertThat(l.message()).contains("refused (api): Only a master or manager may authorise installer access");
      assertThat(l.rule()).contains("level 3 access needs level 2 authorisation");
    });
    p.input(new Input.AuthoriseInstaller("api", 1, true));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("Only a master or manager"));
    assertThat(InstallerAccessTestSupport.window(p)).isNull();
  }

  @Test
  void api_atMostTheSitesEngineerAccessWindow_andUnknownUsersRefused() {
    KeypadDriver p = panel();
    p.input(new Input.AuthoriseInstaller("api", 2, true, Duration.ofHours(5)));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("At most 4h (codes.engineer_access)"));
    p.input(new Input.AuthoriseInstaller("api", 2, true, Duration.ofMinutes(-5)));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("Give a positive duration"));
    p.input(new Input.AuthoriseInstaller("api", 77, true));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("Unknown user"));
    p.input(new Input.AuthoriseInstaller(null, 2, true));
    assertThat(InstallerAccessTestSupport.window(p)).isNotNull();
  }

  @Test
  void api_endingTheAuthorisation_closesItAtOnce() {
    KeypadDriver p = panel();
    p.input(new Input.AuthoriseInstaller("api", 2, true));
    p.input(new Input.AuthoriseInstaller("api", 4, false));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).isEqualTo("installer access ended by user 4 (api)"));
    p.keys("kp-office", "4140{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Installer access not authorised by a master or manager");
  }

  @Test
  void userManagementByTheInstallerViaApi_needsAuthorisation() {
    KeypadDriver p = panel();
    Input add = new Input.ManageUser("api", 1, "office", Input.UserAction.ADD, 40, "new", Map.of("office", 3), new Input.Code("4040"), false);
    p.input(add);
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> {
      assertThat(l.message()).isEqualTo("user management by user 1 refused: Installer access not authorised by a master or manager");
      assertThat(l.rule()).contains("level 3 access needs level 2 authorisation");
    });
    p.input(new Input.AuthoriseInstaller("api", 3, true));
    p.input(add);
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).isEqualTo("user 040 added in office by user 001 (open/close reporting off)"));
  }

  @Test
  void isolationByTheInstallerViaApi_needsAuthorisation() {
    KeypadDriver p = panel();
    p.input(new Input.OmitZone("pir-office", Input.OmitAction.ISOLATE, 1));
    assertThat(p.state.zone("pir-office").isolated()).isFalse();
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.rule()).contains("level 3 access needs level 2 authorisation"));
    p.input(new Input.AuthoriseInstaller("api", 2, true));
    p.input(new Input.OmitZone("pir-office", Input.OmitAction.ISOLATE, 1));
    assertThat(p.state.zone("pir-office").isolated()).isTrue();
  }

  @Test
  void engineerAccessZero_turnsTheRequirementOff() {
    SiteConfig off = SITE.withCodes(new org.vigil.panel.config.CodePolicy(4, SITE.codes().minDiffers(), 1, 3, Duration.ofSeconds(90), true, true, Duration.ZERO));
    KeypadDriver p = new KeypadDriver(off, MONDAY_10).card("rd-door", "CARD-0001", "4140");
    assertThat(doorReleased(p)).isTrue();
  }
}

/** Reads the installer window from the engine state. */
final class InstallerAccessTestSupport {
  private InstallerAccessTestSupport() {}

  static Instant window(KeypadDriver p) {
    Instant until = p.state.feature(org.vigil.panel.engine.keypad.KeypadFeature.Keypads.class, org.vigil.panel.engine.keypad.KeypadFeature.Keypads.EMPTY).engineerUntil();
    return until != null && p.now.isBefore(until) ? until : null;
  }
}
