package org.vigil.panel.engine.setting;

/**
 * Conditions that prevent setting (EN 50131-1 Table 4) and who may override them for one set period
 * (Table 5). Table 5 itself was not retrieved (research/standards.md 1.5); the override levels are
 * the manufacturer reading of the Interlogix Advisor Master EN 50131 manual: at grade 2 levels 2 and
 * 3 may override masking, detector fault, mains and battery fault and the loss of every path; at
 * grade 3 level 2 only masking, detector fault, mains and battery, level 3 the rest. Grade 1 follows
 * grade 2 and grade 4 grade 3 (our reading). An active detector, an active hold-up device, a tamper
 * and a lost bus device are never overridden: the user inhibits the detector, or the engineer
 * isolates it. Kept as data so checking against the standard means editing one table.
 */
public enum Table5 {
  DETECTOR_ACTIVE("intrusion detector active", 0, 0, 0, 0),
  HOLD_UP_ACTIVE("hold-up device active", 0, 0, 0, 0),
  MASKED("movement detector masked", 2, 2, 2, 2),
  DETECTOR_FAULT("intrusion detector fault", 2, 2, 2, 2),
  TAMPER("tamper", 0, 0, 0, 0),
  /** A bus device that does not answer (processed as tamper, BS 8243 H.3.1). */
  INTERCONNECTION_FAULT("interconnection fault", 0, 0, 0, 0),
  PRIME_POWER_FAULT("prime power source fault", 2, 2, 2, 2),
  ALTERNATIVE_POWER_FAULT("alternative power source fault", 2, 2, 2, 2),
  ALL_ATS_FAULT("all transmission paths failed", 2, 2, 3, 3);

  private final String label;
  private final int[] byGrade;

  /** Lowest access level that may override, by grade; 0 = never. */
  Table5(String label, int g1, int g2, int g3, int g4) {
    this.label = label;
    this.byGrade = new int[] {g1, g2, g3, g4};
  }

  public String label() {
    return label;
  }

  /** Lowest access level that may override at {@code grade}, or 0 when nobody may. */
  public int overrideLevel(int grade) {
    return byGrade[Math.max(1, Math.min(4, grade)) - 1];
  }

  public boolean overridable(int grade, int level) {
    int need = overrideLevel(grade);
    return need > 0 && level >= need;
  }

  public static final String RULE = "EN50131-1 Table 5 (override, one set period; reading in docs/intruder.md)";
}
