package org.vigil.arc.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An ARC account: one panel (or one reporting identity) with the receiver/line prefix it reports
 * under, its key, its acceptance policy and its supervised paths.
 *
 * @param id database id, 0 before it is stored
 * @param number the account number as typed (case preserved, e.g. {@code 1234}, {@code foc7688})
 * @param receiver the DC-09 receiver number it reports to (normalised hex), "" = any
 * @param line the DC-09 line / account prefix (normalised hex), "" = any
 * @param key the AES key as typed, null when the account has none; a secret
 * @param keyForm how {@code key} is written, null when there is no key
 * @param encryptionRequired clear-text frames are refused (NAK) when true
 * @param checkTimestamp whether frames carrying a timestamp are checked against the window
 * @param windowPastSeconds how far a panel's timestamp may lag the receiver clock
 * @param windowFutureSeconds how far it may lead
 */
public record Account(
    long id,
    String number,
    String receiver,
    String line,
    String name,
    String siteAddress,
    String siteNotes,
    String key,
    KeyForm keyForm,
    boolean encryptionRequired,
    boolean checkTimestamp,
    int windowPastSeconds,
    int windowFutureSeconds,
    Set<Quirk> quirks,
    List<SupervisedPath> supervision,
    int supervisionGraceSeconds) {

  public Account {
    receiver = normaliseHex(receiver);
    line = normaliseHex(line);
    name = name == null ? "" : name;
    siteAddress = siteAddress == null ? "" : siteAddress;
    siteNotes = siteNotes == null ? "" : siteNotes;
    quirks = quirks == null || quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
    supervision = supervision == null ? List.of() : List.copyOf(supervision);
    if (key == null) keyForm = null;
  }

  /** A new account with the defaults an ARC administrator expects (DC-09 window +20 s / -40 s). */
  public static Account of(String number) {
    return new Account(0, number, "", "", "", "", "", null, null, false, true, 40, 20, Set.of(), List.of(), 30);
  }

  public boolean hasKey() {
    return key != null;
  }

  public String numberKey() {
    return numberKey(number);
  }

  public Account withId(long newId) {
    return new Account(newId, number, receiver, line, name, siteAddress, siteNotes, key, keyForm,
        encryptionRequired, checkTimestamp, windowPastSeconds, windowFutureSeconds, quirks,
        supervision, supervisionGraceSeconds);
  }

  public Account withKey(String newKey, KeyForm form) {
    return new Account(id, number, receiver, line, name, siteAddress, siteNotes, newKey, form,
        encryptionRequired, checkTimestamp, windowPastSeconds, windowFutureSeconds, quirks,
        supervision, supervisionGraceSeconds);
  }

  /** Account numbers match case-insensitively: panels send {@code foc7688} and installers type FOC7688. */
  public static String numberKey(String number) {
    return number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
  }

  /** Receiver and line are hex numbers: {@code 01}, {@code 1} and {@code 001} are the same line. */
  public static String normaliseHex(String value) {
    if (value == null) return "";
    String v = value.trim().toUpperCase(Locale.ROOT);
    int i = 0;
    while (i < v.length() - 1 && v.charAt(i) == '0') i++;
    return v.substring(i);
  }

  /** Short text for logs and messages; never includes the key. */
  public String label() {
    String prefix = (receiver.isEmpty() ? "" : "R" + receiver) + (line.isEmpty() ? "" : "L" + line);
    return (prefix.isEmpty() ? "" : prefix + " ") + "#" + number + (name.isEmpty() ? "" : " (" + name + ")");
  }

  @Override
  public String toString() {
    // Records print every component; the key must never reach a log.
    return "Account[" + id + " " + label() + (hasKey() ? " key=" + keyForm + ":***" : "") + "]";
  }
}
