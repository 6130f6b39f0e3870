package org.vigil.arc.handling;

/** What kind of alarm an operator is looking at; hold-up dominates intruder, intruder dominates tamper. */
public enum AlarmType {
  HOLD_UP,
  INTRUDER,
  /** Tamper without an intruder alarm yet (BS8243 H.7.1: notified as tamper only). */
  TAMPER,
  /** Fire, medical, faults, path faults, set/unset alerts, unknown codes. */
  TECHNICAL
}
