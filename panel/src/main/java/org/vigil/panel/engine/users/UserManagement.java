package org.vigil.panel.engine.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.config.PinHash;
import org.vigil.panel.config.User;

/**
 * Adding, changing and deleting user codes under the seed 001 rules. Pure: takes the user list and
 * returns a new one, or a {@link Refusal} with the reason for the user and the rule for the log.
 *
 * <ul>
 *   <li>Only levels 0, 1 and 2 add users, and only at a lower authority level.
 *   <li>A user may grant only partitions he has.
 *   <li>A user may not change or delete the code of a user of the same or higher authority; levels
 *       0-2 may change their own code, operators may not change any code.
 *   <li>A code is changed or deleted only from within the partition it was created in (its home).
 *   <li>Open/close reporting: chosen by the installer; a user added by a master or manager inherits
 *       the adder's setting.
 * </ul>
 */
public final class UserManagement {
  static final String ADD_RULE = "Vista: only levels 0, 1 and 2 add users, at a LOWER authority level";
  static final String GRANT_RULE = "Vista: a user may assign only partitions he has access to";
  static final String CHANGE_RULE = "Vista: a user may not delete or change a code of the SAME or HIGHER authority";
  static final String HOME_RULE = "Vista: a code is changed or deleted only from within the partition it was created in";
  static final String CODE_RULE = "EN50131-1 8.3 codes (4-8 digits, unique)";

  private UserManagement() {}

  public sealed interface Outcome {}

  /** Done: the new user list and a log line (never containing a code). */
  public record Done(List<User> users, String log, String rule) implements Outcome {}

  public record Refused(Refusal refusal) implements Outcome {}

  /**
   * A user to add. {@code pin} is the clear code (hidden from {@link #toString()}); {@code openClose}
   * is used only when the installer adds the user.
   */
  public record NewUser(int number, String name, Map<String, Integer> authority, String pin, Boolean openClose) {
    @Override
    public String toString() {
      return "NewUser[number=" + number + ", name=" + name + ", authority=" + authority + ", pin=hidden, openClose=" + openClose + "]";
    }
  }

  /** How to hash a new code: PBKDF2 iterations and a salt chosen by the caller (keeps this pure). */
  public record Hashing(int iterations, byte[] salt) {}

  public static Outcome add(List<User> users, int actorNumber, String area, NewUser n, int codeLength, Hashing hashing) {
    return add(users, actorNumber, area, n, codeLength, 0, hashing);
  }

  /**
   * Adds a user; {@code duressNeighbours} (codes.duress_neighbours) also refuses a code within that
   * distance of a duress code (EN 50131-3 8.3.2.2.1), with the same words as a code in use so the
   * refusal tells nobody where a duress code lies.
   */
  public static Outcome add(List<User> users, int actorNumber, String area, NewUser n, int codeLength, int duressNeighbours, Hashing hashing) {
    Optional<User> actor = find(users, actorNumber);
    if (actor.isEmpty()) return refused("Unknown user", ADD_RULE);
    int level = actor.get().levelIn(area);
    if (level < 0) return refused("No access to this area", GRANT_RULE);
    if (level > 2) return refused("Your code may not add users", ADD_RULE);
    if (n.number() < 1 || n.number() > 150) return refused("User numbers are 001-150", "Vista: 3-digit user numbers");
    if (find(users, n.number()).isPresent()) return refused(String.format("User %03d already exists", n.number()), "Vista: one code per user number");
    if (!n.authority().containsKey(area)) return refused("The new user needs authority in this partition", HOME_RULE);
    for (var e : n.authority().entrySet()) {
      int mine = actor.get().levelIn(e.getKey());
      if (mine < 0) return refused("You may grant only partitions you have (" + e.getKey() + ")", GRANT_RULE);
      if (e.getValue() < 0 || e.getValue() > 6) return refused("Authority levels are 0-6", ADD_RULE);
      if (e.getValue() <= mine) return refused("Users can be added only at a level lower than yours", ADD_RULE);
    }
    Optional<Refusal> bad = code(users, n.pin(), codeLength, duressNeighbours, -1);
    if (bad.isPresent()) return new Refused(bad.get());
    Boolean openClose = level == 0 ? (n.openClose() == null ? Boolean.TRUE : n.openClose()) : inherited(actor.get());
    User u = new User(n.number(), n.name() == null ? "user " + n.number() : n.name(), area, new LinkedHashMap<>(n.authority()),
        hash(n.pin(), hashing), List.of(), null, null, List.of(), openClose, null);
    List<User> out = new ArrayList<>(users);
    out.add(u);
    return new Done(List.copyOf(out), String.format("user %03d added in %s by user %03d (open/close reporting %s)", n.number(), area, actorNumber, openClose ? "on" : "off"),
        level == 0 ? ADD_RULE + "; open/close chosen by the installer" : ADD_RULE + "; open/close inherited from the adder");
  }

  public static Outcome changeCode(List<User> users, int actorNumber, String area, int targetNumber, String newPin, int codeLength, Hashing hashing) {
    return changeCode(users, actorNumber, area, targetNumber, newPin, codeLength, 0, hashing);
  }

  /** Changes a code; {@code duressNeighbours} as for {@link #add}. */
  public static Outcome changeCode(List<User> users, int actorNumber, String area, int targetNumber, String newPin, int codeLength, int duressNeighbours, Hashing hashing) {
    Optional<Refusal> r = mayModify(users, actorNumber, area, targetNumber, true);
    if (r.isPresent()) return new Refused(r.get());
    Optional<Refusal> bad = code(users, newPin, codeLength, duressNeighbours, targetNumber);
    if (bad.isPresent()) return new Refused(bad.get());
    List<User> out = new ArrayList<>();
    for (User u : users) {
      out.add(u.number() != targetNumber ? u
          : new User(u.number(), u.name(), u.homeArea(), u.authority(), hash(newPin, hashing), u.cards(), u.validFrom(), u.validUntil(), u.schedules(), u.openCloseReporting(), u.duressPin()));
    }
    return new Done(List.copyOf(out), String.format("code of user %03d changed by user %03d", targetNumber, actorNumber), CHANGE_RULE);
  }

  public static Outcome delete(List<User> users, int actorNumber, String area, int targetNumber) {
    if (actorNumber == targetNumber) return refused("You cannot delete your own code", CHANGE_RULE);
    Optional<Refusal> r = mayModify(users, actorNumber, area, targetNumber, false);
    if (r.isPresent()) return new Refused(r.get());
    List<User> out = users.stream().filter(u -> u.number() != targetNumber).toList();
    return new Done(out, String.format("user %03d deleted by user %03d", targetNumber, actorNumber), CHANGE_RULE);
  }

  /**
   * Grants, changes or takes away authority of user {@code targetNumber}: {@code changes} maps area to
   * level 0-6, or -1 to take the area away. Per area: the actor must have it (GRANT_RULE), may give
   * only a level lower than his own there (ADD_RULE) and may not touch a user of the same or higher
   * authority there (CHANGE_RULE); the home partition cannot be taken away. Acting from {@code area},
   * where the actor must be a master, manager or the installer.
   */
  public static Outcome setAuthority(List<User> users, int actorNumber, String area, int targetNumber, Map<String, Integer> changes) {
    Optional<User> actor = find(users, actorNumber);
    Optional<User> target = find(users, targetNumber);
    if (actor.isEmpty()) return refused("Unknown user", CHANGE_RULE);
    if (target.isEmpty()) return refused(String.format("No user %03d", targetNumber), CHANGE_RULE);
    int here = actor.get().levelIn(area);
    if (here < 0) return refused("No access to this area", GRANT_RULE);
    if (here > 2) return refused("Your code may not change users", "Vista: operator codes cannot add or modify any user code");
    if (actorNumber == targetNumber) return refused("You cannot change your own authority", CHANGE_RULE);
    if (changes == null || changes.isEmpty()) return refused("Nothing to change", CHANGE_RULE);
    Map<String, Integer> next = new LinkedHashMap<>(target.get().authority());
    List<String> said = new ArrayList<>();
    String rule = CHANGE_RULE;
    for (var e : changes.entrySet()) {
      String a = e.getKey();
      int level = e.getValue() == null ? -1 : e.getValue();
      int mine = actor.get().levelIn(a);
      if (mine < 0) return refused("You may grant only partitions you have (" + a + ")", GRANT_RULE);
      if (mine > 2) return refused("Your code may not change users in " + a, "Vista: operator codes cannot add or modify any user code");
      int theirs = target.get().levelIn(a);
      if (theirs >= 0 && theirs <= mine) return refused("User of the same or higher authority", CHANGE_RULE);
      if (level == -1) {
        if (a.equals(target.get().homeArea())) return refused("The home partition cannot be taken away", HOME_RULE);
        next.remove(a);
        said.add(a + " removed");
        continue;
      }
      if (level < 0 || level > 6) return refused("Authority levels are 0-6", ADD_RULE);
      if (level <= mine) return refused("Only a level lower than yours", ADD_RULE);
      next.put(a, level);
      said.add(a + " level " + level + " (" + AuthorityLevel.of(level).label() + ")");
      if (theirs < 0) rule = GRANT_RULE;
    }
    User t = target.get();
    User changed = new User(t.number(), t.name(), t.homeArea(), next, t.pin(), t.cards(), t.validFrom(), t.validUntil(), t.schedules(), t.openCloseReporting(), t.duressPin());
    return new Done(replace(users, changed), String.format("authority of user %03d set by user %03d: %s", targetNumber, actorNumber, String.join(", ", said)), rule);
  }

  static final String OPEN_CLOSE_RULE = "Vista: open/close reporting is chosen by the installer; a master's or manager's new user inherits theirs";

  /** Open/close reporting of a user: the installer's choice (seed 001), under the usual change rules. */
  public static Outcome setOpenClose(List<User> users, int actorNumber, String area, int targetNumber, boolean report) {
    Optional<Refusal> r = mayModify(users, actorNumber, area, targetNumber, true);
    if (r.isPresent()) return new Refused(r.get());
    if (find(users, actorNumber).orElseThrow().levelIn(area) != AuthorityLevel.INSTALLER.number()) {
      return refused("Only the installer sets open/close reporting", OPEN_CLOSE_RULE);
    }
    User t = find(users, targetNumber).orElseThrow();
    User changed = new User(t.number(), t.name(), t.homeArea(), t.authority(), t.pin(), t.cards(), t.validFrom(), t.validUntil(), t.schedules(), report, t.duressPin());
    return new Done(replace(users, changed), String.format("open/close reporting of user %03d set %s by user %03d", targetNumber, report ? "on" : "off", actorNumber), OPEN_CLOSE_RULE);
  }

  private static List<User> replace(List<User> users, User changed) {
    return users.stream().map(u -> u.number() == changed.number() ? changed : u).toList();
  }

  static Optional<Refusal> mayModify(List<User> users, int actorNumber, String area, int targetNumber, boolean change) {
    Optional<User> actor = find(users, actorNumber);
    Optional<User> target = find(users, targetNumber);
    if (actor.isEmpty()) return Optional.of(new Refusal("Unknown user", CHANGE_RULE));
    if (target.isEmpty()) return Optional.of(new Refusal(String.format("No user %03d", targetNumber), CHANGE_RULE));
    int mine = actor.get().levelIn(area);
    if (mine < 0) return Optional.of(new Refusal("No access to this area", GRANT_RULE));
    if (mine > 2) return Optional.of(new Refusal("Your code may not change codes", "Vista: operator codes cannot add or modify any user code"));
    if (change && actorNumber == targetNumber) return Optional.empty();
    if (!area.equals(target.get().homeArea())) {
      return Optional.of(new Refusal("Change this code from partition " + target.get().homeArea() + " where it was created", HOME_RULE));
    }
    int theirs = target.get().levelIn(area);
    if (theirs >= 0 && theirs <= mine) return Optional.of(new Refusal("Code of the same or higher authority", CHANGE_RULE));
    return Optional.empty();
  }

  /** Open/close reporting a master or manager passes on (their own setting; absent means on). */
  static Boolean inherited(User adder) {
    return adder.openCloseReporting() == null || adder.openCloseReporting();
  }

  /** The code is well formed and not already a credential (compared with every PIN and duress PIN). */
  static Optional<Refusal> code(List<User> users, String pin, int codeLength, int except) {
    return code(users, pin, codeLength, 0, except);
  }

  static Optional<Refusal> code(List<User> users, String pin, int codeLength, int duressNeighbours, int except) {
    if (pin == null || !pin.matches("\\d{4,8}")) return Optional.of(new Refusal("A code is 4 to 8 digits", CODE_RULE));
    if (codeLength > 0 && pin.length() != codeLength) return Optional.of(new Refusal("A code is " + codeLength + " digits here", CODE_RULE + "; codes.length"));
    for (User u : users) {
      if (u.number() == except) continue;
      if ((u.pin() != null && u.pin().matches(pin)) || (u.duressPin() != null && u.duressPin().matches(pin))) {
        return Optional.of(new Refusal("Code not available, choose another", CODE_RULE));
      }
    }
    // Codes next to a duress code (numerically, same length) are disallowed: a slip of one key must
    // never send a duress. Only the hashes are known, so the neighbours of the new code are hashed.
    for (int d = 1; d <= duressNeighbours; d++) {
      for (long v : new long[] {Long.parseLong(pin) - d, Long.parseLong(pin) + d}) {
        if (v < 0) continue;
        String near = String.format("%0" + pin.length() + "d", v);
        if (near.length() != pin.length()) continue;
        for (User u : users) {
          if (u.number() == except) continue;
          boolean duressCode = (u.duressPin() != null && u.duressPin().matches(near)) || (u.pin() != null && u.authority().containsValue(AuthorityLevel.DURESS.number()) && u.pin().matches(near));
          if (duressCode) return Optional.of(new Refusal("Code not available, choose another", CODE_RULE + "; disallowed codes (EN50131-3 8.3.2.2.1)"));
        }
      }
    }
    return Optional.empty();
  }

  private static PinHash hash(String pin, Hashing h) {
    return PinHash.of(pin, h.iterations(), h.salt());
  }

  private static Optional<User> find(List<User> users, int number) {
    return users.stream().filter(u -> u.number() == number).findFirst();
  }

  private static Outcome refused(String reason, String rule) {
    return new Refused(new Refusal(reason, rule));
  }
}
