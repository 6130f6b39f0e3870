package org.vigil.protocol.cid;

/** Outcome of parsing a Contact ID payload. */
public sealed interface ContactIdParse {

  /** @param account the {@code #acct|} prefix of the data block, null when absent */
  record Parsed(String account, ContactIdEvent event) implements ContactIdParse {}

  record Invalid(int offset, String reason) implements ContactIdParse {
    @Override
    public String toString() {
      return reason + " (at character " + offset + ")";
    }
  }
}
