package org.vigil.protocol.cid;

/**
 * Contact ID inside DC-09 ADM-CID data blocks: {@code [#acct|]QEEE GG ZZZ} (research A.8). No
 * message type and no checksum here; see {@link ContactIdDtmf} for the 16-digit telephone form.
 */
public final class ContactId {

  private ContactId() {}

  /** Parses {@code #acct|QEEE GG ZZZ}; the account prefix is optional, the spaces are required. */
  public static ContactIdParse parse(String data) {
    if (data == null) return new ContactIdParse.Invalid(0, "no data");
    int i = 0;
    String account = null;
    if (data.startsWith("#")) {
      int bar = data.indexOf('|');
      if (bar < 0) return new ContactIdParse.Invalid(0, "account '#...' not followed by '|'");
      account = data.substring(1, bar);
      i = bar + 1;
    } else if (data.startsWith("|")) {
      i = 1;
    }
    String body = data.substring(i);
    if (body.length() != 11) {
      return new ContactIdParse.Invalid(i, "Contact ID event must be 'QEEE GG ZZZ' (11 characters),"
          + " got " + body.length());
    }
    for (int k = 0; k < 11; k++) {
      char c = body.charAt(k);
      boolean space = k == 4 || k == 7;
      if (space ? c != ' ' : (c < '0' || c > '9')) {
        return new ContactIdParse.Invalid(i + k, space ? "expected a space" : "expected a digit");
      }
    }
    return new ContactIdParse.Parsed(account, new ContactIdEvent(body.charAt(0) - '0',
        body.substring(1, 4), body.substring(5, 7), body.substring(8, 11)));
  }

  /** Writes {@code #acct|QEEE GG ZZZ} (without the prefix when account is null). */
  public static String format(String account, ContactIdEvent event) {
    return (account == null ? "" : "#" + account + "|") + event.format();
  }
}
