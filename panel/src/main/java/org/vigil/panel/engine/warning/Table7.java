package org.vigil.panel.engine.warning;

/**
 * EN 50131-1 Table 7: which notification each condition gives in the set and unset state. The cells
 * are the UK IS2 interpretation of the grade 2 table (research/standards.md 1.8, dnaop.com 61223_9);
 * the grade 1, 3 and 4 cells were not retrieved and are read the same as grade 2 (docs/intruder.md).
 * Where the table leaves a cell optional, {@link #optionalOn} is our choice, so the panel's behaviour
 * is one lookup: {@link #on}.
 */
public final class Table7 {
  private Table7() {}

  public enum Cell { MANDATORY, OPTIONAL, NOT_PERMITTED }

  public enum Condition { HOLD_UP, INTRUDER, TAMPER, FAULT }

  public enum Channel { EXTERNAL_WD, INTERNAL_WD, ATS }

  public static final String RULE = "EN50131-1 Table 7";

  /** The cell for a grade (1-4), state, condition and channel. */
  public static Cell cell(int grade, boolean set, Condition c, Channel ch) {
    // One table for every grade (only grade 2 was retrieved; see the class comment).
    Cell M = Cell.MANDATORY, O = Cell.OPTIONAL, N = Cell.NOT_PERMITTED;
    if (set) {
      return switch (ch) {
        case EXTERNAL_WD -> switch (c) { case HOLD_UP -> O; case INTRUDER, TAMPER -> M; case FAULT -> N; };
        case INTERNAL_WD -> switch (c) { case HOLD_UP -> O; case INTRUDER, TAMPER -> M; case FAULT -> O; };
        case ATS -> M; // hold-up as HU, intruder as intruder, tamper as intruder or tamper, fault as fault
      };
    }
    return switch (ch) {
      // Table 7 note: the CIE never activates the external WD in the unset state.
      case EXTERNAL_WD -> switch (c) { case HOLD_UP -> O; case INTRUDER, TAMPER, FAULT -> N; };
      case INTERNAL_WD -> switch (c) { case HOLD_UP, TAMPER -> O; case INTRUDER, FAULT -> N; };
      case ATS -> switch (c) { case INTRUDER -> N; case HOLD_UP, TAMPER, FAULT -> O; };
    };
  }

  /**
   * Our choice for the optional cells: hold-up alarms are silent (a WD could endanger the people held
   * up; an audible hold-up device sounds the internal WD, docs/holdup.md); a tamper while unset sounds
   * the internal WD so the people on site notice; a fault sounds nothing; every optional ATS cell is
   * sent (the ARC is told of hold-up, tamper and fault at all times).
   */
  public static boolean optionalOn(boolean set, Condition c, Channel ch) {
    if (ch == Channel.ATS) return true;
    return !set && c == Condition.TAMPER && ch == Channel.INTERNAL_WD;
  }

  /** Whether the panel drives {@code ch} for {@code c} in this state at this grade. */
  public static boolean on(int grade, boolean set, Condition c, Channel ch) {
    return switch (cell(grade, set, c, ch)) {
      case MANDATORY -> true;
      case NOT_PERMITTED -> false;
      case OPTIONAL -> optionalOn(set, c, ch);
    };
  }

  public static String rule(int grade, boolean set, Condition c, Channel ch) {
    return RULE + " grade " + grade + " " + (set ? "set" : "unset") + " " + c.name().toLowerCase().replace('_', '-') + " -> "
        + ch.name().toLowerCase().replace('_', ' ') + ": " + cell(grade, set, c, ch).name().toLowerCase().replace('_', ' ');
  }
}
