package org.vigil.panel.simulate;

import java.time.Instant;
import java.util.List;
import org.vigil.panel.engine.Input;
import org.vigil.panel.yaml.Loc;

/**
 * One step of a scenario: at an instant, zero or more inputs, then expectations.
 *
 * @param links transmission links cut or reconnected at this step (virtual network, not engine
 *     inputs: the transmitter finds out by itself)
 */
public record ScenarioStep(Instant at, Loc loc, List<Input> inputs, List<Expectation> expectations, List<PathLink> links) {

  public ScenarioStep(Instant at, Loc loc, List<Input> inputs, List<Expectation> expectations) {
    this(at, loc, inputs, expectations, List.of());
  }

  /** A transmission path's link cut ({@code connected} false) or reconnected. */
  public record PathLink(String path, boolean connected) {}
}
