package org.vigil.arc.handling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Agreed setting and unsetting times (BS 5979 set/unset monitoring) as instants. The premises are in
 * their agreed closed period from a day's latest setting time to the next agreed earliest unsetting time;
 * a weekday without agreed times stays closed.
 */
final class AgreedSchedule {
  private static final int HORIZON_DAYS = 8;

  private AgreedSchedule() {}

  private static Instant at(HandlingProfile p, LocalDate d, LocalTime t) {
    return ZonedDateTime.of(d, t, p.zone()).toInstant();
  }

  /** Most recent agreed latest-setting instant at or before {@code t}. */
  static Optional<Instant> lastSettingAtOrBefore(HandlingProfile p, Instant t) {
    LocalDate d = t.atZone(p.zone()).toLocalDate();
    for (int i = 0; i <= HORIZON_DAYS; i++) {
      LocalDate day = d.minusDays(i);
      HandlingProfile.DaySchedule s = p.schedule().get(day.getDayOfWeek());
      if (s == null) continue;
      Instant set = at(p, day, s.latestSetting());
      if (!set.isAfter(t)) return Optional.of(set);
    }
    return Optional.empty();
  }

  /** First agreed earliest-unsetting instant strictly after {@code t}. */
  static Optional<Instant> nextUnsettingAfter(HandlingProfile p, Instant t) {
    LocalDate d = t.atZone(p.zone()).toLocalDate();
    for (int i = 0; i <= HORIZON_DAYS; i++) {
      LocalDate day = d.plusDays(i);
      HandlingProfile.DaySchedule s = p.schedule().get(day.getDayOfWeek());
      if (s == null) continue;
      Instant unset = at(p, day, s.earliestUnsetting());
      if (unset.isAfter(t)) return Optional.of(unset);
    }
    return Optional.empty();
  }

  /** First agreed latest-setting instant strictly after {@code t}. */
  static Optional<Instant> nextSettingAfter(HandlingProfile p, Instant t) {
    LocalDate d = t.atZone(p.zone()).toLocalDate();
    for (int i = 0; i <= HORIZON_DAYS; i++) {
      LocalDate day = d.plusDays(i);
      HandlingProfile.DaySchedule s = p.schedule().get(day.getDayOfWeek());
      if (s == null) continue;
      Instant set = at(p, day, s.latestSetting());
      if (set.isAfter(t)) return Optional.of(set);
    }
    return Optional.empty();
  }

  /** The agreed closed period containing {@code t}: [latest setting, next earliest unsetting). */
  static Optional<ClosedPeriod> closedPeriodAt(HandlingProfile p, Instant t) {
    Optional<Instant> set = lastSettingAtOrBefore(p, t);
    if (set.isEmpty()) return Optional.empty();
    Optional<Instant> unset = nextUnsettingAfter(p, set.get());
    if (unset.isPresent() && !unset.get().isAfter(t)) return Optional.empty();
    return Optional.of(new ClosedPeriod(set.get(), unset.orElse(null)));
  }

  /** @param unset null when no unsetting is agreed within the horizon */
  record ClosedPeriod(Instant set, Instant unset) {}
}
