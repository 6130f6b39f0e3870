package org.vigil.arc.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an account definition before it is stored; every problem is reported with its field. */
public final class AccountValidator {
  private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z]{3,16}");
  private static final Pattern HEX_1_6 = Pattern.compile("[0-9A-Fa-f]{1,6}");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern PATH = Pattern.compile("\\*|ip:[0-9A-Fa-f:.]+|(R[0-9A-F]{1,6})?(L[0-9A-F]{0,6})?");
  /** Supervision intervals seen in the field run from 1 s to 24 h (research A.12); allow up to 7 days. */
  static final int MAX_INTERVAL_SECONDS = 7 * 24 * 3600;

  private AccountValidator() {}

  public static List<AccountProblem> problems(Account a) {
    List<AccountProblem> p = new ArrayList<>();
    if (a.number() == null || !NUMBER.matcher(a.number()).matches())
      p.add(new AccountProblem("number", "must be 3 to 16 letters or digits (DC-09 #acct)"));
    if (!a.receiver().isEmpty() && !HEX_1_6.matcher(a.receiver()).matches())
      p.add(new AccountProblem("receiver", "must be 1 to 6 hex digits, or empty for any receiver"));
    if (!a.line().isEmpty() && !HEX_1_6.matcher(a.line()).matches())
      p.add(new AccountProblem("line", "must be 1 to 6 hex digits, or empty for any line"));
    if (a.key() != null) checkKey(a.key(), a.keyForm(), p);
    if (a.encryptionRequired() && a.key() == null)
      p.add(new AccountProblem("encryptionRequired", "needs a key"));
    if (a.windowPastSeconds() < 0 || a.windowPastSeconds() > 86_400)
      p.add(new AccountProblem("windowPastSeconds", "must be 0..86400"));
    if (a.windowFutureSeconds() < 0 || a.windowFutureSeconds() > 86_400)
      p.add(new AccountProblem("windowFutureSeconds", "must be 0..86400"));
    if (a.supervisionGraceSeconds() < 0 || a.supervisionGraceSeconds() > 86_400)
      p.add(new AccountProblem("supervisionGraceSeconds", "must be 0..86400"));
    if (a.name().length() > 200) p.add(new AccountProblem("name", "at most 200 characters"));
    if (a.siteAddress().length() > 500) p.add(new AccountProblem("siteAddress", "at most 500 characters"));
    if (a.siteNotes().length() > 4000) p.add(new AccountProblem("siteNotes", "at most 4000 characters"));
    Set<String> seen = new HashSet<>();
    for (SupervisedPath s : a.supervision()) {
      String f = "supervision[" + s.path() + "]";
      if (!PATH.matcher(s.path()).matches() || s.path().isEmpty())
        p.add(new AccountProblem(f, "path must be R<hex>L<hex>, ip:<address> or *"));
      if (s.intervalSeconds() < 1 || s.intervalSeconds() > MAX_INTERVAL_SECONDS)
        p.add(new AccountProblem(f, "intervalSeconds must be 1.." + MAX_INTERVAL_SECONDS));
      if (!seen.add(s.path())) p.add(new AccountProblem(f, "path listed twice"));
    }
    return p;
  }

  public static Account valid(Account a) throws InvalidAccountException {
    List<AccountProblem> p = problems(a);
    if (!p.isEmpty()) throw new InvalidAccountException(p);
    return a;
  }

  /** Key sizes and forms from research A.10: AES-128/192/256 as 32/48/64 hex or 16/24/32 ASCII characters. */
  private static void checkKey(String key, KeyForm form, List<AccountProblem> p) {
    if (form == null) {
      p.add(new AccountProblem("keyForm", "must be HEX or ASCII when a key is given"));
      return;
    }
    switch (form) {
      case HEX -> {
        if (!HEX.matcher(key).matches() || !(key.length() == 32 || key.length() == 48 || key.length() == 64))
          p.add(new AccountProblem("key", "a HEX key is 32, 48 or 64 hex digits (AES-128/192/256)"));
      }
      case ASCII -> {
        boolean printable = key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (!printable || !(key.length() == 16 || key.length() == 24 || key.length() == 32))
          p.add(new AccountProblem("key", "an ASCII key is 16, 24 or 32 printable characters (AES-128/192/256)"));
      }
    }
  }
}
