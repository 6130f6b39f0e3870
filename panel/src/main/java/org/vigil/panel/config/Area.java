package org.vigil.panel.config;

import java.time.Duration;
import java.util.List;

/**
 * An area (partition): independently settable part of the system.
 *
 * @param number partition number sent to the ARC (1-99)
 * @param completion how setting is completed (6.3)
 * @param exitTime only for {@link Completion#TIMED}
 * @param unsetMethod 6.4.2-6.4.6
 * @param entryTime entry time (UK practice: at most 45 s)
 * @param riskAssessment recorded risk assessment for 6.4.4/6.4.5 (6.4.1)
 * @param clientWrittenAcceptance client's written acceptance that opening the door disables
 *     confirmation (6.4.4)
 * @param keypadUnsetDuringEntry whether a code at a keypad may unset during entry (false: keypads
 *     are locked out during entry so the digital key must be used, BS 8243 6.4.5)
 * @param agreedArrangements arrangements agreed with the client for lock failure (6.4.2/6.4.3), for
 *     the as-fitted document
 */
public record Area(
    String id,
    int number,
    String name,
    Completion completion,
    Duration exitTime,
    UnsetMethod unsetMethod,
    Duration entryTime,
    String riskAssessment,
    String clientWrittenAcceptance,
    String agreedArrangements,
    Duration intruderConfirmationTime,
    Duration holdUpConfirmationTime,
    List<PartSet> partSets,
    Duress duress,
    boolean keypadUnsetDuringEntry) {

  public PartSet partSet(String name) {
    return partSets.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }
}
