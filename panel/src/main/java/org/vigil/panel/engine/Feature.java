package org.vigil.panel.engine;

/**
 * One rule family of the panel (setting, intruder confirmation, hold-up, users, ...). A feature
 * looks at each input and may update the state, emit effects and raise internal inputs through the
 * {@link Step}; it reads no clock and does no I/O. Features ignore inputs they do not care about.
 */
@FunctionalInterface
public interface Feature {
  void on(Input input, Step step);
}
