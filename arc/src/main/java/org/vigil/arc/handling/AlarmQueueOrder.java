package org.vigil.arc.handling;

import java.util.Comparator;

/** Queue order for the console: priority, then age (oldest first), then id for a total order. */
public final class AlarmQueueOrder {
  public static final Comparator<Alarm> COMPARATOR =
      Comparator.comparing(Alarm::priority).thenComparing(Alarm::openedAt).thenComparing(Alarm::id);

  private AlarmQueueOrder() {}
}
