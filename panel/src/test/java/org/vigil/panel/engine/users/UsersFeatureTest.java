package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;

/** User management reaches the running panel: added codes work, deleted codes stop, refusals show. */
class UsersFeatureTest {
  static final SiteConfig OFFICE = Sites.load("office-warehouse.yaml");
  static final Instant MONDAY_10 = Instant.parse("2026-01-05T10:00:00Z");

  static Input add(int actor, String area, int user, Map<String, Integer> authority, String code) {
    return new Input.ManageUser("keypad kp-office", actor, area, Input.UserAction.ADD, user, "new", authority, new Input.Code(code), null);
  }

  @Test
  void aUserAddedByTheMaster_canArmAtOnce() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10);
    p.input(add(2, "office", 30, Map.of("office", 4), "3030"));
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> {
      assertThat(l.message()).isEqualTo("user 030 added in office by user 002 (open/close reporting on)").doesNotContain("3030");
      assertThat(l.rule()).contains("LOWER authority level");
    });
    p.keys("kp-office", "3030{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(p.state.toString()).doesNotContain("3030");
  }

  @Test
  void anOperatorCannotAddUsers_theKeypadSaysWhy() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10);
    p.input(add(4, "office", 30, Map.of("office", 5), "3030"));
    assertThat(p.lastDisplay()).isEqualTo("Your code may not add users");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.rule()).contains("only levels 0, 1 and 2"));
    p.keys("kp-office", "3030{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
  }

  @Test
  void aDeletedUsersCodeStopsWorking_andAChangedCodeReplacesTheOld() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10);
    p.input(new Input.ManageUser("api", 3, "office", Input.UserAction.DELETE, 5, null, null, null, null));
    p.keys("kp-office", "4444{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
    p.input(new Input.ManageUser("api", 2, "office", Input.UserAction.CHANGE_CODE, 4, null, null, new Input.Code("3434"), null));
    p.keys("kp-office", "3333{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
    p.keys("kp-office", "3434{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void managementInputsNeverPrintTheCode() {
    assertThat(add(2, "office", 30, Map.of("office", 4), "3030").toString()).doesNotContain("3030").contains("Code[hidden]");
  }

  @Test
  void unknownArea_isIgnoredWithALogLine() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10);
    p.input(add(2, "nowhere", 30, Map.of("office", 4), "3030"));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("unknown area 'nowhere'"));
  }

  @Test
  void badManageUserInput_isLoggedAsARefusal_neverAStackTrace() {
    KeypadDriver p = new KeypadDriver(OFFICE, MONDAY_10);
    p.input(new Input.ManageUser("keypad kp-office", 2, "office", null, 30, null, null, null, null));
    assertThat(p.lastDisplay()).startsWith("No action given");
    p.input(new Input.ManageUser("api", 2, null, Input.UserAction.DELETE, 5, null, null, null, null));
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.rule()).isEqualTo("config: undefined id"));
    p.input(new Input.ManageUser("keypad kp-office", 2, "office", Input.UserAction.ADD, 30, null, Map.of("office", 4), null, null));
    assertThat(p.lastDisplay()).isEqualTo("A code is 4 to 8 digits");
    p.input(new Input.ManageUser("keypad kp-office", 2, "office", Input.UserAction.SET_OPEN_CLOSE, 5, null, null, null, null));
    assertThat(p.lastDisplay()).isEqualTo("Give open/close reporting on or off");
    p.input(new Input.ManageUser("keypad nowhere", 2, "office", Input.UserAction.SET_AUTHORITY, 5, null, Map.of("office", 5), null, null));
    assertThat(p.last(Effect.KeypadDisplay.class)).as("no display for a keypad the site does not have").isEmpty();
    assertThat(p.state.feature(UsersFeature.Directory.class, null).users().stream().filter(u -> u.number() == 5).findFirst().orElseThrow().levelIn("office")).isEqualTo(5);
  }
}
