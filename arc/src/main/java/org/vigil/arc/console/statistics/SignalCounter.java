package org.vigil.arc.console.statistics;

import java.time.Instant;

/** A ring of per-second counters for the last hour; the receiver (or a test) calls {@link #record}. */
public final class SignalCounter implements SignalRate {
    private static final int SIZE = 3600;
    private final long[] counts = new long[SIZE];
    private final long[] secondOf = new long[SIZE];

    public synchronized void record(Instant at) {
        long s = at.getEpochSecond();
        int i = (int) Math.floorMod(s, (long) SIZE);
        if (secondOf[i] != s) {
            secondOf[i] = s;
            counts[i] = 0;
        }
        counts[i]++;
    }

    @Override
    public synchronized long[] perSecond(Instant now, int seconds) {
        int n = Math.max(1, Math.min(seconds, SIZE));
        long end = now.getEpochSecond();
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            long s = end - (n - 1 - k);
            int i = (int) Math.floorMod(s, (long) SIZE);
            out[k] = secondOf[i] == s ? counts[i] : 0;
        }
        return out;
    }
}
