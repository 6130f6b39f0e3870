package org.vigil.panel.engine.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.HoldUpDevice;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.Reader;
import org.vigil.panel.config.RestorePolicy;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.ZoneState;
import org.vigil.panel.engine.devices.DeviceConditions;
import org.vigil.panel.engine.keypad.KeypadFeature;
import org.vigil.panel.engine.users.AuthorityLevel;
import org.vigil.panel.engine.users.UsersFeature;

/**
 * Alarm memory and restore (EN 50131-1 Table 6 by grade; BS 8243 A.3 and BS 8473 remote reset).
 *
 * <p>Each intruder alarm, confirmed intruder alarm, tamper (and bus communication loss, processed as
 * tamper, BS 8243 H.3.1), fault, masking and ATS fault is remembered per area until restored. A
 * restore by a user at access level 2 or an engineer at level 3 clears what {@link Table6} lets that
 * level restore at the site's grade, once the condition itself has cleared ("restore" returns to the
 * previous condition, EN 50131-1 3.1.56); every refusal is logged with its reason and rule. What is
 * left prevents setting. A level 2 user's unset or set command restores, on the way, what level 2
 * may restore (as panels do: "unset restores"); what needs level 3 stays.
 *
 * <p>After a confirmed alarm only the engineer or the ARC may restore (A.3). The ARC restores either
 * over the alarm transmission link ({@code RemoteCommand RESTORE}, user 0) or by the BS 8473
 * anti-code: the panel shows a challenge, the ARC gives the response ({@link AntiCode}).
 */
public final class RestoreFeature implements Feature {

  /** One condition waiting for a restore. {@code device} is null for an area-wide alarm. */
  public record Memory(Table6 row, String device, Instant at) {}

  /**
   * @param items conditions waiting for a restore, oldest first
   * @param challenge the outstanding remote-reset challenge, or null
   * @param wrong wrong anti-code responses to the outstanding challenge
   * @param counter challenges issued so far (makes every challenge new)
   */
  public record AreaMemory(List<Memory> items, String challenge, int wrong, long counter) {
    public static final AreaMemory EMPTY = new AreaMemory(List.of(), null, 0, 0);
  }

  public record State(Map<String, AreaMemory> areas) {
    public static final State EMPTY = new State(Map.of());

    public AreaMemory area(String id) {
      return areas.getOrDefault(id, AreaMemory.EMPTY);
    }
  }

  static final String REMOTE_RULE = "BS8243 A.3 / BS8473 remote reset";
  static final String PRESENT_RULE = "EN50131-1 3.1.56 restore (condition still present)";

  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.TamperOpen(String d) -> remember(step, d, Table6.TAMPER);
      case Input.CommsLost(String d) -> remember(step, d, Table6.TAMPER);
      case Input.FaultRaised(String d) -> remember(step, d, Table6.FAULT);
      case Input.Masked(String d) -> remember(step, d, Table6.MASKING);
      case Input.PathChanged(String p, boolean up) when !up -> {
        for (var a : step.site().areas()) add(step, a.id(), Table6.ATS_FAULT, p);
      }
      case Input.AlarmRaised a when a.kind() == Input.AlarmKind.INTRUDER ->
          add(step, a.area(), a.confirmed() ? Table6.CONFIRMED_INTRUDER_ALARM : Table6.INTRUDER_ALARM, null);
      case Input.Restore(String area, int user) -> userRestore(step, area, user);
      case Input.RestoreRequest r -> restore(step, r.area(), r.user(), r.level(), r.source());
      case Input.RemoteCommand(String area, Input.RemoteAction action, int user) when action == Input.RemoteAction.RESTORE -> remote(step, area, user);
      case Input.AntiCodeResponse(String area, String response) -> antiCode(step, area, response);
      case Input.AreaChanged c when c.to() == AreaStatus.UNSET && c.from() != AreaStatus.SETTING -> unset(step, c.area(), c.user());
      default -> {}
    }
  }

  // ---- public helpers for setting ----

  /**
   * Before setting: a level 2 (or 3) user's set command restores what that level may restore. Returns
   * what still needs a restore, as text for the display, with the rule of the first.
   */
  public static Blocking beforeSetting(Step step, String area, int user, String source) {
    // Quick arm sets without a code: it restores nothing.
    if (source == null || !source.contains("quick arm")) autoRestore(step, area, user, "at setting");
    // Conditions still present are reported by the Table 4 check; here only what waits for a restore.
    List<Memory> items = state(step).area(area).items().stream().filter(i -> !stillPresent(step, i)).toList();
    if (items.isEmpty()) return null;
    int grade = step.site().site().grade();
    boolean confirmed = items.stream().anyMatch(i -> i.row() == Table6.CONFIRMED_INTRUDER_ALARM);
    if (confirmed) return new Blocking("engineer restore required", Table6.CONFIRMED_INTRUDER_ALARM.rule(grade));
    Memory first = items.get(0);
    List<String> what = items.stream().map(i -> describe(step, i)).distinct().toList();
    return new Blocking("restore required (" + String.join(", ", what) + ")", first.row().rule(grade));
  }

  /** Why setting is prevented by unrestored conditions. */
  public record Blocking(String text, String rule) {}

  /** The EN 50131-1 access level of a user in an area: 2 user, 3 engineer (when authorised), -1 none. */
  public static int accessLevel(Step step, String area, int userNo) {
    if (userNo == 0) return 2;
    User u = UsersFeature.users(step).stream().filter(x -> x.number() == userNo).findFirst().orElse(null);
    if (u == null || u.levelIn(area) < 0) return -1;
    AuthorityLevel l = AuthorityLevel.of(u.levelIn(area));
    if (l == AuthorityLevel.INSTALLER && !engineerAuthorised(step)) return -1;
    return l.accessLevel();
  }

  private static boolean engineerAuthorised(Step step) {
    if (step.site().codes().engineerAccess().isZero()) return true;
    Instant until = step.feature(KeypadFeature.Keypads.class, KeypadFeature.Keypads.EMPTY).engineerUntil();
    return until != null && step.now().isBefore(until);
  }

  // ---- memory ----

  private static State state(Step step) {
    return step.feature(State.class, State.EMPTY);
  }

  private static void put(Step step, String area, AreaMemory m) {
    Map<String, AreaMemory> areas = new HashMap<>(state(step).areas());
    areas.put(area, m);
    step.putFeature(State.class, new State(areas));
  }

  private void remember(Step step, String device, Table6 row) {
    for (String area : areasOf(step, device)) add(step, area, row, device);
  }

  private static void add(Step step, String area, Table6 row, String device) {
    if (step.site().area(area).isEmpty()) return;
    AreaMemory m = state(step).area(area);
    if (m.items().stream().anyMatch(i -> i.row() == row && java.util.Objects.equals(i.device(), device))) return;
    List<Memory> items = new ArrayList<>(m.items());
    items.add(new Memory(row, device, step.now()));
    put(step, area, new AreaMemory(items, m.challenge(), m.wrong(), m.counter()));
  }

  private static List<String> areasOf(Step step, String device) {
    var site = step.site();
    Detector d = site.detector(device).orElse(null);
    if (d != null) return List.of(d.area());
    HoldUpDevice h = site.holdUpDevice(device).orElse(null);
    if (h != null) return List.of(h.area());
    Keypad k = site.keypad(device).orElse(null);
    if (k != null) return k.areas();
    Reader r = site.reader(device).orElse(null);
    if (r != null) return r.areas();
    return List.of();
  }

  /** The condition itself has not cleared yet: nothing to return to (3.1.56). */
  private static boolean stillPresent(Step step, Memory i) {
    if (i.device() == null) return false;
    return switch (i.row()) {
      case TAMPER -> {
        ZoneState z = step.zone(i.device());
        yield z.tamper() || z.commsLost();
      }
      case FAULT -> step.zone(i.device()).fault();
      case MASKING -> DeviceConditions.masked(step, i.device());
      case ATS_FAULT -> !step.state().paths().getOrDefault(i.device(), true);
      default -> false;
    };
  }

  private static String describe(Step step, Memory i) {
    String name = i.device() == null ? null
        : step.site().detector(i.device()).map(Detector::name)
            .or(() -> step.site().holdUpDevice(i.device()).map(HoldUpDevice::name))
            .orElse(i.device());
    return i.row().label() + (name == null ? "" : " " + name);
  }

  // ---- restore ----

  private void userRestore(Step step, String area, int user) {
    if (step.site().area(area).isEmpty()) {
      step.log("restore for unknown area '" + area + "' ignored", "config: undefined id", false);
      return;
    }
    int level = accessLevel(step, area, user);
    if (level < 2) {
      step.displayArea(area, "Restore refused: no authority");
      step.log("restore by user " + user + " refused: no access level 2 or 3 in " + area, "EN50131-1 Table 6 (restore: access level 2/3)", true);
      return;
    }
    // One restore covers the hold-up alarms of the area too (the hold-up feature decides those).
    step.raise(new Input.HoldUpRestore(area, user, level, "restore request"));
    restore(step, area, user, level, "restore request");
  }

  private void remote(Step step, String area, int user) {
    if (step.site().area(area).isEmpty()) {
      step.log("remote restore for unknown area '" + area + "' ignored", "config: undefined id", false);
      return;
    }
    if (user == 0) {
      restoreAll(step, area, "the ARC (remote reset)");
      return;
    }
    boolean engineer = step.site().user(user).map(u -> u.levelIn(area) == AuthorityLevel.INSTALLER.number()).orElse(false);
    // A remote command on behalf of the engineer counts as level 3 (the ARC authenticated it).
    int level = engineer ? 3 : accessLevel(step, area, user);
    if (level < 2) {
      step.log("remote restore for user " + user + " refused: no access level 2 or 3 in " + area, "EN50131-1 Table 6 (restore: access level 2/3)", true);
      return;
    }
    restore(step, area, user, level, "remote, user " + user);
  }

  /** A restore at an access level: restores what Table 6 allows, refuses the rest with reasons. */
  private void restore(Step step, String area, int user, int level, String source) {
    AreaMemory m = state(step).area(area);
    int grade = step.site().site().grade();
    String who = "user " + user + " (access level " + level + ", " + source + ")";
    if (m.items().isEmpty()) {
      step.log("restore of " + area + " by " + who + ": nothing to restore", "EN50131-1 Table 6", false);
      return;
    }
    List<Memory> keep = new ArrayList<>();
    List<String> restored = new ArrayList<>();
    boolean needsRemote = false;
    for (Memory i : m.items()) {
      if (stillPresent(step, i)) {
        keep.add(i);
        step.log("restore of " + describe(step, i) + " by " + who + " refused: the condition is still present", PRESENT_RULE, true);
      } else if (level >= i.row().level(grade)) {
        restored.add(describe(step, i));
      } else {
        keep.add(i);
        needsRemote = true;
        String why = i.row() == Table6.CONFIRMED_INTRUDER_ALARM
            ? "after a confirmed alarm only the engineer or the ARC may restore"
            : "needs access level " + i.row().level(grade) + " at grade " + grade;
        step.log("restore of " + describe(step, i) + " by " + who + " refused: " + why, i.row().rule(grade), true);
      }
    }
    put(step, area, new AreaMemory(keep, m.challenge(), m.wrong(), m.counter()));
    String name = step.areaConfig(area).name();
    if (!restored.isEmpty()) {
      step.log(String.join(", ", restored) + " restored by " + who, "EN50131-1 Table 6 grade " + grade, true);
    }
    if (keep.isEmpty()) {
      step.displayArea(area, name + " restored");
    } else if (needsRemote) {
      boolean confirmed = keep.stream().anyMatch(i -> i.row() == Table6.CONFIRMED_INTRUDER_ALARM);
      step.displayArea(area, (confirmed ? "Engineer restore required" : "Engineer restore required (level 3)") + challengeText(step, area));
    } else {
      step.displayArea(area, "Cannot restore " + name + ": condition still present");
    }
  }

  /** Remote reset by the ARC (link or anti-code): everything whose condition has cleared. */
  private static void restoreAll(Step step, String area, String who) {
    AreaMemory m = state(step).area(area);
    List<Memory> keep = new ArrayList<>();
    List<String> restored = new ArrayList<>();
    for (Memory i : m.items()) {
      if (stillPresent(step, i)) {
        keep.add(i);
        step.log("remote reset of " + describe(step, i) + " refused: the condition is still present", PRESENT_RULE, true);
      } else {
        restored.add(describe(step, i));
      }
    }
    put(step, area, new AreaMemory(keep, null, 0, m.counter()));
    String name = step.areaConfig(area).name();
    if (restored.isEmpty() && keep.isEmpty()) {
      step.log("restore of " + area + " by " + who + ": nothing to restore", REMOTE_RULE, false);
      return;
    }
    if (!restored.isEmpty()) {
      step.displayArea(area, name + " restored");
      step.log(name + " restored by " + who + ": " + String.join(", ", restored), REMOTE_RULE, true);
    }
  }

  /** At a level 2/3 user's unset or set: restore what the level may; the rest stays. */
  private static void autoRestore(Step step, String area, int user, String when) {
    AreaMemory m = state(step).area(area);
    if (m.items().isEmpty()) return;
    int level = accessLevel(step, area, user);
    if (level < 2) return;
    int grade = step.site().site().grade();
    List<Memory> keep = new ArrayList<>();
    List<String> restored = new ArrayList<>();
    for (Memory i : m.items()) {
      if (!stillPresent(step, i) && level >= i.row().level(grade)) restored.add(describe(step, i));
      else keep.add(i);
    }
    if (restored.isEmpty()) return;
    put(step, area, new AreaMemory(keep, m.challenge(), m.wrong(), m.counter()));
    step.log(String.join(", ", restored) + " restored " + when + " by user " + user + " (access level " + level + ")", "EN50131-1 Table 6 grade " + grade, true);
  }

  private void unset(Step step, String area, int user) {
    autoRestore(step, area, user, "at unset");
    AreaMemory m = state(step).area(area);
    if (m.items().stream().anyMatch(i -> i.row() == Table6.CONFIRMED_INTRUDER_ALARM)) {
      step.displayArea(area, "Confirmed alarm: engineer restore required" + challengeText(step, area));
      step.log("a confirmed alarm occurred: the user may not restore; engineer/ARC restore required", Table6.CONFIRMED_INTRUDER_ALARM.rule(step.site().site().grade()), true);
    }
  }

  // ---- anti-code (BS 8473 remote reset) ----

  /** Issues (or repeats) the area's challenge; empty text when no anti-code secret is configured. */
  private static String challengeText(Step step, String area) {
    RestorePolicy p = step.site().restore();
    if (p.antiCodeSecret() == null) return "";
    AreaMemory m = state(step).area(area);
    String c = m.challenge();
    if (c == null) {
      long counter = m.counter() + 1;
      c = AntiCode.challenge(p.antiCodeSecret(), step.site().site().name(), area, counter);
      put(step, area, new AreaMemory(m.items(), c, 0, counter));
      step.log("remote reset challenge " + c + " issued for " + area, REMOTE_RULE, true);
    }
    return "; remote reset: quote " + c + " to the ARC";
  }

  /** {@link Input.AntiCodeResponse}; also called by the keypad (code + # + 61 + response). */
  public static void antiCode(Step step, String area, String response) {
    if (step.site().area(area).isEmpty()) {
      step.log("anti-code for unknown area '" + area + "' ignored", "config: undefined id", false);
      return;
    }
    RestorePolicy p = step.site().restore();
    AreaMemory m = state(step).area(area);
    if (p.antiCodeSecret() == null) {
      step.displayArea(area, "Remote reset not available");
      step.log("anti-code refused: no anti-code secret configured (restore.anti_code_secret)", REMOTE_RULE, true);
      return;
    }
    if (m.challenge() == null) {
      step.displayArea(area, "No remote reset pending");
      step.log("anti-code refused: no remote reset challenge outstanding for " + area, REMOTE_RULE, true);
      return;
    }
    if (response == null || !response.trim().matches("\\d{6}")) {
      step.displayArea(area, "Anti-code must be 6 digits");
      step.log("anti-code refused: not 6 digits", REMOTE_RULE, true);
      countWrong(step, area, p);
      return;
    }
    if (!AntiCode.matches(p.antiCodeSecret(), m.challenge(), response)) {
      step.displayArea(area, "Wrong anti-code");
      step.log("anti-code refused: wrong response to challenge " + m.challenge(), REMOTE_RULE, true);
      countWrong(step, area, p);
      return;
    }
    step.log("anti-code accepted for challenge " + m.challenge(), REMOTE_RULE, true);
    restoreAll(step, area, "the ARC (remote reset by anti-code)");
  }

  private static void countWrong(Step step, String area, RestorePolicy p) {
    AreaMemory m = state(step).area(area);
    int wrong = m.wrong() + 1;
    if (wrong < p.antiCodeAttempts()) {
      put(step, area, new AreaMemory(m.items(), m.challenge(), wrong, m.counter()));
      return;
    }
    // Too many wrong answers: the challenge is replaced, so guessing gains nothing.
    put(step, area, new AreaMemory(m.items(), null, 0, m.counter()));
    step.log(wrong + " wrong anti-code responses: challenge withdrawn, a new one is issued", REMOTE_RULE, true);
    step.displayArea(area, "Engineer restore required" + challengeText(step, area));
  }
}
