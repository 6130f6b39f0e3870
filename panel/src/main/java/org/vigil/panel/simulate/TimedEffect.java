package org.vigil.panel.simulate;

import java.time.Instant;
import org.vigil.panel.engine.Effect;

/** An effect on the virtual clock. */
public record TimedEffect(Instant at, Effect effect) {}
