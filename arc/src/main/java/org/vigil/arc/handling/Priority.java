package org.vigil.arc.handling;

/** Queue priority; declaration order is queue order (ordinal 0 first). */
public enum Priority {
  /** Duress and confirmed hold-up alarms. */
  P1_DURESS_OR_CONFIRMED_HOLD_UP,
  P2_HOLD_UP,
  P3_CONFIRMED_INTRUDER,
  P4_OTHER;

  static Priority of(Designation d) {
    if (d.type() == AlarmType.HOLD_UP) {
      return d.duress() || d.confirmed() ? P1_DURESS_OR_CONFIRMED_HOLD_UP : P2_HOLD_UP;
    }
    if (d.type() == AlarmType.INTRUDER && d.confirmed() && !d.falseAlert()) return P3_CONFIRMED_INTRUDER;
    return P4_OTHER;
  }
}
