package org.vigil.panel.simulate;

import java.time.Instant;
import java.util.List;
import org.vigil.panel.engine.Input;
import org.vigil.panel.yaml.Loc;

/** One step of a scenario: at an instant, zero or more inputs, then expectations. */
public record ScenarioStep(Instant at, Loc loc, List<Input> inputs, List<Expectation> expectations) {}
