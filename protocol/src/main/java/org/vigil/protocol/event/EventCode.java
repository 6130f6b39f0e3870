package org.vigil.protocol.event;

import java.util.Objects;

/**
 * One catalogue entry: a Contact ID event code with its SIA DC-03 equivalents.
 *
 * @param contactId Contact ID event code (e.g. 130), or -1 when the event exists only in SIA
 * @param siaEvent SIA code sent for the event/opening qualifier (Contact ID qualifier 1)
 * @param siaRestore SIA code for the restore/closing qualifier (qualifier 3), or null when none
 * @param category meaning for alarm handling (of the event; restores are not alarms)
 * @param restoreCategory meaning of the restore/closing form (e.g. CLOSE for 401 qualifier 3)
 * @param number what the 3-digit number identifies
 * @param meaning human text
 */
public record EventCode(
    int contactId,
    String siaEvent,
    String siaRestore,
    EventCategory category,
    EventCategory restoreCategory,
    NumberKind number,
    String meaning) {

  public EventCode {
    Objects.requireNonNull(siaEvent, "siaEvent");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(meaning, "meaning");
  }
}
