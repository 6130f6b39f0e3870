package org.vigil.panel.service;

import java.time.Instant;
import java.util.List;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.PanelState;

/** What one step did, for the pages and device adapters that follow the panel. */
public record PanelUpdate(Instant at, PanelState state, List<Effect> effects) {}
