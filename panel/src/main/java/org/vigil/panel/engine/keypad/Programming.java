package org.vigil.panel.engine.keypad;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.PinHash;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.users.AuthorityLevel;
import org.vigil.panel.engine.users.Credentials;
import org.vigil.panel.engine.users.DuressSignal;
import org.vigil.panel.engine.users.InstallerAccess;
import org.vigil.panel.engine.users.Refusal;
import org.vigil.panel.engine.users.UsersFeature;

/**
 * User programming from the keypad, Vista style (seed 001; docs/users.md "Programming users at the
 * keypad"). The {@code CODE} key is the {@code 8} pressed right after a code of {@code codes.length}
 * digits (or a key named {@code CODE}, needed when codes have no fixed length):
 *
 * <pre>
 *   code + CODE + uuu + new code        add user uuu (operator A in this partition) or change its code
 *   code + CODE + uuu + code again      delete user uuu (the actor's own code, or his duress code)
 *   code + CODE + uuu + # 1 + L         authority level L (0-6) in this partition
 *   code + CODE + uuu + # 2 + 0|1       open/close reporting off/on (the installer only)
 *   code + CODE + uuu + # 3 + P + L     authority level L in partition number P; L = 9 takes P away
 * </pre>
 *
 * A new code is complete after {@code codes.length} digits (or at {@code *}, or at 8 digits). Any
 * other key cancels, and so do 30 s without a key. Each request goes through the same {@link UsersFeature#manage} rules as
 * {@link Input.ManageUser} from the API, with the same refusals on the display and in the log. The
 * keypad shows prompts, never a digit of a code; the typed code lives only in the keypad state (left
 * out of snapshots) until the sequence ends. "This partition" is the first of the keypad's areas where
 * the actor is a master, manager or installer (else the first where he has any access).
 *
 * <p>The {@code CODE} key is the command key after the code (the 5th key press for a 4-digit code),
 * so a duress code sends its silent signal there, and the programming then runs exactly as with the
 * normal code.
 */
public final class Programming {
  static final String RULE = "Vista: user programming, code + [8] + user number";
  /** A sequence left unfinished this long after its last key is abandoned (a keypad left half-way). */
  static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);

  private Programming() {}

  /** The programming sequence at a keypad has seen no key for {@link #TIMEOUT}. */
  public record Timeout(String keypad) implements org.vigil.panel.engine.TimerKey {}

  /**
   * Abandons a sequence left half-way, so the next person's digits never become someone's new code.
   */
  static void timeout(Step step, String keypadId) {
    KeypadFeature.Entry e = KeypadFeature.entry(step, keypadId);
    if (!(e.pending() instanceof KeypadFeature.AwaitUser || e.pending() instanceof KeypadFeature.AwaitCode || e.pending() instanceof KeypadFeature.AwaitAttribute)) return;
    KeypadFeature.put(step, keypadId, e.cleared());
    step.display(keypadId, "Cancelled");
    step.log("user programming at keypad " + keypadId + " abandoned after " + org.vigil.panel.yaml.Durations.format(TIMEOUT) + " without a key", RULE, true);
  }

  /** The CODE key after {@code typed}. */
  static void start(Step step, Keypad keypad, String typed) {
    Optional<Credentials.Match> m = Credentials.byCode(UsersFeature.users(step), typed);
    if (m.isEmpty()) {
      KeypadFeature.wrong(step, keypad);
      return;
    }
    User u = m.get().user();
    if (!KeypadFeature.usable(step, keypad, u)) return;
    List<String> access = KeypadFeature.access(keypad, u);
    List<String> duressAreas = access.stream().filter(a -> m.get().duress() || u.levelIn(a) == AuthorityLevel.DURESS.number()).toList();
    if (!duressAreas.isEmpty()) DuressSignal.send(step, u.number(), duressAreas, "keypad " + keypad.id());
    String area = access.stream().filter(a -> u.levelIn(a) <= 2).findFirst().orElse(access.get(0));
    int level = u.levelIn(area);
    if (!AuthorityLevel.of(level).managesUsers()) {
      refuse(step, keypad, new Refusal("Your code may not add or change users", "Vista: operator codes cannot add or modify any user code"));
      return;
    }
    Optional<Refusal> gate = InstallerAccess.check(step, level);
    if (gate.isPresent()) {
      refuse(step, keypad, gate.get());
      return;
    }
    pending(step, keypad, new KeypadFeature.AwaitUser(u.number(), area, ""));
    step.display(keypad.id(), "Enter user number (3 digits)");
  }

  /** A key while programming. */
  static void key(Step step, Keypad keypad, KeypadFeature.Entry e, String k, boolean digit) {
    switch (e.pending()) {
      case KeypadFeature.AwaitUser(int actor, String area, String digits) -> {
        if (!digit) {
          cancel(step, keypad);
          return;
        }
        String d = digits + k;
        if (d.length() < 3) {
          pending(step, keypad, new KeypadFeature.AwaitUser(actor, area, d));
          return;
        }
        int user = Integer.parseInt(d);
        if (user < 1 || user > 150) {
          refuse(step, keypad, new Refusal("User numbers are 001-150", "Vista: 3-digit user numbers"));
          return;
        }
        pending(step, keypad, new KeypadFeature.AwaitCode(actor, area, user, ""));
        step.display(keypad.id(), String.format("User %03d: enter code, or # for options", user));
      }
      case KeypadFeature.AwaitCode(int actor, String area, int user, String digits) -> {
        if (k.equals("#") && digits.isEmpty()) {
          pending(step, keypad, new KeypadFeature.AwaitAttribute(actor, area, user, ""));
          step.display(keypad.id(), String.format("User %03d: 1 level, 2 open/close, 3 partition", user));
          return;
        }
        if (k.equals("*") && !digits.isEmpty()) {
          clear(step, keypad);
          code(step, keypad, actor, area, user, digits);
          return;
        }
        if (!digit) {
          cancel(step, keypad);
          return;
        }
        String d = digits + k;
        int length = step.site().codes().length();
        if ((length > 0 && d.length() >= length) || d.length() >= KeypadFeature.MAX_DIGITS) {
          clear(step, keypad);
          code(step, keypad, actor, area, user, d);
          return;
        }
        pending(step, keypad, new KeypadFeature.AwaitCode(actor, area, user, d));
      }
      case KeypadFeature.AwaitAttribute(int actor, String area, int user, String digits) -> {
        if (!digit) {
          cancel(step, keypad);
          return;
        }
        String d = digits + k;
        int needed = switch (d.charAt(0)) {
          case '1', '2' -> 2;
          case '3' -> 3;
          default -> 1;
        };
        if (d.length() < needed) {
          pending(step, keypad, new KeypadFeature.AwaitAttribute(actor, area, user, d));
          return;
        }
        clear(step, keypad);
        attribute(step, keypad, actor, area, user, d);
      }
      default -> clear(step, keypad);
    }
  }

  /** code + CODE + uuu + digits: add, change, or (the actor's own code again) delete. */
  private static void code(Step step, Keypad keypad, int actor, String area, int user, String digits) {
    List<User> users = UsersFeature.users(step);
    User me = KeypadFeature.user(step, actor);
    if (me == null) {
      refuse(step, keypad, new Refusal("Unknown user", "user deleted meanwhile"));
      return;
    }
    // Both hashes are always computed: the work done does not tell which of the two matched.
    boolean again = matches(me.pin(), digits) | matches(me.duressPin(), digits);
    boolean exists = users.stream().anyMatch(x -> x.number() == user);
    String source = "keypad " + keypad.id();
    Input.ManageUser m;
    if (again) {
      m = new Input.ManageUser(source, actor, area, Input.UserAction.DELETE, user, null, null, null, null);
    } else if (exists) {
      m = new Input.ManageUser(source, actor, area, Input.UserAction.CHANGE_CODE, user, null, null, new Input.Code(digits), null);
    } else {
      // Vista: a new user starts at operator A in the partition it is added in; #1 changes it.
      m = new Input.ManageUser(source, actor, area, Input.UserAction.ADD, user, String.format("user %03d", user),
          Map.of(area, AuthorityLevel.OPERATOR_A.number()), new Input.Code(digits), null);
    }
    UsersFeature.manage(step, m);
  }

  /** code + CODE + uuu + # + attribute digits. */
  private static void attribute(Step step, Keypad keypad, int actor, String area, int user, String d) {
    String source = "keypad " + keypad.id();
    switch (d.charAt(0)) {
      case '1' -> {
        int level = d.charAt(1) - '0';
        if (level > 6) {
          refuse(step, keypad, new Refusal("Authority levels are 0-6", RULE + " # 1"));
          return;
        }
        UsersFeature.manage(step, new Input.ManageUser(source, actor, area, Input.UserAction.SET_AUTHORITY, user, null, Map.of(area, level), null, null));
      }
      case '2' -> {
        int v = d.charAt(1) - '0';
        if (v > 1) {
          refuse(step, keypad, new Refusal("Open/close reporting: 0 off, 1 on", RULE + " # 2"));
          return;
        }
        UsersFeature.manage(step, new Input.ManageUser(source, actor, area, Input.UserAction.SET_OPEN_CLOSE, user, null, null, null, v == 1));
      }
      case '3' -> {
        int number = d.charAt(1) - '0';
        int level = d.charAt(2) - '0';
        Area target = step.site().areas().stream().filter(a -> a.number() == number).findFirst().orElse(null);
        if (target == null) {
          refuse(step, keypad, new Refusal("No partition " + number, RULE + " # 3"));
          return;
        }
        if (level > 6 && level != 9) {
          refuse(step, keypad, new Refusal("Authority levels are 0-6 (9 takes the partition away)", RULE + " # 3"));
          return;
        }
        UsersFeature.manage(step, new Input.ManageUser(source, actor, area, Input.UserAction.SET_AUTHORITY, user, null,
            Map.of(target.id(), level == 9 ? -1 : level), null, null));
      }
      default -> refuse(step, keypad, new Refusal("Unknown option " + d.charAt(0), RULE + ": # 1 level, # 2 open/close, # 3 partition"));
    }
  }

  private static boolean matches(PinHash h, String code) {
    return h != null && h.matches(code) & (h.length() == 0 || h.length() == code.length());
  }

  private static void pending(Step step, Keypad keypad, KeypadFeature.Pending p) {
    KeypadFeature.Entry e = KeypadFeature.entry(step, keypad.id());
    KeypadFeature.put(step, keypad.id(), new KeypadFeature.Entry("", false, p, e.wrong(), e.lockedUntil()));
    step.schedule(new Timeout(keypad.id()), TIMEOUT);
  }

  private static void clear(Step step, Keypad keypad) {
    KeypadFeature.put(step, keypad.id(), KeypadFeature.entry(step, keypad.id()).cleared());
    step.cancel(new Timeout(keypad.id()));
  }

  private static void cancel(Step step, Keypad keypad) {
    clear(step, keypad);
    step.display(keypad.id(), "Cancelled");
  }

  private static void refuse(Step step, Keypad keypad, Refusal r) {
    clear(step, keypad);
    KeypadFeature.refuse(step, keypad, r);
  }
}
