package org.vigil.panel.config;

/** Hold-up device types (BS 8243 4.5, 3.1.28). */
public enum HoldUpType {
  /** Two separate buttons, synchronised push (4.5 a, e). */
  TWO_BUTTON,
  /** Multi-action device: two unambiguous signals from two methods of operation (3.1.28). */
  MULTI_ACTION,
  /** Portable (wireless) device; must be dedicated and two-button (4.5 e). */
  PORTABLE,
  /** Hold-up keys on the CIE or a keypad (ACE) (4.5 a-b). */
  ON_CIE,
  /** Single-action single-push device: not to be used (4.5 c). */
  SINGLE_PUSH,
  /** Time-delay trigger device: not to be used (4.5 d). */
  TIME_DELAY
}
