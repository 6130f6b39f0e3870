package org.vigil.arc.handling;

/** Why an alarm was closed. False causes count against the URN when the police were dispatched. */
public enum CloseCause {
  GENUINE,
  FALSE_USER_ERROR,
  FALSE_EQUIPMENT,
  FALSE_ENVIRONMENT,
  FALSE_UNKNOWN,
  /** Designated by the engine during the filtering delay (BS8243 7.5.3); not a policed false alarm. */
  FALSE_ALERT,
  /** Engineer test or known works on site. */
  TEST,
  /** Technical alarm dealt with (fault cleared, alert handled). */
  TECHNICAL_RESOLVED;

  public boolean isFalseAlarm() {
    return this == FALSE_USER_ERROR
        || this == FALSE_EQUIPMENT
        || this == FALSE_ENVIRONMENT
        || this == FALSE_UNKNOWN;
  }
}
