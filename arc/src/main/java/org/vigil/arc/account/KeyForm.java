package org.vigil.arc.account;

/** How an account's AES key was typed: hex digits (32/48/64) or the ASCII characters themselves (16/24/32). */
public enum KeyForm {
  HEX,
  ASCII
}
