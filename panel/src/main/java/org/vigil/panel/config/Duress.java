package org.vigil.panel.config;

import java.util.List;

/**
 * Duress facility of an area (BS 8243 4.5 f-g: only where justified, engineer programmed, default off;
 * Vista: a report code for zone 992 plus the partition's *85 switch).
 *
 * @param enabled the partition's duress switch (Vista *85)
 * @param engineerEnabled set by the engineer (BS 8243 4.5 g); required under the BS 8243 profile
 * @param report how the ARC learns who: Contact ID 121 with the user number, or zone 992
 * @param route where the ARC sends it: police, or ARC and keyholders only (UK police policy)
 * @param outputs discreet outputs switched on by a duress (e.g. a blue strobe in a back room, seed 000)
 */
public record Duress(boolean enabled, boolean engineerEnabled, String justification, Report report, Route route, List<String> outputs) {
  public static final Duress OFF = new Duress(false, false, null, Report.USER, Route.ARC_KEYHOLDERS, List.of());

  public Duress(boolean enabled, boolean engineerEnabled, String justification) {
    this(enabled, engineerEnabled, justification, Report.USER, Route.ARC_KEYHOLDERS, List.of());
  }

  /** Zone number reported when {@link Report#ZONE_992} is configured. */
  public static final int ZONE = 992;

  public enum Report {
    /** Contact ID 121 with the user number in the zone/user field. */
    USER,
    /** Contact ID 121 reported as zone 992 (Vista). */
    ZONE_992
  }

  public enum Route {
    /** The ARC may call the police (where the response authority permits duress codes). */
    POLICE,
    /** The ARC handles it with keyholders only (UK: ACPO/NPCC policy bars duress codes for police call). */
    ARC_KEYHOLDERS
  }
}
