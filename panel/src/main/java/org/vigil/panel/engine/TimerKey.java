package org.vigil.panel.engine;

/**
 * Identifies a deadline. Each feature declares its own records (e.g. {@code EntryExpired(area)});
 * equal keys name the same timer, so scheduling replaces and cancelling needs only the key.
 */
public interface TimerKey {}
