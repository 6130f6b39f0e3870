package org.vigil.protocol.cid;

import java.util.Objects;

/**
 * A Contact ID (SIA DC-05) event as carried in ADM-CID: {@code QEEE GG ZZZ}.
 *
 * @param qualifier 1 new event / opening, 3 restore / closing, 6 previously reported and still present
 * @param event the three event-code digits, e.g. "130"
 * @param group the two group (partition) digits
 * @param zoneOrUser the three zone or user digits (which one depends on the code)
 */
public record ContactIdEvent(int qualifier, String event, String group, String zoneOrUser) {

  public ContactIdEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(zoneOrUser, "zoneOrUser");
    if (qualifier < 0 || qualifier > 9) throw new IllegalArgumentException("qualifier is one digit");
    if (!digits(event, 3) || !digits(group, 2) || !digits(zoneOrUser, 3)) {
      throw new IllegalArgumentException("Contact ID fields are 3, 2 and 3 digits");
    }
  }

  /** The event code as a number (e.g. 130). */
  public int code() {
    return Integer.parseInt(event);
  }

  /** Qualifier 1, 3 or 6 (the values DC-05 defines). */
  public boolean hasKnownQualifier() {
    return qualifier == 1 || qualifier == 3 || qualifier == 6;
  }

  /** {@code QEEE GG ZZZ}. */
  public String format() {
    return qualifier + event + " " + group + " " + zoneOrUser;
  }

  static boolean digits(String s, int n) {
    if (s.length() != n) return false;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return true;
  }
}
