package org.vigil.panel.config;

/** What a detector zone does. */
public enum DetectorRole {
  /** The final exit door (protective switch 6.3 c) and initial entry door. */
  FINAL_EXIT,
  /** On the entry route (entry timer runs while it is active). */
  ENTRY_ROUTE,
  /** Push button outside the premises completing setting (6.3 b). */
  PUSH_TO_SET,
  /** Shunt lock on the final exit door (6.3 a): active = locked. */
  SHUNT_LOCK,
  /** Ordinary intruder detector, alarms when its area is set. */
  INTERIOR,
  /** Monitored at all times (e.g. safe, stock room fire exit). */
  H24,
  /** A tamper-only circuit (e.g. bell box lid). */
  TAMPER;

  /** Whether activations of this zone are intruder detections that may take part in confirmation. */
  public boolean detectsIntrusion() {
    return this == FINAL_EXIT || this == ENTRY_ROUTE || this == INTERIOR || this == H24;
  }
}
