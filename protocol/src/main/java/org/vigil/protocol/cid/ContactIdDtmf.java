package org.vigil.protocol.cid;

import java.util.Objects;

/**
 * The 16-digit Contact ID message sent over a telephone line: {@code ACCT MT QEEE GG CCC S}
 * (research B.1). Digits are hexadecimal DTMF values; 0 counts as 10 in the checksum, and the sum
 * of all 16 digit values must be a multiple of 15.
 *
 * @param account 4 digits (0-9, B-F)
 * @param messageType 2 digits, 18 (or 98)
 * @param event qualifier, code, group and zone/user
 * @param checksum the check digit as sent
 */
public record ContactIdDtmf(String account, String messageType, ContactIdEvent event, char checksum) {

  public ContactIdDtmf {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(event, "event");
  }

  /** Outcome of reading a DTMF string. */
  public sealed interface Result {
    record Valid(ContactIdDtmf message) implements Result {}

    /** @param offset digit index (0-15) where the problem is */
    record Invalid(int offset, String reason) implements Result {}
  }

  /** Builds the message for an event, computing the check digit. */
  public static ContactIdDtmf of(String account, String messageType, ContactIdEvent event) {
    String first15 = account + messageType + event.qualifier() + event.event() + event.group()
        + event.zoneOrUser();
    if (first15.length() != 15) throw new IllegalArgumentException("account 4 and type 2 digits");
    for (int i = 0; i < 15; i++) {
      if (value(first15.charAt(i)) < 0) throw new IllegalArgumentException("not a DTMF digit");
    }
    return new ContactIdDtmf(account, messageType, event, checkDigit(first15));
  }

  /** Parses 16 digits (spaces ignored) and verifies the checksum. */
  public static Result parse(String text) {
    if (text == null) return new Result.Invalid(0, "no digits");
    String d = text.replace(" ", "");
    for (int i = 0; i < d.length(); i++) {
      if (value(d.charAt(i)) < 0) {
        return new Result.Invalid(i, "'" + d.charAt(i) + "' is not a Contact ID digit (0-9, B-F)");
      }
    }
    if (d.length() != 16) return new Result.Invalid(Math.min(d.length(), 15),
        "Contact ID message has 16 digits, got " + d.length());
    for (int i = 6; i < 15; i++) {
      char c = d.charAt(i);
      if (c < '0' || c > '9') {
        return new Result.Invalid(i, "qualifier, event, group and zone are decimal digits");
      }
    }
    char expected = checkDigit(d.substring(0, 15));
    if (Character.toUpperCase(d.charAt(15)) != expected) {
      return new Result.Invalid(15, "checksum digit " + d.charAt(15) + " is wrong, expected "
          + expected + " (digit sum, 0 counted as 10, must be a multiple of 15)");
    }
    ContactIdEvent e = new ContactIdEvent(d.charAt(6) - '0', d.substring(7, 10),
        d.substring(10, 12), d.substring(12, 15));
    return new Result.Valid(new ContactIdDtmf(d.substring(0, 4), d.substring(4, 6), e,
        expected));
  }

  /** The check digit for 15 digits: makes the sum of all 16 values a multiple of 15. */
  public static char checkDigit(String first15) {
    int sum = 0;
    for (int i = 0; i < first15.length(); i++) sum += value(first15.charAt(i));
    int s = 15 - sum % 15; // 1..15
    return s == 10 ? '0' : Character.toUpperCase(Character.forDigit(s, 16));
  }

  /** {@code ACCT MT QEEE GG CCC S}. */
  public String format() {
    return account + " " + messageType + " " + event.qualifier() + event.event() + " "
        + event.group() + " " + event.zoneOrUser() + " " + checksum;
  }

  /** DTMF digit value: 1-9 as is, 0 as 10, B-F as 11-15; -1 otherwise (A is not sent). */
  static int value(char c) {
    if (c == '0') return 10;
    if (c >= '1' && c <= '9') return c - '0';
    char u = Character.toUpperCase(c);
    if (u >= 'B' && u <= 'F') return u - 'A' + 10;
    return -1;
  }
}
