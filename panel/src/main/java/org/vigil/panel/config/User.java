package org.vigil.panel.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user (seed 001). {@code authority} maps area id to authority level 0-6 (0 installer, 1 master, 2
 * manager, 3-5 operator A/B/C, 6 duress). Validity and schedules restrict when the credentials work.
 *
 * @param number user number 1-150 (reported as 001-150)
 * @param pin hashed PIN, or null for card-only users
 * @param duressPin hashed duress PIN of this user, or null: it does what the PIN does and also sends a
 *     silent duress signal (card + duress PIN at a door, seed 000)
 * @param cards card/tag numbers
 * @param openCloseReporting whether this user's set/unset is reported to the ARC (null: inherit)
 */
public record User(
    int number,
    String name,
    String homeArea,
    Map<String, Integer> authority,
    PinHash pin,
    List<String> cards,
    Instant validFrom,
    Instant validUntil,
    List<Schedule> schedules,
    Boolean openCloseReporting,
    PinHash duressPin) {

  public User(
      int number,
      String name,
      String homeArea,
      Map<String, Integer> authority,
      PinHash pin,
      List<String> cards,
      Instant validFrom,
      Instant validUntil,
      List<Schedule> schedules,
      Boolean openCloseReporting) {
    this(number, name, homeArea, authority, pin, cards, validFrom, validUntil, schedules, openCloseReporting, null);
  }

  /** Authority level in an area, or -1 when the user has no access to it. */
  public int levelIn(String area) {
    return authority.getOrDefault(area, -1);
  }
}
