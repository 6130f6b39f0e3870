package org.vigil.protocol.event;

/**
 * What an event means for alarm handling, independent of the wire format. The ARC engine and the
 * panel's transmitter both reason in these terms; Contact ID and SIA codes map onto them through
 * {@link EventCatalogue}.
 */
public enum EventCategory {
  /** Unconfirmed intruder (burglary) alarm. */
  INTRUDER,
  /** Sequentially confirmed intruder alarm (CID 139, SIA BV/BM). */
  CONFIRMED_INTRUDER,
  /** Burglary not verified by a second detector (CID 378, SIA BG). */
  UNVERIFIED_INTRUDER,
  /** Unconfirmed hold-up alarm (CID 122/123/120, SIA HA/PA). */
  HOLD_UP,
  /** Sequentially confirmed hold-up alarm (CID 129, SIA HV). */
  CONFIRMED_HOLD_UP,
  /** Duress: a hold-up condition raised by a code, not a device (CID 121). */
  DURESS,
  TAMPER,
  /** Equipment fault (battery, AC, supervision, bus, ...). */
  FAULT,
  /** Alarm transmission system (path) fault, evidence under DD243 4.3. */
  ATS_FAULT,
  /** Unset (opening). */
  OPEN,
  /** Set (closing). */
  CLOSE,
  /** Mis-operation / cancel / abort signal (CID 406, SIA BC/OC). */
  CANCEL,
  TEST,
  /** Zone bypassed, inhibited or isolated. */
  BYPASS,
  /** Wrong-code lockout and similar user-code tamper (SIA JA). */
  USER_CODE_TAMPER,
  FIRE,
  MEDICAL,
  /** Exit error / recent closing and similar setting faults. */
  SETTING_ERROR,
  /** Known code whose meaning is informational only (e.g. dealer id). */
  INFORMATION,
  /** Not in the catalogue: kept verbatim, handled as needing attention. */
  UNKNOWN;

  /** Hold-up family for the ARC: hold-up, confirmed hold-up and duress. */
  public boolean isHoldUpFamily() {
    return this == HOLD_UP || this == CONFIRMED_HOLD_UP || this == DURESS;
  }

  /** Intruder family for the ARC. */
  public boolean isIntruderFamily() {
    return this == INTRUDER || this == CONFIRMED_INTRUDER;
  }

  public boolean isConfirmed() {
    return this == CONFIRMED_INTRUDER || this == CONFIRMED_HOLD_UP;
  }
}
