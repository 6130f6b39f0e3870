package org.vigil.panel.engine;

import java.util.List;

/** The outcome of one engine step: the new state and the effects, in order. */
public record StepResult(PanelState state, List<Effect> effects) {}
