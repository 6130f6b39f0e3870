/**
 * The pure panel engine: {@code PanelEngine.step(state, input, now) -> StepResult(state, effects)}.
 *
 * <p>How it is built, for developers adding a rule family:
 *
 * <ul>
 *   <li>{@link org.vigil.panel.engine.Input} (sealed) holds every input. World inputs come from
 *       devices, keypads, readers, the ARC and time ({@code Tick}); {@code Input.Internal} inputs are
 *       raised by one feature for the others inside a step ({@code Command}, {@code AreaChanged},
 *       {@code AlarmRaised}, {@code TimerFired}). Add a record there for a new input.
 *   <li>{@link org.vigil.panel.engine.Effect} (sealed) holds every effect; the simulator prints and
 *       matches any record effect by reflection (fields in snake_case), no other change needed.
 *   <li>A rule family is a {@link org.vigil.panel.engine.Feature} in its own package (e.g. {@code
 *       engine.setting}, {@code engine.intruder}, {@code engine.holdup}, {@code engine.keypad}); it
 *       keeps its own immutable state record in the panel state ({@code step.feature(X.class,
 *       X.EMPTY)} / {@code step.putFeature(X.class, x)}), its timers as {@link
 *       org.vigil.panel.engine.TimerKey} records ({@code step.schedule(key, duration)}; they come back
 *       as {@code Input.TimerFired(key)}), and emits effects through the {@link
 *       org.vigil.panel.engine.Step}. Register it with one line in {@code
 *       PanelEngine.defaultFeatures()}; order matters only where one feature reads what another
 *       wrote in the same step (device conditions first, warning devices last).
 *   <li>Every decision effect names its rule ({@code "DD243 5.4.1(b)"}, {@code "BS8243 6.4.5(b)"}).
 *   <li>No clock, no I/O, no randomness: the same inputs at the same instants give the same effects
 *       ({@code PanelEngineTest}).
 * </ul>
 */
package org.vigil.panel.engine;
