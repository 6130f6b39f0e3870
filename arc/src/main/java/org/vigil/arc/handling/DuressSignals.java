package org.vigil.arc.handling;

import org.vigil.protocol.event.EventCategory;

/**
 * How the ARC tells duress from a silent hold-up (issue 4, seeds 000 and 001). The wire formats differ:
 *
 * <ul>
 *   <li>Contact ID 121 (duress, with the user number), 124/125 (duress at a door): always duress.</li>
 *   <li>SIA {@code HA} is "Holdup Alarm - silent alarm, user under duress": both a silent hold-up (Contact ID 122
 *       maps to it) and duress send it, and its number may be a zone or a user. A plain {@code HA} is therefore judged
 *       as a silent hold-up (P2, call-back), never silently promoted to duress.</li>
 *   <li>Number 992 on a hold-up family event (SIA {@code HA}/{@code HH}, Contact ID 12x) is the Vista duress zone
 *       (seed 001: "a non-zero report code for zone 992 (duress)"): duress. Our panel sends duress this way on every
 *       format when the site setting {@code duress_zone_992} is on, and as Contact ID 121 on ADM-CID paths, so
 *       its duress is unambiguous whichever format a path uses.</li>
 * </ul>
 */
public final class DuressSignals {
  public static final int DURESS_ZONE = 992;
  public static final String RULE_ZONE_992 = "Vista: zone 992 reports duress (seed 001)";

  private DuressSignals() {}

  /** The category the ARC judges an event by: the catalogue's, except a hold-up on zone 992, which is duress. */
  public static EventCategory category(EventCategory catalogued, String zoneOrUser) {
    return isDuressZone(catalogued, zoneOrUser) ? EventCategory.DURESS : catalogued;
  }

  /** A hold-up family event on the duress zone 992. */
  public static boolean isDuressZone(EventCategory catalogued, String zoneOrUser) {
    if (catalogued != EventCategory.HOLD_UP || zoneOrUser == null) return false;
    try {
      return Integer.parseInt(zoneOrUser.strip()) == DURESS_ZONE;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
