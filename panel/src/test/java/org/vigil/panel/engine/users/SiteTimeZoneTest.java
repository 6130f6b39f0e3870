package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.Schedule;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.yaml.Problem;

/** site.time_zone: weekly windows of credentials are local wall-clock time, across DST changes. */
class SiteTimeZoneTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final User CLEANER = new User(3, "cleaner", "office", Map.of("office", 4), null, List.of(), null, null,
      List.of(new Schedule(EnumSet.allOf(DayOfWeek.class), LocalTime.of(6, 0), LocalTime.of(8, 0))), null);

  static boolean valid(String instant, ZoneId zone) {
    return Credentials.validAt(CLEANER, Instant.parse(instant), zone).isEmpty();
  }

  @Test
  void siteTimeZone_defaultsToUtc_andIsReadFromTheSiteFile() {
    assertThat(Sites.load("shop.yaml").site().timeZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(Sites.load("cleaning-london.yaml").site().timeZone()).isEqualTo(LONDON);
  }

  @Test
  void unknownTimeZone_isAPositionedError() throws Exception {
    String yaml = Files.readString(Sites.EXAMPLES.resolve("cleaning-london.yaml")).replace("Europe/London", "Europe/Londres");
    List<Problem> p = new SiteLoader(1).parse(yaml, null).problems();
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.path()).isEqualTo("site.time_zone");
      assertThat(x.toString()).contains("unknown time zone 'Europe/Londres'").contains("Europe/London");
    });
  }

  @Test
  void weeklyWindow_isLocalTime_inSummer() {
    // 1 July: BST (UTC+1). 06:30 local is 05:30 UTC.
    assertThat(valid("2026-07-01T05:30:00Z", LONDON)).isTrue();
    assertThat(valid("2026-07-01T07:30:00Z", LONDON)).isFalse();
    // The same instants read in UTC give the opposite answers: the zone matters.
    assertThat(valid("2026-07-01T05:30:00Z", ZoneOffset.UTC)).isFalse();
    assertThat(valid("2026-07-01T07:30:00Z", ZoneOffset.UTC)).isTrue();
  }

  @Test
  void springDstChange_windowMovesWithTheClocks() {
    // Clocks go forward on Sunday 29 March 2026 at 01:00 UTC.
    assertThat(valid("2026-03-28T05:30:00Z", LONDON)).as("Sat 05:30 GMT").isFalse();
    assertThat(valid("2026-03-28T06:30:00Z", LONDON)).as("Sat 06:30 GMT").isTrue();
    assertThat(valid("2026-03-29T05:00:00Z", LONDON)).as("Sun 06:00 BST").isTrue();
    assertThat(valid("2026-03-29T04:59:59Z", LONDON)).as("Sun 05:59:59 BST").isFalse();
    assertThat(valid("2026-03-29T07:00:00Z", LONDON)).as("Sun 08:00 BST").isFalse();
  }

  @Test
  void autumnDstChange_windowMovesWithTheClocks() {
    // Clocks go back on Sunday 25 October 2026 at 01:00 UTC.
    assertThat(valid("2026-10-24T05:00:00Z", LONDON)).as("Sat 06:00 BST").isTrue();
    assertThat(valid("2026-10-24T07:00:00Z", LONDON)).as("Sat 08:00 BST").isFalse();
    assertThat(valid("2026-10-25T05:30:00Z", LONDON)).as("Sun 05:30 GMT").isFalse();
    assertThat(valid("2026-10-25T06:00:00Z", LONDON)).as("Sun 06:00 GMT").isTrue();
    assertThat(valid("2026-10-25T07:59:59Z", LONDON)).as("Sun 07:59:59 GMT").isTrue();
  }

  @Test
  void windowAcrossTheRepeatedHour_countsWallClockTime() {
    // 01:00-02:00 local happens twice on the autumn change day: both are inside a 01:00-02:00 window.
    User night = new User(4, "night", "office", Map.of("office", 4), null, List.of(), null, null,
        List.of(new Schedule(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(2, 0))), null);
    assertThat(Credentials.validAt(night, Instant.parse("2026-10-25T00:30:00Z"), LONDON)).as("01:30 BST").isEmpty();
    assertThat(Credentials.validAt(night, Instant.parse("2026-10-25T01:30:00Z"), LONDON)).as("01:30 GMT").isEmpty();
    assertThat(Credentials.validAt(night, Instant.parse("2026-10-25T02:00:00Z"), LONDON)).as("02:00 GMT").isPresent();
  }

  @Test
  void keypad_usesTheSiteTimeZone() {
    SiteConfig site = Sites.load("cleaning-london.yaml");
    KeypadDriver p = new KeypadDriver(site, Instant.parse("2026-03-29T05:30:00Z")).keys("kp-office", "8642{AWAY}");
    assertThat(p.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
  }

  @Test
  void validator_notesSchedulesReadInAZoneWithoutDst() throws Exception {
    String yaml = Files.readString(Sites.EXAMPLES.resolve("cleaning-london.yaml"));
    SiteConfig utc = new SiteLoader(1).parse(yaml.replace("  time_zone: Europe/London\n", ""), null).orThrow();
    assertThat(org.vigil.panel.validate.UserChecks.check(utc)).anySatisfy(f -> {
      assertThat(f.path()).isEqualTo("users[1].schedules");
      assertThat(f.message()).contains("read in UTC").contains("set site.time_zone");
    });
    assertThat(org.vigil.panel.validate.UserChecks.check(Sites.load("cleaning-london.yaml"))).noneSatisfy(f -> assertThat(f.path()).endsWith(".schedules"));
  }
}
