package org.vigil.panel.engine;

import java.time.Instant;

/**
 * State of one area.
 *
 * @param partSet name of the part-set mode when {@link AreaStatus#PART_SET} (or being part set)
 * @param user user number who last set/unset it (0 = ARC/system)
 * @param since when the status began
 */
public record AreaState(AreaStatus status, String partSet, int user, Instant since) {
  public static AreaState unset(Instant at) {
    return new AreaState(AreaStatus.UNSET, null, 0, at);
  }

  /** Set (fully or partly) or in the entry procedure: detection armed. */
  public boolean armed() {
    return status == AreaStatus.SET || status == AreaStatus.PART_SET || status == AreaStatus.ENTRY;
  }
}
