package org.vigil.panel.config;

/** What an output drives. */
public enum OutputType {
  /** External warning device (bell): unconfirmed alarm (DD243 Q&A). */
  EXTERNAL_WD,
  /** Internal sounder; also used for entry/exit and "setting due" tones. */
  INTERNAL_WD,
  /** Strobe on the bell box: confirmed alarm (DD243 Q&A). */
  STROBE,
  /** Status output that follows any (unconfirmed) alarm. */
  STATUS_UNCONFIRMED,
  /** Status output that follows a confirmed alarm (e.g. LED visible from outside). */
  STATUS_CONFIRMED,
  /** Discreet duress indicator (e.g. blue strobe in a back room, seed 000). */
  DURESS_INDICATOR,
  /** Electric door lock released by a reader. */
  DOOR_LOCK,
  /** Set/unset status. */
  SET_INDICATOR,
  /** Anything else, driven only by scenario/remote commands. */
  GENERIC
}
