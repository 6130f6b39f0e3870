package org.vigil.panel.engine.restore;

/**
 * EN 50131-1 Table 6 (as replaced by A1:2009; research/standards.md 1.6): the access level needed to
 * restore each condition, by grade, plus the BS 8243 A.3 row for a confirmed intruder alarm. Kept as
 * data so checking it against the purchased standard means editing one table.
 */
public enum Table6 {
  INTRUDER_ALARM("intruder alarm", 2, 2, 2, 2),
  HOLD_UP_ALARM("hold-up alarm", 2, 2, 2, 2),
  TAMPER("tamper", 2, 2, 3, 3),
  /** Faults other than the power and ATS rows below (detector, interconnection, WD ...). */
  FAULT("fault", 2, 2, 3, 3),
  PRIME_POWER_FAULT("prime power source fault", 2, 2, 2, 2),
  ATS_FAULT("ATS fault", 2, 2, 2, 2),
  MASKING("masking", 2, 2, 2, 2),
  RANGE_REDUCTION("significant reduction of range", 2, 2, 2, 2),
  /**
   * BS 8243 A.3 / BS 8473: after a confirmed alarm a user may not restore; the engineer (level 3) or
   * a remote reset by the ARC is needed, at every grade.
   */
  CONFIRMED_INTRUDER_ALARM("confirmed intruder alarm", 3, 3, 3, 3);

  private final String label;
  private final int[] byGrade;

  Table6(String label, int g1, int g2, int g3, int g4) {
    this.label = label;
    this.byGrade = new int[] {g1, g2, g3, g4};
  }

  public String label() {
    return label;
  }

  /** The lowest access level that may restore this condition at {@code grade} (1-4). */
  public int level(int grade) {
    return byGrade[Math.max(1, Math.min(4, grade)) - 1];
  }

  /** The rule a decision on this row names. */
  public String rule(int grade) {
    return this == CONFIRMED_INTRUDER_ALARM ? "BS8243 A.3 / BS8473 (engineer restore or ARC remote reset)" : "EN50131-1 Table 6 grade " + grade + " (" + label + ": level " + (level(grade) == 2 ? "2/3" : "3") + ")";
  }
}
