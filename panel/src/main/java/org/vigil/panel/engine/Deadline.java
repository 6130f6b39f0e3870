package org.vigil.panel.engine;

import java.time.Instant;

/** A timer held in the state: fires {@link Input.TimerFired} at {@code at}. */
public record Deadline(Instant at, long seq, TimerKey key) implements Comparable<Deadline> {
  @Override
  public int compareTo(Deadline o) {
    int c = at.compareTo(o.at);
    return c != 0 ? c : Long.compare(seq, o.seq);
  }
}
