package org.vigil.arc.console.statistics;

import java.time.Instant;

/** Signals received per second over the last {@code seconds} seconds ending at {@code now}, oldest first. */
public interface SignalRate {
    long[] perSecond(Instant now, int seconds);
}
