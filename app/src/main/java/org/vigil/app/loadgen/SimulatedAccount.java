package org.vigil.app.loadgen;

import org.vigil.protocol.dc09.Dc09Key;

/**
 * One simulated panel's identity: account number, optional receiver and line, and its AES key
 * (null = clear text). {@link #toString} never shows the key.
 */
public record SimulatedAccount(String number, String receiver, String line, Dc09Key key) {
  @Override
  public String toString() {
    return "SimulatedAccount[" + number + (key == null ? "" : " key=***") + "]";
  }
}
