package org.vigil.panel.simulate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A scenario: a self-checking test on a virtual clock.
 *
 * @param site the site file named in the scenario (resolved), or null when given separately
 * @param until simulate at least up to this instant (deadlines fire until then)
 */
public record Scenario(String name, Path file, Path site, Instant start, Instant until, List<ScenarioStep> steps) {}
