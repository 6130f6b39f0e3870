package org.vigil.arc.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An account as written by people: the JSON of the HTTP API, one entry of a YAML import, one CSV
 * row. Absent (null) fields keep the current value on update, or take the default on create. The
 * key is write-only: {@link #of(Account)} never fills it, and {@code key: ""} removes a key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountDocument(
    Long id,
    String number,
    String receiver,
    String line,
    String name,
    String siteAddress,
    String siteNotes,
    String key,
    String keyForm,
    Boolean keyConfigured,
    Boolean encryptionRequired,
    Boolean checkTimestamp,
    Integer windowPastSeconds,
    Integer windowFutureSeconds,
    List<String> quirks,
    List<SupervisedPath> supervision,
    Integer supervisionGraceSeconds,
    String duressRoute) {

  /** Where duress signals go: the console's handling profile (POLICE or ARC_AND_KEYHOLDERS); null keeps it. */
  public static final java.util.Set<String> DURESS_ROUTES = java.util.Set.of("POLICE", "ARC_AND_KEYHOLDERS");

  public AccountDocument(Long id, String number, String receiver, String line, String name, String siteAddress,
      String siteNotes, String key, String keyForm, Boolean keyConfigured, Boolean encryptionRequired,
      Boolean checkTimestamp, Integer windowPastSeconds, Integer windowFutureSeconds, List<String> quirks,
      List<SupervisedPath> supervision, Integer supervisionGraceSeconds) {
    this(id, number, receiver, line, name, siteAddress, siteNotes, key, keyForm, keyConfigured, encryptionRequired,
        checkTimestamp, windowPastSeconds, windowFutureSeconds, quirks, supervision, supervisionGraceSeconds, null);
  }

  /** The duress route in upper case, or null when the document does not set it. */
  public String duressRouteName() {
    return duressRoute == null || duressRoute.isBlank() ? null : duressRoute.trim().toUpperCase(Locale.ROOT);
  }

  /** The public view of an account (no key). */
  public static AccountDocument of(Account a) {
    return new AccountDocument(a.id(), a.number(), a.receiver(), a.line(), a.name(), a.siteAddress(), a.siteNotes(),
        null, a.keyForm() == null ? null : a.keyForm().name(), a.hasKey(), a.encryptionRequired(), a.checkTimestamp(),
        a.windowPastSeconds(), a.windowFutureSeconds(), a.quirks().stream().map(Enum::name).sorted().toList(),
        a.supervision(), a.supervisionGraceSeconds());
  }

  /**
   * Applies this document on top of {@code base} (an existing account, or {@link Account#of} for a
   * new one). Unknown quirk or key-form names are reported as problems, not exceptions.
   */
  public Account applyTo(Account base) throws InvalidAccountException {
    List<AccountProblem> problems = new ArrayList<>();
    Set<Quirk> q = base.quirks().isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(base.quirks());
    if (quirks != null) {
      q = EnumSet.noneOf(Quirk.class);
      for (String s : quirks) {
        try {
          q.add(Quirk.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          problems.add(new AccountProblem("quirks", "unknown quirk '" + s + "' (known: BINARY_CRC, DECIMAL_LENGTH,"
              + " LOWER_CASE_HEX, MISSING_TIMESTAMP)"));
        }
      }
    }
    String newKey = base.key();
    KeyForm form = base.keyForm();
    if (keyForm != null && !keyForm.isBlank()) {
      try {
        form = KeyForm.valueOf(keyForm.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new AccountProblem("keyForm", "must be HEX or ASCII"));
      }
    }
    if (duressRouteName() != null && !DURESS_ROUTES.contains(duressRouteName())) {
      problems.add(new AccountProblem("duressRoute", "must be POLICE or ARC_AND_KEYHOLDERS"));
    }
    if (key != null) {
      newKey = key.isEmpty() ? null : key;
      if (newKey != null && (keyForm == null || keyForm.isBlank()))
        problems.add(new AccountProblem("keyForm", "say how the key is written: HEX or ASCII"));
    }
    if (!problems.isEmpty()) throw new InvalidAccountException(problems);
    Account a = new Account(
        base.id(),
        number != null ? number.trim() : base.number(),
        receiver != null ? receiver : base.receiver(),
        line != null ? line : base.line(),
        name != null ? name : base.name(),
        siteAddress != null ? siteAddress : base.siteAddress(),
        siteNotes != null ? siteNotes : base.siteNotes(),
        newKey,
        newKey == null ? null : form,
        encryptionRequired != null ? encryptionRequired : base.encryptionRequired(),
        checkTimestamp != null ? checkTimestamp : base.checkTimestamp(),
        windowPastSeconds != null ? windowPastSeconds : base.windowPastSeconds(),
        windowFutureSeconds != null ? windowFutureSeconds : base.windowFutureSeconds(),
        q,
        supervision != null ? supervision : base.supervision(),
        supervisionGraceSeconds != null ? supervisionGraceSeconds : base.supervisionGraceSeconds());
    return AccountValidator.valid(a);
  }

  public Account toNewAccount() throws InvalidAccountException {
    if (number == null || number.isBlank())
      throw new InvalidAccountException(List.of(new AccountProblem("number", "is required")));
    return applyTo(Account.of(number.trim()));
  }
}
