package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Tone;

/** Temporary and scheduled credentials, wrong-code lockout, and codes never leaving the panel. */
class CredentialsTest {
  static final SiteConfig OFFICE = Sites.load("office-warehouse.yaml");

  @Test
  void scheduledCode_worksInsideItsWeeklyWindow() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-06T07:00:00Z")).keys("kp-office", "8888{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void scheduledCode_isRefusedOutsideItsWindow_andLogged() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-06T09:00:00Z")).keys("kp-office", "8888{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.lastDisplay()).isEqualTo("Code not valid at this time");
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> {
      assertThat(l.rule()).contains("Vista: access schedule");
      assertThat(l.userVisible()).isTrue();
    });
  }

  @Test
  void scheduledCode_isRefusedAtTheWeekend() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-10T07:00:00Z")).keys("kp-office", "8888{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not valid at this time");
  }

  @Test
  void temporaryCode_expiresAtValidUntil_andIsNotValidBeforeValidFrom() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-02-02T07:00:00Z")).keys("kp-office", "8888{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code expired");
    p = new KeypadDriver(OFFICE, Instant.parse("2025-12-31T07:00:00Z")).keys("kp-office", "8888{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not valid yet");
  }

  @Test
  void anInvalidCredentialIsNotAWrongCode() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-06T09:00:00Z"));
    for (int i = 0; i < 5; i++) p.keys("kp-office", "8888{AWAY}");
    assertThat(p.state.feature(org.vigil.panel.engine.keypad.KeypadFeature.Keypads.class, null).entry("kp-office").lockedUntil()).isNull();
  }

  @Test
  void wrongCodes_lockTheKeypadForAtLeast90s_evenForACorrectCode() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-05T10:00:00Z"));
    p.keys("kp-office", "0000{AWAY}").keys("kp-office", "0001{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
    p.keys("kp-office", "0002{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Keypad locked");
    assertThat(p.last(Effect.LogEntry.class)).anySatisfy(l -> assertThat(l.message()).contains("locked for 1m30s after 3 wrong codes"));
    assertThat(p.last(Effect.Notification.class)).singleElement().satisfies(n -> {
      assertThat(n.signal()).isEqualTo(Signal.WRONG_CODE);
      assertThat(n.sia()).isEqualTo("JA");
      assertThat(n.cid()).isEqualTo(461);
    });
    p.after(Duration.ofSeconds(89)).keys("kp-office", "1234{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Keypad locked");
    assertThat(p.last(Effect.KeypadTone.class)).extracting(Effect.KeypadTone::tone).containsExactly(Tone.ERROR);
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.UNSET);
    p.after(Duration.ofSeconds(1)).keys("kp-office", "1234{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void grade2_afterALockoutTheCountStartsAgain() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-05T10:00:00Z"));
    for (int i = 0; i < 3; i++) p.keys("kp-office", "0000{AWAY}");
    p.after(Duration.ofSeconds(90)).keys("kp-office", "0000{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
  }

  @Test
  void grade3_eachFurtherWrongCodeAfterALockoutAdds90s() throws Exception {
    String yaml = Files.readString(Sites.EXAMPLES.resolve("office-warehouse.yaml")).replace("grade: 2", "grade: 3");
    SiteConfig g3 = new SiteLoader(1).parse(yaml, null).orThrow();
    KeypadDriver p = new KeypadDriver(g3, Instant.parse("2026-01-05T10:00:00Z"));
    for (int i = 0; i < 3; i++) p.keys("kp-office", "0000{AWAY}");
    p.after(Duration.ofSeconds(90)).keys("kp-office", "0000{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Keypad locked");
    p.after(Duration.ofSeconds(89)).keys("kp-office", "1234{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Keypad locked");
  }

  @Test
  void aCorrectCodeResetsTheWrongCount() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-05T10:00:00Z"));
    p.keys("kp-office", "0000{AWAY}").keys("kp-office", "0000{AWAY}").keys("kp-office", "1234*").keys("kp-office", "0000{AWAY}");
    assertThat(p.lastDisplay()).isEqualTo("Code not accepted");
  }

  @Test
  void lockoutIsPerKeypad() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-05T10:00:00Z"));
    for (int i = 0; i < 3; i++) p.keys("kp-office", "0000{AWAY}");
    p.keys("kp-lobby", "1234{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void codesAreNeverInAnyEffect_norInTheState() {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-05T10:00:00Z"));
    p.keys("kp-office", "1234{AWAY}").after(Duration.ofSeconds(31)).keys("kp-office", "9876{OFF}").keys("kp-office", "0000{OFF}")
        .keys("kp-office", "3333{BYPASS}003").keys("kp-office", "1234*").card("rd-door", "CARD-0009", "7700");
    for (Effect e : p.effects) {
      for (String code : new String[] {"1234", "9876", "3333", "7700"}) assertThat(e.toString()).doesNotContain(code);
    }
    assertThat(p.state.toString()).doesNotContain("1234").doesNotContain("9876");
    assertThat(OFFICE.users().get(1).toString()).doesNotContain("1234").contains("PinHash[hidden]");
  }

  @Test
  void pinsAreHashedWithPbkdf2AtLoad() {
    var pin = OFFICE.users().get(1).pin();
    assertThat(pin.encoded()).startsWith("pbkdf2-sha256$").doesNotContain("1234");
    assertThat(pin.matches("1234")).isTrue();
    assertThat(new SiteLoader().parse("site: {name: x, grade: 2, profile: en50131}\nareas: [{id: a, number: 1, setting: {completion: timed}, unsetting: {method: en50131}}]\n"
        + "users: [{number: 2, home_area: a, authority: {a: 1}, pin: \"1234\"}]\n", null).orThrow().users().get(0).pin().iterations())
        .isGreaterThanOrEqualTo(10_000);
  }
}
