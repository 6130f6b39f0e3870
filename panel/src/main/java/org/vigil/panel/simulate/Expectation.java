package org.vigil.panel.simulate;

import java.time.Instant;
import java.util.Map;
import org.vigil.panel.yaml.Loc;

/** A self-check in a scenario. */
public sealed interface Expectation {
  Loc loc();

  String describe();

  /**
   * An effect matching {@code match} occurs (or, with {@code absent}, does not occur) in the window
   * [from, to].
   */
  record Occurs(Loc loc, Map<String, String> match, Instant from, Instant to, boolean absent) implements Expectation {
    public String describe() {
      return (absent ? "no " : "") + match + " between " + from + " and " + to;
    }
  }

  /** A state holds at {@code at}: area status, output on/off, or zone condition. */
  record StateHolds(Loc loc, Instant at, String subject, String field, String value) implements Expectation {
    public String describe() {
      return subject + " " + field + " = " + value + " at " + at;
    }
  }
}
