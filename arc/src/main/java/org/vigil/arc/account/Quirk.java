package org.vigil.arc.account;

/**
 * Deviations from SIA DC-09 that real panels show (research dc09-and-arc.md A.15) and that an
 * account declares as expected. A frame is never refused for a quirk (its CRC proves it came intact
 * from the panel, and refusing would lose the alarm); an undeclared quirk is stored on the signal
 * as a deviation and logged, so the administrator can fix the panel or declare it.
 */
public enum Quirk {
  /** CRC sent as two raw bytes instead of four hex characters (Lupusec, Egardia, Trikdis E16). */
  BINARY_CRC,
  /** Length field written in decimal (Eldes). */
  DECIMAL_LENGTH,
  /** Lower-case hex in CRC, length, receiver/line or ciphertext. */
  LOWER_CASE_HEX,
  /** Unencrypted frames without a timestamp (allowed by DC-09; declared so it is expected). */
  MISSING_TIMESTAMP
}
