package org.vigil.panel.engine.keypad;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.TimerKey;
import org.vigil.panel.engine.Tone;
import org.vigil.panel.engine.users.Authority;
import org.vigil.panel.engine.users.AuthorityLevel;
import org.vigil.panel.engine.users.Credentials;
import org.vigil.panel.engine.users.DuressSignal;
import org.vigil.panel.engine.users.InstallerAccess;
import org.vigil.panel.engine.users.Refusal;
import org.vigil.panel.engine.users.UsersFeature;

/**
 * A keypad driven key by key, as a physical one is (docs/users.md). Digits collect; a command key
 * ends the entry: {@code OFF} (or {@code U}) unset, {@code AWAY} (or {@code A}) full set, {@code STAY}
 * part set B, {@code INSTANT} part set C, {@code B}/{@code C}/{@code D} part sets, {@code BYPASS}
 * followed by a 3-digit zone number. Code + {@code *} shows the user's capabilities; code + {@code #}
 * + 2 digits runs a function ({@code 65}: a master or manager authorises installer access, {@code
 * 64} ends it, {@code 60} restores, {@code 61} + 6 digits gives the BS 8473 anti-code response from
 * the ARC, {@code 62} overrides what prevents setting for one set period);
 * {@code #} + AWAY/STAY/INSTANT quick-arms when enabled. Code + {@code CODE} (the {@code 8} key after a
 * full-length code) + 3-digit user number programs users as a Vista keypad does: + new code adds or
 * changes, + the actor's own code again deletes, + {@code #1} + level, {@code #2} + 0/1 (open/close),
 * {@code #3} + partition + level (9 takes the partition away); see {@link Programming}.
 *
 * <p>A duress code is reported on the command key after it (the 5th key press for a 4-digit code),
 * never on {@code *} or {@code #}, and then does exactly what the normal code does. The code itself
 * is never logged, displayed or kept in the state beyond the digits being typed.
 */
public final class KeypadFeature implements Feature {
  static final int MAX_DIGITS = 8;
  static final String AUTH_RULE = "EN50131-1 8.3 authorisation";
  static final String LOCKOUT_RULE = "EN50131-3 invalid code attempts: lockout >= 90 s (standards.md 1.4)";
  static final String ENGINEER_RULE = InstallerAccess.RULE;

  /** The keypad becomes usable again after a lockout. */
  public record LockoutEnds(String keypad) implements TimerKey {}

  /** Something a key sequence is waiting for after the code. */
  public sealed interface Pending {}

  /** BYPASS was pressed: waiting for a 3-digit zone number. */
  public record AwaitZone(int user, String digits) implements Pending {}

  /** Code + # was pressed: waiting for a 2-digit function number. */
  public record AwaitFunction(int user, String digits) implements Pending {}

  /**
   * Code + # + 61: waiting for the 6-digit BS 8473 anti-code response for {@code area}. The digits are
   * a secret answer from the ARC: never shown or printed.
   */
  public record AwaitAntiCode(int user, String area, String digits) implements Pending {
    static final int LENGTH = 6;

    @Override
    public String toString() {
      return "AwaitAntiCode[user=" + user + ", area=" + area + ", digits=hidden]";
    }
  }

  /** Code + CODE was pressed: waiting for the 3-digit user number to program, acting in {@code area}. */
  public record AwaitUser(int actor, String area, String digits) implements Pending {}

  /** Code + CODE + user: waiting for a new code (or the actor's code again, or #). Digits hidden. */
  public record AwaitCode(int actor, String area, int user, String digits) implements Pending {
    @Override
    public String toString() {
      return "AwaitCode[actor=" + actor + ", area=" + area + ", user=" + user + ", digits=hidden]";
    }
  }

  /** Code + CODE + user + #: waiting for an attribute number and its value. */
  public record AwaitAttribute(int actor, String area, int user, String digits) implements Pending {}

  /**
   * One keypad's entry.
   *
   * @param typed digits typed so far (cleared at every command key)
   * @param quick {@code #} pressed with no code: the next AWAY/STAY/INSTANT is a quick arm
   * @param wrong wrong codes in a row
   * @param lockedUntil end of a lockout, or null
   */
  public record Entry(String typed, boolean quick, Pending pending, int wrong, Instant lockedUntil) {
    static final Entry EMPTY = new Entry("", false, null, 0, null);

    Entry cleared() {
      return new Entry("", false, null, wrong, lockedUntil);
    }
  }

  /**
   * Keypad feature state.
   *
   * @param engineerUntil end of the installer access authorised by a level 2 user, or null (written
   *     by {@link InstallerAccess}, from a keypad or {@link Input.AuthoriseInstaller})
   */
  public record Keypads(Map<String, Entry> entries, Instant engineerUntil) {
    public static final Keypads EMPTY = new Keypads(Map.of(), null);

    public Entry entry(String keypad) {
      return entries.getOrDefault(keypad, Entry.EMPTY);
    }
  }

  /** What a command key asks for. */
  record Command(Input.CommandKind kind, String partSet, boolean bypass) {}

  static Optional<Command> command(String key) {
    return Optional.ofNullable(switch (key) {
      case "OFF", "U" -> new Command(Input.CommandKind.UNSET, null, false);
      case "AWAY", "A" -> new Command(Input.CommandKind.SET, null, false);
      case "STAY", "B" -> new Command(Input.CommandKind.SET, "B", false);
      case "INSTANT", "C" -> new Command(Input.CommandKind.SET, "C", false);
      case "D" -> new Command(Input.CommandKind.SET, "D", false);
      case "BYPASS" -> new Command(null, null, true);
      default -> null;
    });
  }

  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.KeyPressed(String keypadId, String key) -> {
        Keypad keypad = keypadId == null ? null : step.site().keypad(keypadId).orElse(null);
        if (keypad == null) return; // logged by DeviceConditions
        if (key == null || key.isBlank()) return;
        key(step, keypad, key.trim().toUpperCase(Locale.ROOT));
      }
      case Input.TimerFired(LockoutEnds(String keypadId)) -> unlock(step, keypadId);
      case Input.TimerFired(Programming.Timeout(String keypadId)) -> Programming.timeout(step, keypadId);
      default -> {}
    }
  }

  // ---- keys ----

  private void key(Step step, Keypad keypad, String k) {
    Entry e = entry(step, keypad.id());
    boolean digit = k.length() == 1 && Character.isDigit(k.charAt(0));
    if (e.lockedUntil() != null && step.now().isBefore(e.lockedUntil())) {
      if (!digit) {
        step.display(keypad.id(), "Keypad locked");
        step.tone(keypad.id(), Tone.ERROR);
      }
      return;
    }
    if (e.pending() != null) {
      pending(step, keypad, e, k, digit);
      return;
    }
    int length = step.site().codes().length();
    // The 8 after a full-length code is the CODE key only when that code is a credential: stray digits
    // before a code keep collecting as before (wrong code at the command key), whatever the code's digits.
    boolean codeKey = "CODE".equals(k) || (k.equals("8") && length > 0 && e.typed().length() == length && !e.quick()
        && Credentials.byCode(UsersFeature.users(step), e.typed()).isPresent());
    if (codeKey && !e.typed().isEmpty()) {
      put(step, keypad.id(), e.cleared());
      Programming.start(step, keypad, e.typed());
      return;
    }
    if (digit) {
      String typed = e.typed().length() < MAX_DIGITS ? e.typed() + k : e.typed();
      put(step, keypad.id(), new Entry(typed, e.quick(), null, e.wrong(), e.lockedUntil()));
      return;
    }
    String typed = e.typed();
    boolean quick = e.quick();
    put(step, keypad.id(), e.cleared());
    switch (k) {
      case "*" -> {
        if (!typed.isEmpty()) capabilities(step, keypad, typed);
      }
      case "#" -> {
        if (typed.isEmpty()) put(step, keypad.id(), new Entry("", true, null, e.wrong(), e.lockedUntil()));
        else function(step, keypad, typed);
      }
      case "ESC", "CLEAR" -> {}
      default -> {
        Optional<Command> c = command(k);
        if (c.isEmpty()) {
          step.log("unknown key '" + k + "' at keypad " + keypad.id(), "keypad", false);
        } else if (typed.isEmpty()) {
          if (quick && c.get().kind() == Input.CommandKind.SET) quickArm(step, keypad, c.get());
          else refuse(step, keypad, new Refusal("Enter your code first", AUTH_RULE));
        } else {
          code(step, keypad, typed, c.get());
        }
      }
    }
  }

  private void pending(Step step, Keypad keypad, Entry e, String k, boolean digit) {
    if (e.pending() instanceof AwaitUser || e.pending() instanceof AwaitCode || e.pending() instanceof AwaitAttribute) {
      Programming.key(step, keypad, e, k, digit);
      return;
    }
    if (!digit) {
      put(step, keypad.id(), e.cleared());
      step.display(keypad.id(), "Cancelled");
      return;
    }
    switch (e.pending()) {
      case AwaitZone(int user, String digits) -> {
        String d = digits + k;
        if (d.length() < 3) {
          put(step, keypad.id(), new Entry("", false, new AwaitZone(user, d), e.wrong(), e.lockedUntil()));
          return;
        }
        put(step, keypad.id(), e.cleared());
        bypass(step, keypad, user, Integer.parseInt(d));
      }
      case AwaitAntiCode(int user, String area, String digits) -> {
        String d = digits + k;
        if (d.length() < AwaitAntiCode.LENGTH) {
          put(step, keypad.id(), new Entry("", false, new AwaitAntiCode(user, area, d), e.wrong(), e.lockedUntil()));
          return;
        }
        put(step, keypad.id(), e.cleared());
        // The restore feature checks the answer, shows the outcome and logs it (never the digits).
        org.vigil.panel.engine.restore.RestoreFeature.antiCode(step, area, d);
      }
      case AwaitFunction(int user, String digits) -> {
        String d = digits + k;
        if (d.length() < 2) {
          put(step, keypad.id(), new Entry("", false, new AwaitFunction(user, d), e.wrong(), e.lockedUntil()));
          return;
        }
        put(step, keypad.id(), e.cleared());
        runFunction(step, keypad, user, d);
      }
      default -> put(step, keypad.id(), e.cleared());
    }
  }

  // ---- a code and a command key ----

  private void code(Step step, Keypad keypad, String typed, Command c) {
    Optional<Credentials.Match> m = Credentials.byCode(UsersFeature.users(step), typed);
    if (m.isEmpty()) {
      wrong(step, keypad);
      return;
    }
    User u = m.get().user();
    if (!usable(step, keypad, u)) return;
    List<String> access = access(keypad, u);
    // The 5th key press: the command key after the code (never * or #, handled elsewhere).
    List<String> duressAreas = access.stream().filter(a -> m.get().duress() || u.levelIn(a) == AuthorityLevel.DURESS.number()).toList();
    if (!duressAreas.isEmpty()) DuressSignal.send(step, u.number(), duressAreas, "keypad " + keypad.id());
    List<String> allowed = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    for (String a : access) {
      int level = u.levelIn(a);
      Optional<Refusal> r = InstallerAccess.check(step, level);
      if (r.isEmpty()) {
        if (c.bypass()) r = Authority.bypass(level);
        else if (c.kind() == Input.CommandKind.SET) r = Authority.arm(level);
        else r = Authority.disarm(level, u.number(), step.area(a));
      }
      if (r.isPresent()) refused.add(r.get());
      else allowed.add(a);
    }
    for (Refusal r : refused) step.log("user " + u.number() + " refused at keypad " + keypad.id() + ": " + r.reason(), r.rule(), true);
    if (allowed.isEmpty()) {
      show(step, keypad, refused.get(0));
      return;
    }
    if (c.bypass()) {
      put(step, keypad.id(), new Entry("", false, new AwaitZone(u.number(), ""), 0, null));
      step.display(keypad.id(), "Bypass: enter zone number");
      return;
    }
    step.raise(new Input.Command("keypad " + keypad.id(), keypad.id(), u.number(), List.copyOf(allowed), c.kind(), c.partSet()));
  }

  /** Checks validity windows; a correct code (valid or not) resets the wrong-code count. */
  static boolean usable(Step step, Keypad keypad, User u) {
    Entry e = entry(step, keypad.id());
    put(step, keypad.id(), new Entry(e.typed(), e.quick(), e.pending(), 0, e.lockedUntil()));
    Optional<Refusal> v = Credentials.validAt(u, step.now(), step.site().site().timeZone());
    if (v.isPresent()) {
      step.log("user " + u.number() + " refused at keypad " + keypad.id() + ": " + v.get().reason(), v.get().rule(), true);
      show(step, keypad, v.get());
      return false;
    }
    if (access(keypad, u).isEmpty()) {
      refuse(step, keypad, new Refusal("No access to this keypad's areas", "Vista: authority per partition"));
      return false;
    }
    return true;
  }

  /** Areas of the keypad where the user has any authority. */
  static List<String> access(Keypad keypad, User u) {
    return keypad.areas().stream().filter(a -> u.levelIn(a) >= 0).toList();
  }

  private void quickArm(Step step, Keypad keypad, Command c) {
    if (!step.site().codes().quickArm()) {
      refuse(step, keypad, new Refusal("Quick arm is not enabled", "Vista *29: quick arm disabled"));
      return;
    }
    step.raise(new Input.Command("keypad " + keypad.id() + " quick arm", keypad.id(), Authority.QUICK_ARM_USER, keypad.areas(), c.kind(), c.partSet()));
  }

  // ---- code + * : capabilities ----

  private void capabilities(Step step, Keypad keypad, String typed) {
    Optional<Credentials.Match> m = Credentials.byCode(UsersFeature.users(step), typed);
    if (m.isEmpty()) {
      wrong(step, keypad);
      return;
    }
    User u = m.get().user();
    if (!usable(step, keypad, u)) return;
    List<String> parts = new ArrayList<>();
    for (String a : access(keypad, u)) parts.add(step.areaConfig(a).name() + ": " + AuthorityLevel.of(u.levelIn(a)).rights());
    step.display(keypad.id(), String.format("User %03d %s", u.number(), String.join("; ", parts)));
    step.tone(keypad.id(), Tone.ACCEPT);
  }

  // ---- code + # + function ----

  private void function(Step step, Keypad keypad, String typed) {
    Optional<Credentials.Match> m = Credentials.byCode(UsersFeature.users(step), typed);
    if (m.isEmpty()) {
      wrong(step, keypad);
      return;
    }
    if (!usable(step, keypad, m.get().user())) return;
    Entry e = entry(step, keypad.id());
    put(step, keypad.id(), new Entry("", false, new AwaitFunction(m.get().user().number(), ""), e.wrong(), e.lockedUntil()));
  }

  private void runFunction(Step step, Keypad keypad, int userNumber, String fn) {
    User u = user(step, userNumber);
    if (u == null) {
      refuse(step, keypad, new Refusal("Unknown user", "user deleted meanwhile"));
      return;
    }
    switch (fn) {
      case "65", "64" -> InstallerAccess.on(step, new Input.AuthoriseInstaller("keypad " + keypad.id(), u.number(), fn.equals("65")));
      case "60" -> {
        // Hold-up alarm restore at the user's access level (EN 50131-1 Table 6; docs/holdup.md).
        List<String> areas = access(keypad, u).stream().filter(a -> InstallerAccess.check(step, u.levelIn(a)).isEmpty()).toList();
        if (areas.isEmpty()) {
          refuse(step, keypad, InstallerAccess.check(step, AuthorityLevel.INSTALLER.number()).orElseThrow());
          return;
        }
        for (String a : areas) {
          step.raise(new Input.HoldUpRestore(a, u.number(), AuthorityLevel.of(u.levelIn(a)).accessLevel(), "keypad " + keypad.id()));
          // Intruder, tamper, fault and masking memory: the restore feature (EN 50131-1 Table 6).
          step.raise(new Input.RestoreRequest(a, u.number(), AuthorityLevel.of(u.levelIn(a)).accessLevel(), "keypad " + keypad.id()));
        }
        step.tone(keypad.id(), Tone.ACCEPT);
      }
      case "61" -> antiCode(step, keypad, u);
      case "62" -> {
        // Override of what prevents setting, for one set period (EN 50131-1 Table 5; the setting feature decides).
        List<String> areas = authorised(step, keypad, u);
        if (areas.isEmpty()) return;
        for (String a : areas) org.vigil.panel.engine.setting.SettingFeature.override(step, a, u.number());
      }
      default -> refuse(step, keypad, new Refusal("Unknown function " + fn, FUNCTIONS));
    }
  }

  static final String FUNCTIONS = "keypad functions: 60 restore, 61 anti-code, 62 override, 64, 65 installer access";
  static final String ANTI_CODE_RULE = "BS8473 remote reset: anti-code typed at the keypad";

  /**
   * The keypad's areas where the user has authority and, for an installer, an authorised window; when
   * none, the refusal is shown and logged and the list is empty.
   */
  private static List<String> authorised(Step step, Keypad keypad, User u) {
    List<String> areas = access(keypad, u).stream().filter(a -> InstallerAccess.check(step, u.levelIn(a)).isEmpty()).toList();
    if (areas.isEmpty()) refuse(step, keypad, InstallerAccess.check(step, AuthorityLevel.INSTALLER.number()).orElseThrow());
    return areas;
  }

  /**
   * Code + # + 61: the anti-code answers the outstanding remote-reset challenge of one area. A keypad
   * of several areas answers the first of them (in the keypad's order) with a challenge outstanding;
   * with none outstanding, its first area, where the restore feature says so.
   */
  private static void antiCode(Step step, Keypad keypad, User u) {
    List<String> areas = authorised(step, keypad, u);
    if (areas.isEmpty()) return;
    var memory = step.feature(org.vigil.panel.engine.restore.RestoreFeature.State.class, org.vigil.panel.engine.restore.RestoreFeature.State.EMPTY);
    String area = areas.stream().filter(a -> memory.area(a).challenge() != null).findFirst().orElse(areas.get(0));
    Entry e = entry(step, keypad.id());
    put(step, keypad.id(), new Entry("", false, new AwaitAntiCode(u.number(), area, ""), e.wrong(), e.lockedUntil()));
    step.display(keypad.id(), "Anti-code for " + step.areaConfig(area).name() + ": enter 6 digits");
    step.log("user " + u.number() + " entering an anti-code at keypad " + keypad.id() + " for " + area, ANTI_CODE_RULE, false);
  }

  // ---- BYPASS + zone ----

  private void bypass(Step step, Keypad keypad, int userNumber, int zone) {
    User u = user(step, userNumber);
    if (u == null) {
      refuse(step, keypad, new Refusal("Unknown user", "user deleted meanwhile"));
      return;
    }
    Detector d = step.site().detectors().stream().filter(x -> x.zone() == zone && keypad.areas().contains(x.area())).findFirst().orElse(null);
    if (d == null) {
      refuse(step, keypad, new Refusal(String.format("No zone %03d at this keypad", zone), "config: zones of the keypad's areas"));
      return;
    }
    Optional<Refusal> r = Authority.bypass(u.levelIn(d.area()));
    if (r.isEmpty() && step.area(d.area()).status() != AreaStatus.UNSET) r = Optional.of(new Refusal("Unset the area before bypassing", "Vista: bypass while disarmed"));
    if (r.isPresent()) {
      refuse(step, keypad, r.get());
      return;
    }
    step.zone(d.id(), step.zone(d.id()).withInhibited(true));
    String rule = "EN50131-1 8.3.5 inhibit (access level 2) / Vista: operator A may bypass";
    step.display(keypad.id(), String.format("Bypassed %03d %s", zone, d.name()));
    step.tone(keypad.id(), Tone.ACCEPT);
    step.log(String.format("zone %03d %s bypassed by user %d until the next unset", zone, d.name(), u.number()), rule, true);
    step.notify(Codes.notification(Signal.INHIBIT, 570, d.area(), step.areaConfig(d.area()).number(), d.zone(), u.number(), false, rule, "bypass of " + d.name()));
  }

  // ---- wrong codes and lockout ----

  static void wrong(Step step, Keypad keypad) {
    Entry e = entry(step, keypad.id());
    CodePolicy p = step.site().codes();
    int n = e.wrong() + 1;
    step.display(keypad.id(), "Code not accepted");
    step.tone(keypad.id(), Tone.ERROR);
    step.log("code not accepted at keypad " + keypad.id() + " (" + n + " of " + p.lockoutAttempts() + ")", AUTH_RULE, true);
    if (n < p.lockoutAttempts()) {
      put(step, keypad.id(), new Entry("", false, null, n, null));
      return;
    }
    Instant until = step.now().plus(p.lockoutTime());
    put(step, keypad.id(), new Entry("", false, null, n, until));
    step.scheduleAt(new LockoutEnds(keypad.id()), until);
    step.display(keypad.id(), "Keypad locked");
    String text = "keypad " + keypad.id() + " locked for " + org.vigil.panel.yaml.Durations.format(p.lockoutTime()) + " after " + n + " wrong codes";
    step.log(text, LOCKOUT_RULE, true);
    if (p.lockoutSignal()) {
      String area = keypad.areas().get(0);
      step.notify(Codes.notification(Signal.WRONG_CODE, 461, area, step.areaConfig(area).number(), null, null, false, LOCKOUT_RULE, text));
    }
  }

  private void unlock(Step step, String keypadId) {
    Entry e = entry(step, keypadId);
    // Grade 3 and above: each further wrong code locks again (Vanderbilt SPC G3); below, a fresh count.
    int grade = step.site().site().grade();
    int wrong = grade >= 3 ? Math.max(0, step.site().codes().lockoutAttempts() - 1) : 0;
    put(step, keypadId, new Entry("", false, null, wrong, null));
    step.display(keypadId, "Ready");
    step.log("keypad " + keypadId + " usable again" + (grade >= 3 ? " (grade " + grade + ": each further wrong code locks it again)" : ""), LOCKOUT_RULE, true);
  }

  // ---- helpers ----

  static void refuse(Step step, Keypad keypad, Refusal r) {
    show(step, keypad, r);
    step.log("refused at keypad " + keypad.id() + ": " + r.reason(), r.rule(), true);
  }

  static void show(Step step, Keypad keypad, Refusal r) {
    step.display(keypad.id(), r.reason());
    step.tone(keypad.id(), Tone.ERROR);
  }

  static User user(Step step, int number) {
    return UsersFeature.users(step).stream().filter(u -> u.number() == number).findFirst().orElse(null);
  }

  static Entry entry(Step step, String keypad) {
    return step.feature(Keypads.class, Keypads.EMPTY).entry(keypad);
  }

  static void put(Step step, String keypad, Entry e) {
    Keypads k = step.feature(Keypads.class, Keypads.EMPTY);
    Map<String, Entry> m = new HashMap<>(k.entries());
    m.put(keypad, e);
    step.putFeature(Keypads.class, new Keypads(m, k.engineerUntil()));
  }
}
