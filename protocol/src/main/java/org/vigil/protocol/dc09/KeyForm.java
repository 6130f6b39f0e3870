package org.vigil.protocol.dc09;

/**
 * How an AES key is typed in (research A.10): as hex (32/48/64 hex characters give 16/24/32
 * bytes) or as ASCII (16/24/32 characters used as their own bytes). Both exist in the field, so the
 * ARC stores the form per account.
 */
public enum KeyForm {
  HEX,
  ASCII
}
