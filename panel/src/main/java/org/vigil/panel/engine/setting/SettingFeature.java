package org.vigil.panel.engine.setting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Completion;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.DetectorRole;
import org.vigil.panel.config.PartSet;
import org.vigil.panel.config.Reader;
import org.vigil.panel.config.UnsetMethod;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.AreaState;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.TimerKey;
import org.vigil.panel.engine.Tone;
import org.vigil.panel.engine.ZoneState;

/**
 * Setting and unsetting: two-stage setting (initiated inside, completed by the area's method, BS
 * 8243 6.3 a-e; timed exit only under EN 50131), conditions that prevent setting (EN 50131-1 Table
 * 4), part setting, unsetting by code, digital key, or with the ARC, and open/close reporting.
 */
public final class SettingFeature implements Feature {

  /** Exit time of an EN 50131 timed exit. */
  public record ExitExpired(String area) implements TimerKey {}

  /** The time-limited indication that setting has completed ends (DD243 6.3). */
  public record SetIndicationEnds(String area) implements TimerKey {}

  /** Door lock released by a reader relocks. */
  public record Relock(String output) implements TimerKey {}

  /**
   * Per-area setting progress.
   *
   * @param doorOpened areas whose final exit door opened during the exit procedure
   * @param entryAuthorised areas where a digital key at an outside reader authorised entry (6.4.3)
   */
  public record Progress(Set<String> doorOpened, Set<String> entryAuthorised) {
    public static final Progress EMPTY = new Progress(Set.of(), Set.of());

    Progress door(String area, boolean opened) {
      Set<String> s = new HashSet<>(doorOpened);
      if (opened) s.add(area);
      else s.remove(area);
      return new Progress(s, entryAuthorised);
    }

    public Progress authorise(String area, boolean on) {
      Set<String> s = new HashSet<>(entryAuthorised);
      if (on) s.add(area);
      else s.remove(area);
      return new Progress(doorOpened, s);
    }
  }

  /** A condition that prevents setting: {@code key} identifies it for an override. */
  public record Prevention(String key, String text, Table5 row) {}

  /**
   * Conditions overridden for one set period (EN 50131-1 Table 5), per area, with the user.
   *
   * @param keys {@link Prevention#key()}s overridden
   */
  public record SettingOverride(int user, java.util.Set<String> keys, java.time.Instant at) {}

  public record Overrides(java.util.Map<String, SettingOverride> areas) {
    public static final Overrides NONE = new Overrides(java.util.Map.of());

    public java.util.Set<String> keys(String area) {
      SettingOverride o = areas.get(area);
      return o == null ? java.util.Set.of() : o.keys();
    }

    Overrides with(String area, SettingOverride o) {
      java.util.Map<String, SettingOverride> m = new java.util.HashMap<>(areas);
      if (o == null) m.remove(area);
      else m.put(area, o);
      return new Overrides(m);
    }
  }

  static final String SET_INDICATION_RULE = "DD243 6.3: time-limited indication that setting has completed";

  /** The set-complete tone, stopped after timers.setting_indication. */
  private static void setComplete(Step step, String area) {
    step.toneArea(area, Tone.SET_COMPLETE);
    step.schedule(new SetIndicationEnds(area), step.site().timers().settingIndication());
  }

  static final java.time.Duration LOCK_RELEASE = java.time.Duration.ofSeconds(5);

  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.Command c -> command(step, c);
      case Input.CardPresented c -> card(step, c);
      case Input.RemoteCommand r -> remote(step, r);
      case Input.OverrideSetting o -> override(step, o.area(), o.user());
      case Input.DetectorActive(String d) -> detector(step, d, true);
      case Input.DetectorNormal(String d) -> detector(step, d, false);
      case Input.TimerFired(ExitExpired(String area)) -> {
        if (step.area(area).status() == AreaStatus.SETTING) complete(step, area, "EN50131-1 timed exit");
      }
      case Input.TimerFired(Relock(String output)) -> step.output(output, false, "access control: relock");
      case Input.TimerFired(SetIndicationEnds(String area)) -> {
        step.toneArea(area, Tone.SILENT);
        step.log("setting-complete indication ended after " + org.vigil.panel.yaml.Durations.format(step.site().timers().settingIndication()), SET_INDICATION_RULE, false);
      }
      case Input.AreaChanged a -> {
        if (a.to() == AreaStatus.UNSET || a.to() == AreaStatus.SET) {
          Progress p = step.feature(Progress.class, Progress.EMPTY);
          step.putFeature(Progress.class, p.door(a.area(), false).authorise(a.area(), false));
        }
        if (a.to() == AreaStatus.UNSET) step.cancel(new SetIndicationEnds(a.area()));
        Overrides o = step.feature(Overrides.class, Overrides.NONE);
        if (a.to() == AreaStatus.UNSET && a.from() != AreaStatus.SETTING && o.areas().containsKey(a.area())) {
          // An override lasts one set period (EN 50131-1 8.3.3): it ends with the unset.
          step.putFeature(Overrides.class, o.with(a.area(), null));
          step.log("override of " + String.join(", ", o.keys(a.area())) + " ended with the set period", Table5.RULE, true);
        }
      }
      default -> {}
    }
  }

  // ---- commands ----

  private void command(Step step, Input.Command c) {
    for (String area : c.areas()) {
      AreaState s = step.area(area);
      if (c.kind() == Input.CommandKind.SET) {
        if (s.status() == AreaStatus.UNSET) initiate(step, area, c);
        else if (c.keypad() != null) step.display(c.keypad(), step.areaConfig(area).name() + " already " + s.status().name().toLowerCase().replace('_', ' '));
      } else {
        if (s.status() == AreaStatus.ENTRY && c.source().startsWith("keypad") && !step.areaConfig(area).keypadUnsetDuringEntry()) {
          refuse(step, c.keypad(), area, "Use your key to unset", "BS8243 6.4.5: keypads locked out during entry (digital key only)");
          continue;
        }
        if (s.status() != AreaStatus.UNSET) unset(step, area, c.user(), c.keypad(), unsetRule(step, area, c.source()));
      }
    }
  }

  private String unsetRule(Step step, String area, String source) {
    if (source.startsWith("reader")) return "BS8243 6.4.5 digital key";
    if (source.startsWith("remote")) return "BS8243 6.4.6 with the ARC";
    UnsetMethod m = step.areaConfig(area).unsetMethod();
    return "EN50131-1 8.3.8 unset by code (area method " + m.clause() + ")";
  }

  private void initiate(Step step, String area, Input.Command c) {
    Area cfg = step.areaConfig(area);
    PartSet part = null;
    if (c.partSet() != null) {
      part = cfg.partSet(c.partSet());
      if (part == null) {
        refuse(step, c.keypad(), area, "No part set " + c.partSet() + " in " + cfg.name(), "config: area " + area + " has no part set " + c.partSet());
        return;
      }
    }
    var unrestored = org.vigil.panel.engine.restore.RestoreFeature.beforeSetting(step, area, c.user(), c.source());
    if (unrestored != null) {
      refuse(step, c.keypad(), area, "Cannot set " + cfg.name() + ": " + unrestored.text(), unrestored.rule());
      return;
    }
    List<String> blocking = texts(preventing(step, area, part, true));
    if (!blocking.isEmpty()) {
      refuse(step, c.keypad(), area, "Cannot set: " + String.join(", ", blocking), "EN50131-1 8.3.3 Table 4");
      return;
    }
    if (part != null) {
      step.changeArea(area, AreaStatus.PART_SET, part.name(), c.user(), "BS8243 6.3 part setting");
      step.log(cfg.name() + " part set " + part.name() + " by user " + c.user(), "BS8243 6.3 part setting", true);
      closing(step, area, c.user(), 441, "BS8243 6.3 part setting");
      setComplete(step, area);
      step.displayArea(area, cfg.name() + " part set " + part.name());
      return;
    }
    step.changeArea(area, AreaStatus.SETTING, null, c.user(), "BS8243 6.3 two-stage setting");
    if (finalDoorOpen(step, area)) {
      // The user may start setting with the door already open: closing it then completes.
      step.putFeature(Progress.class, step.feature(Progress.class, Progress.EMPTY).door(area, true));
    }
    String how = switch (cfg.completion()) {
      case SHUNT_LOCK -> "lock the final exit door";
      case PUSH_TO_SET -> "close the door and press the set button outside";
      case FINAL_DOOR -> "leave and close the final exit door";
      case DIGITAL_KEY -> "present your key at the outside reader";
      case ARC -> "completion by the ARC";
      case TIMED -> "leave within " + org.vigil.panel.yaml.Durations.format(cfg.exitTime() == null ? java.time.Duration.ofSeconds(30) : cfg.exitTime());
    };
    step.displayArea(area, "Setting " + cfg.name() + ": " + how);
    step.toneArea(area, Tone.EXIT);
    step.log("setting of " + cfg.name() + " initiated by user " + c.user() + " (" + c.source() + "); completion: " + cfg.completion().name().toLowerCase(), "BS8243 " + cfg.completion().clause(), true);
    if (cfg.completion() == Completion.TIMED) {
      step.schedule(new ExitExpired(area), cfg.exitTime() == null ? java.time.Duration.ofSeconds(30) : cfg.exitTime());
    }
  }

  /**
   * Conditions that prevent setting (EN 50131-1 Table 4 by grade), less those overridden for this set
   * period (Table 5).
   */
  private List<Prevention> preventing(Step step, String area, PartSet part, boolean exitRouteExcluded) {
    java.util.Set<String> overridden = step.feature(Overrides.class, Overrides.NONE).keys(area);
    return present(step, area, part, exitRouteExcluded).stream().filter(p -> !overridden.contains(p.key())).toList();
  }

  /** Every Table 4 condition present now. Grade 1 prevents only the mandatory rows; masking from grade 2. */
  static List<Prevention> present(Step step, String area, PartSet part, boolean exitRouteExcluded) {
    List<Prevention> out = new ArrayList<>();
    int grade = step.site().site().grade();
    for (Detector d : step.site().detectorsIn(area)) {
      ZoneState z = step.zone(d.id());
      if (z.omitted() || (part != null && part.omit().contains(d.id()))) continue;
      boolean exitRoute = d.role() == DetectorRole.FINAL_EXIT || d.role() == DetectorRole.ENTRY_ROUTE || d.role() == DetectorRole.PUSH_TO_SET || d.role() == DetectorRole.SHUNT_LOCK;
      if (z.active() && d.role().detectsIntrusion() && !(exitRouteExcluded && exitRoute)) out.add(new Prevention("active:" + d.id(), d.name() + " active", Table5.DETECTOR_ACTIVE));
      if (z.tamper() && grade >= 2) out.add(new Prevention("tamper:" + d.id(), d.name() + " tamper", Table5.TAMPER));
      if (z.fault() && grade >= 2) out.add(new Prevention("fault:" + d.id(), d.name() + " fault", Table5.DETECTOR_FAULT));
      if (z.commsLost() && grade >= 2) out.add(new Prevention("comms:" + d.id(), d.name() + " no communication", Table5.INTERCONNECTION_FAULT));
      if (grade >= 2 && org.vigil.panel.engine.devices.DeviceConditions.masked(step, d.id())) out.add(new Prevention("masked:" + d.id(), d.name() + " masked", Table5.MASKED));
    }
    step.site().holdUpDevices().stream().filter(h -> h.area().equals(area) && step.zone(h.id()).active())
        .forEach(h -> out.add(new Prevention("holdup:" + h.id(), h.name() + " hold-up active", Table5.HOLD_UP_ACTIVE)));
    if (grade >= 2 && !step.state().paths().isEmpty() && step.state().paths().values().stream().noneMatch(b -> b)) {
      out.add(new Prevention("ats", "all transmission paths failed", Table5.ALL_ATS_FAULT));
    }
    return out;
  }

  private static List<String> texts(List<Prevention> p) {
    return p.stream().map(Prevention::text).toList();
  }

  /** A user overrides what the access level may override at this grade, for the next set period. */
  /**
   * {@link Input.OverrideSetting}; also called by the keypad (code + # + 62) in the same step, as
   * the inputs features raise for each other are only internal ones.
   */
  public static void override(Step step, String area, int user) {
    if (step.site().area(area).isEmpty()) {
      step.log("override for unknown area '" + area + "' ignored", "config: undefined id", false);
      return;
    }
    Area cfg = step.areaConfig(area);
    int level = org.vigil.panel.engine.restore.RestoreFeature.accessLevel(step, area, user);
    int grade = step.site().site().grade();
    if (level < 2) {
      step.displayArea(area, "Override refused: no authority");
      step.log("override by user " + user + " refused: no access level 2 or 3 in " + area, Table5.RULE, true);
      return;
    }
    if (step.area(area).status() != AreaStatus.UNSET) {
      step.log("override by user " + user + " refused: " + cfg.name() + " is not unset", Table5.RULE, true);
      return;
    }
    Overrides all = step.feature(Overrides.class, Overrides.NONE);
    java.util.Set<String> keys = new java.util.TreeSet<>(all.keys(area));
    List<String> done = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Prevention p : present(step, area, null, true)) {
      if (keys.contains(p.key())) continue;
      if (p.row().overridable(grade, level)) {
        keys.add(p.key());
        done.add(p.text());
      } else {
        String why = p.row().overrideLevel(grade) == 0 ? "never overridden (" + (p.row() == Table5.DETECTOR_ACTIVE ? "inhibit the detector" : "clear it, or the engineer isolates the device") + ")"
            : "needs access level " + p.row().overrideLevel(grade) + " at grade " + grade;
        refused.add(p.text() + ": " + why);
        step.log("override of " + p.text() + " by user " + user + " (access level " + level + ") refused: " + why, Table5.RULE, true);
      }
    }
    if (!done.isEmpty()) {
      step.putFeature(Overrides.class, all.with(area, new SettingOverride(user, java.util.Set.copyOf(keys), step.now())));
      step.log("user " + user + " (access level " + level + ") overrode for one set period: " + String.join(", ", done), Table5.RULE, true);
    }
    if (done.isEmpty() && refused.isEmpty()) {
      step.displayArea(area, "Nothing to override");
    } else {
      step.displayArea(area, (done.isEmpty() ? "" : "Overridden: " + String.join(", ", done)) + (refused.isEmpty() ? "" : (done.isEmpty() ? "" : "; ") + "not overridden: " + String.join(", ", refused)));
    }
  }

  private void refuse(Step step, String keypad, String area, String text, String rule) {
    if (keypad != null) {
      step.display(keypad, text);
      step.tone(keypad, Tone.ERROR);
    } else {
      step.displayArea(area, text);
    }
    step.log("refused: " + text, rule, true);
  }

  private void complete(Step step, String area, String rule) {
    Area cfg = step.areaConfig(area);
    List<String> blocking = texts(preventing(step, area, null, false));
    if (!blocking.isEmpty()) {
      step.displayArea(area, "Cannot complete setting: " + String.join(", ", blocking));
      step.toneArea(area, Tone.ERROR);
      step.log("completion of setting refused: " + String.join(", ", blocking), "EN50131-1 8.3.3 Table 4", true);
      return;
    }
    int user = step.area(area).user();
    step.cancel(new ExitExpired(area));
    step.changeArea(area, AreaStatus.SET, null, user, rule);
    step.displayArea(area, cfg.name() + " set");
    setComplete(step, area);
    step.log(cfg.name() + " set (completed: " + cfg.completion().name().toLowerCase() + ")", rule, true);
    closing(step, area, user, 401, rule);
  }

  private void closing(Step step, String area, int user, int cid, String rule) {
    if (!reports(step, user)) return;
    step.notify(Codes.notification(Signal.CLOSE, cid, area, step.areaConfig(area).number(), null, user, false, rule, "closing by user " + user));
  }

  /** Per-user open/close reporting; quick arm (user 000) follows user 002 (seed 001). */
  private boolean reports(Step step, int user) {
    return org.vigil.panel.engine.users.UserReporting.openClose(step, user);
  }

  /** Unsets an area (or abandons setting). */
  public static void unset(Step step, String area, int user, String keypad, String rule) {
    AreaState s = step.area(area);
    Area cfg = step.areaConfig(area);
    step.cancel(new ExitExpired(area));
    step.changeArea(area, AreaStatus.UNSET, null, user, rule);
    if (s.status() == AreaStatus.SETTING) {
      step.displayArea(area, "Setting of " + cfg.name() + " cancelled");
      step.log("setting of " + cfg.name() + " abandoned by user " + user, "BS8243 6.3", true);
      return;
    }
    step.displayArea(area, cfg.name() + " unset");
    step.toneArea(area, Tone.ACCEPT);
    step.log(cfg.name() + " unset by user " + user, rule, true);
    boolean report = user == 0 || org.vigil.panel.engine.users.UserReporting.openClose(step, user);
    if (report) step.notify(Codes.notification(Signal.OPEN, 401, area, cfg.number(), null, user, false, rule, "opening by user " + user));
  }

  // ---- completion by devices ----

  private void detector(Step step, String id, boolean active) {
    Detector d = step.site().detector(id).orElse(null);
    if (d == null) return;
    String area = d.area();
    if (step.area(area).status() != AreaStatus.SETTING) return;
    Area cfg = step.areaConfig(area);
    Progress p = step.feature(Progress.class, Progress.EMPTY);
    if (d.role() == DetectorRole.FINAL_EXIT) {
      if (active) step.putFeature(Progress.class, p.door(area, true));
      else if (cfg.completion() == Completion.FINAL_DOOR && p.doorOpened().contains(area)) complete(step, area, "BS8243 6.3(c) final exit door");
    } else if (active && d.role() == DetectorRole.PUSH_TO_SET && cfg.completion() == Completion.PUSH_TO_SET) {
      if (finalDoorOpen(step, area)) {
        step.displayArea(area, "Close the final exit door");
        step.log("push-to-set pressed with the final exit door open", "BS8243 6.3(b)", true);
      } else {
        complete(step, area, "BS8243 6.3(b) push button outside");
      }
    } else if (active && d.role() == DetectorRole.SHUNT_LOCK && cfg.completion() == Completion.SHUNT_LOCK) {
      complete(step, area, "BS8243 6.3(a) shunt lock");
    }
  }

  private boolean finalDoorOpen(Step step, String area) {
    return step.site().detectorsIn(area).stream().anyMatch(d -> d.role() == DetectorRole.FINAL_EXIT && step.zone(d.id()).active());
  }

  // ---- cards ----

  private void card(Step step, Input.CardPresented c) {
    Reader r = step.site().reader(c.reader()).orElse(null);
    if (r == null) return;
    // Card, card + PIN, validity windows and duress PINs: the users feature (docs/users.md).
    User user = org.vigil.panel.engine.users.CardAccess.holder(step, r, c.card(), c.pin());
    if (user == null) return;
    final User u = user;
    List<String> areas = r.areas().stream().filter(a -> u.levelIn(a) >= 0 && u.levelIn(a) <= 5).toList();
    if (areas.isEmpty()) {
      step.log("user " + u.number() + " has no authority at reader " + r.id(), "Vista: authority per partition", true);
      return;
    }
    boolean released = false;
    for (String area : areas) {
      AreaState s = step.area(area);
      Area cfg = step.areaConfig(area);
      switch (s.status()) {
        case SETTING -> {
          if (!r.inside() && cfg.completion() == Completion.DIGITAL_KEY) complete(step, area, "BS8243 6.3(d) digital key");
          else if (r.inside()) unset(step, area, u.number(), null, "BS8243 6.3 setting cancelled");
        }
        case UNSET -> {
          if (r.inside()) step.raise(new Input.Command("reader " + r.id(), null, u.number(), List.of(area), Input.CommandKind.SET, null));
          else released = true;
        }
        case SET, PART_SET, ENTRY -> {
          if (!r.inside() && cfg.unsetMethod() == UnsetMethod.LOCK_DISABLES_CONFIRMATION && s.status() != AreaStatus.ENTRY) {
            Progress p = step.feature(Progress.class, Progress.EMPTY);
            step.putFeature(Progress.class, p.authorise(area, true));
            step.log("entry authorised by digital key: all means of confirmation disabled", "BS8243 6.4.3", true);
            released = true;
          } else {
            unset(step, area, u.number(), null, cfg.unsetMethod() == UnsetMethod.LOCK_UNSETS ? "BS8243 6.4.2 unlocking unsets" : "BS8243 6.4.5 digital key");
            released = true;
          }
        }
      }
    }
    if (released && r.lockOutput() != null) {
      step.output(r.lockOutput(), true, "access control: door released for user " + u.number());
      step.schedule(new Relock(r.lockOutput()), LOCK_RELEASE);
    }
  }

  private void remote(Step step, Input.RemoteCommand r) {
    if (step.site().area(r.area()).isEmpty()) {
      step.log("remote command for unknown area '" + r.area() + "' ignored", "config: undefined id", false);
      return;
    }
    if ((r.action() == Input.RemoteAction.SET || r.action() == Input.RemoteAction.UNSET) && installerRefused(step, r)) return;
    switch (r.action()) {
      case SET -> step.raise(new Input.Command("remote", null, r.user(), List.of(r.area()), Input.CommandKind.SET, null));
      case UNSET -> step.raise(new Input.Command("remote", null, r.user(), List.of(r.area()), Input.CommandKind.UNSET, null));
      case COMPLETE_SETTING -> {
        if (step.area(r.area()).status() == AreaStatus.SETTING && step.areaConfig(r.area()).completion() == Completion.ARC) {
          complete(step, r.area(), "BS8243 6.3(e) with the ARC");
        } else {
          step.log("completion by the ARC refused: area is not setting or its method is not 6.3(e)", "BS8243 6.3(e)", false);
        }
      }
      case RESTORE -> {} // org.vigil.panel.engine.restore.RestoreFeature
    }
  }

  /**
   * A remote set or unset on behalf of the installer needs the level 2 authorisation window, as at a
   * keypad (EN 50131-1; {@link org.vigil.panel.engine.users.InstallerAccess}). User 0 is the ARC itself.
   */
  private static boolean installerRefused(Step step, Input.RemoteCommand r) {
    if (r.user() == 0) return false;
    User u = org.vigil.panel.engine.users.UsersFeature.users(step).stream().filter(x -> x.number() == r.user()).findFirst().orElse(null);
    if (u == null) return false;
    var refusal = org.vigil.panel.engine.users.InstallerAccess.check(step, u.levelIn(r.area()));
    if (refusal.isEmpty()) return false;
    step.log("remote " + r.action().name().toLowerCase() + " of " + r.area() + " by user " + u.number() + " refused: " + refusal.get().reason(), refusal.get().rule(), true);
    return true;
  }
}
