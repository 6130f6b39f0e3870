package org.vigil.panel.engine;

import org.vigil.protocol.event.EventCategory;

/** Domain signal types sent to the ARC, with their default Contact ID code and category. */
public enum Signal {
  INTRUDER(130, EventCategory.INTRUDER),
  CONFIRMED_INTRUDER(139, EventCategory.CONFIRMED_INTRUDER),
  TAMPER(137, EventCategory.TAMPER),
  HOLD_UP(122, EventCategory.HOLD_UP),
  CONFIRMED_HOLD_UP(129, EventCategory.CONFIRMED_HOLD_UP),
  DURESS(121, EventCategory.DURESS),
  OPEN(401, EventCategory.OPEN),
  CLOSE(401, EventCategory.CLOSE),
  CANCEL(406, EventCategory.CANCEL),
  FAULT(147, EventCategory.FAULT),
  ATS_FAULT(350, EventCategory.ATS_FAULT),
  INHIBIT(570, EventCategory.BYPASS),
  SETTING_ERROR(374, EventCategory.SETTING_ERROR),
  /** A detector masked (anti-masking): Contact ID 380 sensor trouble, SIA BT (EN 50131-1 Table 4). */
  MASKING(380, EventCategory.FAULT),
  /** Keypad locked after too many wrong codes (SIA JA). */
  WRONG_CODE(461, EventCategory.USER_CODE_TAMPER);

  private final int contactId;
  private final EventCategory category;

  Signal(int contactId, EventCategory category) {
    this.contactId = contactId;
    this.category = category;
  }

  public int contactId() {
    return contactId;
  }

  public EventCategory category() {
    return category;
  }
}
