package org.vigil.arc.handling.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.arc.handling.HandlingInput;
import org.vigil.arc.handling.HandlingProfile;

/**
 * An ARC-only scenario: an account profile, a start instant and timed steps that inject inputs and
 * check expectations. Format: docs/arc-handling.md "ARC scenarios".
 */
public record ArcScenario(String name, String rule, HandlingProfile profile, Instant start, List<Step> steps) {

  public ArcScenario {
    steps = List.copyOf(steps);
  }

  /**
   * One step.
   *
   * @param index position in the file (0-based), for messages
   * @param at when it happens
   * @param input what happens; a {@link HandlingInput.Tick} when the step only checks expectations
   * @param expect what must hold after the step (empty map = nothing)
   */
  public record Step(int index, String atText, Instant at, HandlingInput input, Map<String, Object> expect) {
    public Step {
      // Keep the file's order so failures read in the order the author wrote them.
      expect = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expect));
    }
  }
}
