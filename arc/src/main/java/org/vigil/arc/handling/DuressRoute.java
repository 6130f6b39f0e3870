package org.vigil.arc.handling;

/**
 * Where a duress signal goes (issue 4, seed 000). In the UK police policy bars duress codes for police calls
 * (research panel-anchors.md item 3: "ACPO policy prevents use of Duress codes for police call purposes"), so an
 * account says whether its duress alarms are offered to the police like any hold-up alarm, or are handled by the
 * ARC with the keyholders only.
 */
public enum DuressRoute {
  // The default for new accounts and profiles is ARC_AND_KEYHOLDERS (UK policy, and the panel's duress.route
  // default); DEFAULT names it. A snapshot written before the route existed reads back POLICE, the behaviour it had.
  /** Duress is a hold-up alarm: police are offered when the hold-up URN has response. */
  POLICE,
  /** Duress goes to the ARC and the keyholders: police are never offered for a duress-only alarm. */
  ARC_AND_KEYHOLDERS;

  public static final DuressRoute DEFAULT = ARC_AND_KEYHOLDERS;
}
