package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Tone;

/**
 * Seed 001 user management driven key by key (Vista: code + [8] + user number ...), on
 * examples/office-warehouse.yaml: 1 installer 4140, 2 master 1234 (duress 9876), 3 office manager
 * 2222 (warehouse operator B), 4 operator A 3333, 5 operator B 4444, 6 operator C 5555.
 */
class KeypadProgrammingTest {
  static final SiteConfig OFFICE = Sites.load("office-warehouse.yaml");
  static final Instant MONDAY_10 = Instant.parse("2026-01-05T10:00:00Z");

  static KeypadDriver panel() {
    return new KeypadDriver(OFFICE, MONDAY_10);
  }

  static User user(KeypadDriver p, int n) {
    UsersFeature.Directory d = p.state.feature(UsersFeature.Directory.class, null);
    return (d == null ? OFFICE.users() : d.users()).stream().filter(u -> u.number() == n).findFirst().orElse(null);
  }

  /** Every display and log line of the run: none may contain the digits of a code. */
  static void noCodeShown(KeypadDriver p, String... codes) {
    for (Effect e : p.effects) {
      String text = switch (e) {
        case Effect.KeypadDisplay d -> d.text();
        case Effect.LogEntry l -> l.message() + " " + l.rule();
        case Effect.Notification n -> n.toString();
        default -> "";
      };
      for (String c : codes) assertThat(text).as("effect %s", e).doesNotContain(c);
    }
    for (String c : codes) assertThat(p.state.toString()).doesNotContain(c);
  }

  @Test
  void masterAddsAUser_code8UserNewCode_theNewCodeWorksAtOnce() {
    KeypadDriver p = panel().keys("kp-office", "12348");
    assertThat(p.lastDisplay()).isEqualTo("Enter user number (3 digits)");
    p.keys("kp-office", "030");
    assertThat(p.lastDisplay()).isEqualTo("User 030: enter code, or # for options");
    p.keys("kp-office", "3030");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(p.last(Effect.KeypadTone.class)).extracting(Effect.KeypadTone::tone).containsExactly(Tone.ACCEPT);
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> {
      assertThat(l.message()).isEqualTo("user 030 added in office by user 002 (open/close reporting on)");
      assertThat(l.rule()).contains("Vista: only levels 0, 1 and 2 add users");
    });
    assertThat(user(p, 30).authority()).containsExactly(java.util.Map.entry("office", 3));
    p.keys("kp-office", "3030{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    noCodeShown(p, "3030", "1234");
  }

  @Test
  void masterChangesACode_theOldCodeStops() {
    KeypadDriver p = panel().keys("kp-office", "12348005" + "4545");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).isEqualTo("code of user 005 changed by user 002"));
    p.keys("kp-office", "4444{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
    p.keys("kp-office", "4545{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    noCodeShown(p, "4545", "1234");
  }

  @Test
  void masterDeletesAUser_withTheirOwnCodeAgain() {
    KeypadDriver p = panel().keys("kp-office", "12348005" + "1234");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).isEqualTo("user 005 deleted by user 002"));
    assertThat(user(p, 5)).isNull();
    p.keys("kp-office", "4444{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
  }

  @Test
  void operatorCannotProgram_refusedAtTheCodeKey_withTheRule() {
    KeypadDriver p = panel().keys("kp-office", "33338");
    assertThat(p.lastDisplay()).isEqualTo("Your code may not add or change users");
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.rule()).contains("Vista: operator codes cannot add or modify"));
    // The digits that follow are an ordinary (wrong) entry, not a programming sequence.
    p.keys("kp-office", "030" + "3030{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
    assertThat(user(p, 30)).isNull();
  }

  @Test
  void managerMayNotChangeAMastersCode_sameOrHigherAuthority() {
    KeypadDriver p = panel().keys("kp-office", "22228002" + "7171");
    assertThat(p.lastDisplay()).isEqualTo("Code of the same or higher authority");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.rule()).contains("SAME or HIGHER"));
    noCodeShown(p, "7171");
  }

  @Test
  void nobodyDeletesTheirOwnCode() {
    KeypadDriver p = panel().keys("kp-office", "22228003" + "2222");
    assertThat(p.lastDisplay()).isEqualTo("You cannot delete your own code");
    assertThat(user(p, 3)).isNotNull();
  }

  @Test
  void aCodeInUseIsRefused_withoutSayingWhoseItIs() {
    KeypadDriver p = panel().keys("kp-office", "12348030" + "5555");
    assertThat(p.lastDisplay()).isEqualTo("Code not available, choose another");
    assertThat(user(p, 30)).isNull();
  }

  @Test
  void userNumbersAre001To150() {
    KeypadDriver p = panel().keys("kp-office", "12348151");
    assertThat(p.lastDisplay()).isEqualTo("User numbers are 001-150");
    p.keys("kp-office", "12348000");
    assertThat(p.lastDisplay()).isEqualTo("User numbers are 001-150");
  }

  @Test
  void hash1SetsAuthority_onlyBelowTheActorsOwnLevel() {
    KeypadDriver p = panel().keys("kp-office", "12348005#15");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(user(p, 5).levelIn("office")).isEqualTo(5);
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).isEqualTo("authority of user 005 set by user 002: office level 5 (operator C)"));
    // A manager cannot make someone a manager (same level) nor touch the master.
    p.keys("kp-office", "22228005#12");
    assertThat(p.lastDisplay()).isEqualTo("Only a level lower than yours");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.rule()).contains("LOWER authority level"));
    p.keys("kp-office", "12348005#18");
    assertThat(p.lastDisplay()).isEqualTo("Authority levels are 0-6");
  }

  @Test
  void hash1Level6_makesTheUsersCodeADuressCode() {
    KeypadDriver p = panel().keys("kp-office", "12348005#16").keys("kp-office", "4444{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    assertThat(p.all(Effect.Notification.class)).anySatisfy(n -> assertThat(n.signal()).isEqualTo(Signal.DURESS));
  }

  @Test
  void hash3GrantsAPartition_onlyOneTheActorHas() {
    // The master grants the warehouse (partition 2) to operator B user 5 as operator A.
    KeypadDriver p = panel().keys("kp-office", "12348005#323");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(user(p, 5).levelIn("warehouse")).isEqualTo(3);
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.rule()).contains("assign only partitions he has"));
    p.keys("kp-warehouse", "4444{AWAY}");
    assertThat(p.state.area("warehouse").status()).isEqualTo(AreaStatus.SETTING);
    // The office manager has no annex (partition 3): he may not grant it.
    p.keys("kp-office", "22228005#334");
    assertThat(p.lastDisplay()).isEqualTo("You may grant only partitions you have (annex)");
    // 9 takes a partition away; the home partition cannot be taken away.
    p.keys("kp-office", "12348005#329");
    assertThat(user(p, 5).levelIn("warehouse")).isEqualTo(-1);
    p.keys("kp-office", "12348005#319");
    assertThat(p.lastDisplay()).isEqualTo("The home partition cannot be taken away");
    p.keys("kp-office", "12348005#394");
    assertThat(p.lastDisplay()).isEqualTo("No partition 9");
  }

  @Test
  void hash2OpenCloseReporting_isTheInstallersChoice() {
    KeypadDriver p = panel().keys("kp-office", "12348005#21");
    assertThat(p.lastDisplay()).isEqualTo("Only the installer sets open/close reporting");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.rule()).contains("chosen by the installer"));
    p.keys("kp-office", "1234#65").keys("kp-office", "41408005#21");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(user(p, 5).openCloseReporting()).isTrue();
  }

  @Test
  void aUserAddedByTheMaster_inheritsTheMastersOpenCloseReporting_andReportsIt() {
    // User 2 (master) reports open/close; user 5 (operator B) does not.
    KeypadDriver p = panel().keys("kp-office", "12348031" + "3131").keys("kp-office", "3131{AWAY}").after(Duration.ofSeconds(31));
    assertThat(user(p, 31).openCloseReporting()).isTrue();
    assertThat(p.all(Effect.Notification.class)).anySatisfy(n -> {
      assertThat(n.signal()).isEqualTo(Signal.CLOSE);
      assertThat(n.user()).isEqualTo(31);
    });
  }

  @Test
  void aCodeIsChangedOnlyFromThePartitionItWasCreatedIn() {
    // User 9 (loader) was created in the warehouse; the master at the office keypad acts in the office.
    KeypadDriver p = panel().keys("kp-office", "12348009" + "9191");
    assertThat(p.lastDisplay()).isEqualTo("Change this code from partition warehouse where it was created");
    p.keys("kp-warehouse", "12348009" + "9191");
    assertThat(p.lastDisplay()).isEqualTo("Done");
  }

  @Test
  void installerProgramming_needsLevel2Authorisation() {
    KeypadDriver p = panel().keys("kp-office", "41408");
    assertThat(p.lastDisplay()).isEqualTo("Installer access not authorised by a master or manager");
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.rule()).contains("level 3 access needs level 2 authorisation"));
    p.keys("kp-office", "2222#65").keys("kp-office", "41408040" + "4040");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("open/close reporting on"));
  }

  @Test
  void anyOtherKeyCancels_andNothingChanges() {
    KeypadDriver p = panel().keys("kp-office", "12348005" + "45{OFF}");
    assertThat(p.lastDisplay()).isEqualTo("Cancelled");
    p.keys("kp-office", "4444{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void wrongCodeBeforeTheCodeKey_isAWrongCode_countedForLockout() {
    KeypadDriver p = panel().keys("kp-office", "9999{CODE}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
    // An 8 after a wrong 4-digit code is just a digit: the entry goes on and fails at the command key.
    p.keys("kp-office", "99998");
    assertThat(p.last(Effect.KeypadDisplay.class)).isEmpty();
    p.keys("kp-office", "{OFF}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
  }

  @Test
  void duressCodeAtTheCodeKey_sendsTheSilentSignal_andProgramsExactlyAsTheNormalCode() {
    KeypadDriver normal = panel().keys("kp-office", "12348030" + "3030");
    KeypadDriver duress = panel().keys("kp-office", "98768030" + "3030");
    assertThat(duress.all(Effect.KeypadDisplay.class)).isEqualTo(normal.all(Effect.KeypadDisplay.class));
    assertThat(duress.all(Effect.LogEntry.class).stream().filter(Effect.LogEntry::userVisible).toList())
        .isEqualTo(normal.all(Effect.LogEntry.class).stream().filter(Effect.LogEntry::userVisible).toList());
    assertThat(user(duress, 30)).isNotNull();
    assertThat(normal.all(Effect.Notification.class)).noneSatisfy(n -> assertThat(n.signal()).isEqualTo(Signal.DURESS));
    assertThat(duress.all(Effect.Notification.class)).anySatisfy(n -> {
      assertThat(n.signal()).isEqualTo(Signal.DURESS);
      assertThat(n.user()).isEqualTo(2);
    });
    // The duress code again deletes, as the normal code again does.
    duress.keys("kp-office", "98768030" + "9876");
    assertThat(user(duress, 30)).isNull();
  }

  @Test
  void anyLengthCodes_useTheCodeKeyAndStarToEndTheNewCode() {
    SiteConfig any = OFFICE.withCodes(new org.vigil.panel.config.CodePolicy(0, OFFICE.codes().minDiffers(), 1, 3, Duration.ofSeconds(90), true, true, Duration.ofHours(4)));
    KeypadDriver p = new KeypadDriver(any, MONDAY_10).keys("kp-office", "1234{CODE}030" + "303030*");
    assertThat(p.lastDisplay()).isEqualTo("Done");
    p.keys("kp-office", "303030{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void programmingFromTheApi_andTheKeypad_followTheSameRules() {
    KeypadDriver api = panel();
    api.input(new Input.ManageUser("api", 2, "office", Input.UserAction.SET_AUTHORITY, 5, null, java.util.Map.of("warehouse", 3), null, null));
    KeypadDriver keys = panel().keys("kp-office", "12348005#323");
    assertThat(user(api, 5).authority()).isEqualTo(user(keys, 5).authority());
    api.input(new Input.ManageUser("api", 2, "office", Input.UserAction.SET_OPEN_CLOSE, 5, null, null, null, true));
    assertThat(api.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("Only the installer"));
  }

  @Test
  void aCodeNextToADuressCodeIsRefused_withoutSayingWhy() {
    // 9876 is the master's duress PIN and codes.duress_neighbours is 1 (default): 9875 and 9877 are disallowed.
    KeypadDriver p = panel().keys("kp-office", "12348030" + "9877");
    assertThat(p.lastDisplay()).isEqualTo("Code not available, choose another");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> {
      assertThat(l.rule()).contains("disallowed codes").doesNotContain("duress");
      assertThat(l.message()).doesNotContain("9877").doesNotContain("duress");
    });
    p.keys("kp-office", "12348030" + "9875");
    assertThat(p.lastDisplay()).isEqualTo("Code not available, choose another");
    // Level 6 user 007's PIN 6666 is a duress code too.
    p.keys("kp-office", "12348030" + "6667");
    assertThat(p.lastDisplay()).isEqualTo("Code not available, choose another");
    p.keys("kp-office", "12348030" + "9879");
    assertThat(p.lastDisplay()).isEqualTo("Done");
  }

  @Test
  void aSequenceLeftHalfWay_isAbandonedAfter30s_soTheNextCodeIsNotTakenAsANewCode() {
    KeypadDriver p = panel().keys("kp-office", "12348005").after(Duration.ofSeconds(29));
    assertThat(p.last(Effect.KeypadDisplay.class)).isEmpty();
    p.after(Duration.ofSeconds(1));
    assertThat(p.lastDisplay()).isEqualTo("Cancelled");
    assertThat(p.last(Effect.LogEntry.class)).singleElement().satisfies(l -> assertThat(l.message()).contains("abandoned after 30s"));
    p.keys("kp-office", "4444{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    // Each key restarts the 30 s.
    KeypadDriver q = panel().keys("kp-office", "12348").after(Duration.ofSeconds(20)).keys("kp-office", "030").after(Duration.ofSeconds(20)).keys("kp-office", "3030");
    assertThat(q.lastDisplay()).isEqualTo("Done");
    assertThat(q.state.deadlines()).noneSatisfy(d -> assertThat(d.key()).isInstanceOf(org.vigil.panel.engine.keypad.Programming.Timeout.class));
  }
}
