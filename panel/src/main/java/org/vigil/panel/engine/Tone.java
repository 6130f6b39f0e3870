package org.vigil.panel.engine;

/** Keypad sounds. */
public enum Tone {
  KEY,
  ACCEPT,
  ERROR,
  /** Setting due / exit procedure running (BS 8243 6.3: internal audible indication). */
  EXIT,
  ENTRY,
  /** Time-limited indication that setting has completed (DD243 6.3). */
  SET_COMPLETE,
  ALARM,
  SILENT
}
