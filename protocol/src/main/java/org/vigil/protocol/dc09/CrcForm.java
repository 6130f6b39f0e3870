package org.vigil.protocol.dc09;

/**
 * How the CRC is written: four ASCII hex characters (the standard), or two raw bytes, high byte
 * first, as Lupusec, Egardia and Trikdis panels send it (research A.3). A receiver answers in the
 * form it received.
 */
public enum CrcForm {
  HEX,
  BINARY
}
