package org.vigil.panel.engine.users;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.vigil.panel.config.PinHash;
import org.vigil.panel.config.Schedule;
import org.vigil.panel.config.User;

/**
 * Finding the user behind a code or card, and whether the credential is valid now. A code is
 * compared with every PIN and duress PIN of every user, always all of them, so a duress code costs
 * exactly the same work as a normal one (and a wrong one): the time taken tells nothing.
 */
public final class Credentials {
  private Credentials() {}

  /** A matched credential. {@code duress} is true for a duress PIN; never shown to anyone. */
  public record Match(User user, boolean duress) {}

  /** The user whose PIN or duress PIN is {@code code}; empty when none. */
  public static Optional<Match> byCode(List<User> users, String code) {
    Match found = null;
    for (User u : users) {
      boolean pin = matches(u.pin(), code);
      boolean duress = matches(u.duressPin(), code);
      if (found == null && (pin || duress)) found = new Match(u, duress && !pin);
    }
    return Optional.ofNullable(found);
  }

  /** The holder of {@code card}, with the PIN typed at a card + PIN reader checked (null: no PIN). */
  public static Optional<Match> byCard(List<User> users, String card, String pin, boolean pinRequired) {
    for (User u : users) {
      if (!u.cards().contains(card)) continue;
      if (!pinRequired || u.pin() == null) return Optional.of(new Match(u, false));
      if (pin == null) return Optional.empty();
      boolean normal = matches(u.pin(), pin);
      boolean duress = matches(u.duressPin(), pin);
      if (normal || duress) return Optional.of(new Match(u, duress && !normal));
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean matches(PinHash h, String code) {
    if (h == null) {
      return false;
    }
    // Length is stored with the hash; a different length cannot match, but hash anyway so the work
    // done does not depend on which credential matched.
    boolean sameLength = h.length() == 0 || h.length() == code.length();
    return h.matches(code) & sameLength;
  }

  /** {@link #validAt(User, Instant, ZoneId)} for a site in UTC. */
  public static Optional<Refusal> validAt(User u, Instant now) {
    return validAt(u, now, ZoneOffset.UTC);
  }

  /**
   * Temporary and scheduled credentials: valid from/until (instants) and weekly windows (Vista access
   * schedules) in the site's local time {@code zone}, so a 06:00-08:00 window stays 06:00-08:00 on the
   * clock on the wall across DST changes (site.time_zone).
   */
  public static Optional<Refusal> validAt(User u, Instant now, ZoneId zone) {
    if (u.validFrom() != null && now.isBefore(u.validFrom())) {
      return Optional.of(new Refusal("Code not valid yet", "temporary code: valid_from " + u.validFrom()));
    }
    if (u.validUntil() != null && !now.isBefore(u.validUntil())) {
      return Optional.of(new Refusal("Code expired", "temporary code: valid_until " + u.validUntil()));
    }
    if (u.schedules() != null && !u.schedules().isEmpty()) {
      ZonedDateTime t = now.atZone(zone);
      for (Schedule s : u.schedules()) {
        if (inWindow(s, t)) return Optional.empty();
      }
      return Optional.of(new Refusal("Code not valid at this time", "Vista: access schedule (outside every window of user " + u.number() + ", " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + " " + t.toLocalDateTime() + ")"));
    }
    return Optional.empty();
  }

  static boolean inWindow(Schedule s, ZonedDateTime t) {
    var time = t.toLocalTime();
    if (!s.from().isAfter(s.to())) {
      return (s.days().isEmpty() || s.days().contains(t.getDayOfWeek())) && !time.isBefore(s.from()) && time.isBefore(s.to());
    }
    // A window across midnight (22:00-06:00) belongs to the day it starts.
    if (!time.isBefore(s.from())) return s.days().isEmpty() || s.days().contains(t.getDayOfWeek());
    if (time.isBefore(s.to())) return s.days().isEmpty() || s.days().contains(t.getDayOfWeek().minus(1));
    return false;
  }
}
