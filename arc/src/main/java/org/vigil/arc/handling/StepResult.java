package org.vigil.arc.handling;

import java.util.List;

/** The outcome of one engine step. */
public record StepResult(AccountState state, List<HandlingEffect> effects) {
  public StepResult {
    effects = List.copyOf(effects);
  }
}
