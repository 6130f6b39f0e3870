package org.vigil.panel.engine.intruder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.DetectorRole;
import org.vigil.panel.config.PartSet;
import org.vigil.panel.config.UnsetMethod;
import org.vigil.panel.design.Independence;
import org.vigil.panel.engine.AreaState;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.TimerKey;
import org.vigil.panel.engine.Tone;
import org.vigil.panel.engine.setting.SettingFeature;
import org.vigil.panel.yaml.Durations;

/**
 * Intruder alarms while set: entry procedure, unconfirmed alarm and confirmation time, sequential
 * confirmation by an independent detector (DD243 5.4.1-5.4.3, via {@link Independence}), tamper and
 * bus-communication rules (BS 8243 H.3.1, H.7.1), alarms during entry (BS 8243 6.4.5 a-d, EN 50131-1
 * 8.3.8.2) and reinstatement at the end of the confirmation time (BS 8243 A.2.1).
 */
public final class IntruderFeature implements Feature {

  public record EntryExpired(String area) implements TimerKey {}

  /** The indicator/WD has operated for the minimum time before remote notification (6.4.5 b). */
  public record EntryWarningDone(String area) implements TimerKey {}

  public record ConfirmationTimeEnd(String area) implements TimerKey {}

  /** One alarm condition in the current confirmation time. */
  public record Condition(String device, boolean tamper, Instant at) {}

  /**
   * Alarm bookkeeping of one area during a set period.
   *
   * @param conditions alarm conditions since the confirmation time started (empty: none running)
   * @param windowEnd end of the confirmation time, or null
   * @param confirmed a confirmed alarm has been notified in this confirmation time
   * @param confirmationDisabled entry through the initial entry door disabled confirmation (6.4.3/6.4.4)
   * @param entryDevice the device that started the entry procedure
   * @param pendingDuringEntry off-route detectors activated during entry, not yet notified (6.4.5 b)
   * @param warningSince when the local WD/indicator started for alarms during entry
   * @param entryExpired the entry time has run out in this set period
   * @param confirmedInSetPeriod a confirmed alarm occurred (restore needs the engineer, A.3)
   */
  public record AreaAlarm(
      List<Condition> conditions,
      Instant windowEnd,
      boolean confirmed,
      boolean confirmationDisabled,
      String entryDevice,
      List<String> pendingDuringEntry,
      Instant warningSince,
      boolean entryExpired,
      boolean confirmedInSetPeriod) {
    public static final AreaAlarm NONE = new AreaAlarm(List.of(), null, false, false, null, List.of(), null, false, false);

    AreaAlarm withConditions(List<Condition> c, Instant end, boolean conf) {
      return new AreaAlarm(c, end, conf, confirmationDisabled, entryDevice, pendingDuringEntry, warningSince, entryExpired, confirmedInSetPeriod || conf);
    }

    AreaAlarm withEntry(String device, boolean disabled) {
      return new AreaAlarm(conditions, windowEnd, confirmed, disabled, device, List.of(), null, false, confirmedInSetPeriod);
    }

    AreaAlarm withPending(List<String> p, Instant since) {
      return new AreaAlarm(conditions, windowEnd, confirmed, confirmationDisabled, entryDevice, p, since, entryExpired, confirmedInSetPeriod);
    }

    AreaAlarm expired() {
      return new AreaAlarm(conditions, windowEnd, confirmed, confirmationDisabled, entryDevice, pendingDuringEntry, warningSince, true, confirmedInSetPeriod);
    }

    boolean windowOpen() {
      return windowEnd != null;
    }
  }

  /** Feature state: per-area alarm bookkeeping and recent bus communication failures. */
  public record State(Map<String, AreaAlarm> areas, Map<String, Instant> commsLost) {
    public static final State EMPTY = new State(Map.of(), Map.of());

    public AreaAlarm area(String id) {
      return areas.getOrDefault(id, AreaAlarm.NONE);
    }
  }

  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.DetectorActive(String id) -> step.site().detector(id).ifPresent(d -> active(step, d));
      case Input.TamperOpen(String id) -> step.site().detector(id).ifPresent(d -> tamper(step, d, "EN50131-1 8.6 tamper"));
      case Input.CommsLost(String id) -> step.site().detector(id).ifPresent(d -> commsLost(step, d));
      case Input.TimerFired(EntryExpired(String area)) -> entryExpired(step, area);
      case Input.TimerFired(EntryWarningDone(String area)) -> warningDone(step, area);
      case Input.TimerFired(ConfirmationTimeEnd(String area)) -> windowEnd(step, area);
      case Input.AreaChanged c -> areaChanged(step, c);
      default -> {}
    }
  }

  private State state(Step step) {
    return step.feature(State.class, State.EMPTY);
  }

  private void put(Step step, String area, AreaAlarm a) {
    State s = state(step);
    Map<String, AreaAlarm> m = new HashMap<>(s.areas());
    m.put(area, a);
    step.putFeature(State.class, new State(m, s.commsLost()));
  }

  private boolean omitted(Step step, Detector d) {
    if (step.zone(d.id()).omitted()) return true;
    AreaState as = step.area(d.area());
    if (as.partSet() != null && (as.status() == AreaStatus.PART_SET || as.status() == AreaStatus.ENTRY)) {
      PartSet p = step.areaConfig(d.area()).partSet(as.partSet());
      return p != null && p.omit().contains(d.id());
    }
    return false;
  }

  // ---- detector activity ----

  private void active(Step step, Detector d) {
    if (d.role() == DetectorRole.TAMPER) {
      tamper(step, d, "EN50131-1 8.6 tamper circuit");
      return;
    }
    if (!d.role().detectsIntrusion()) return;
    AreaState as = step.area(d.area());
    if (omitted(step, d)) {
      if (as.armed()) step.log(d.name() + " active but omitted", "EN50131-1 8.3.9 inhibit/isolate", false);
      return;
    }
    boolean entryRole = d.role() == DetectorRole.FINAL_EXIT || d.role() == DetectorRole.ENTRY_ROUTE;
    switch (as.status()) {
      case UNSET, SETTING -> {
        if (d.role() == DetectorRole.H24) alarm(step, d, "24 h zone");
      }
      case SET, PART_SET -> {
        AreaAlarm a = state(step).area(d.area());
        if (d.role() == DetectorRole.FINAL_EXIT && !a.entryExpired()) startEntry(step, d);
        else if (d.role() == DetectorRole.ENTRY_ROUTE && !a.entryExpired() && !usableEntryDoor(step, d.area())) {
          // 6.4.4/6.4.5: where the initial entry door cannot be detected (none, or inhibited at
          // reinstatement, A.2.1 NOTE 2), a detector on the entry route starts the entry time.
          step.log("entry started by " + d.name() + ": the initial entry door cannot be detected", "BS8243 A.2.1 NOTE 2", false);
          startEntry(step, d);
        } else alarm(step, d, entryRole ? "entry route active while set, entry not started" : "detector active while set");
      }
      case ENTRY -> {
        AreaAlarm a = state(step).area(d.area());
        if (a.entryExpired() && !a.pendingDuringEntry().isEmpty() && !entryRole) {
          // 6.4.5(d): another detector after expiry notifies at once, overriding the 30 s warning timer.
          step.cancel(new EntryWarningDone(d.area()));
          Detector door = a.entryDevice() == null ? null : step.site().detector(a.entryDevice()).orElse(null);
          notifyPendingEntry(step, d.area(), door, "BS8243 6.4.5(d)");
          alarm(step, d, "another detector after the entry time expired (6.4.5 d)");
        } else if (a.entryExpired() && !a.pendingDuringEntry().isEmpty() && entryRole) {
          // The entry route after expiry, while alarms during entry still wait for the 30 s warning:
          // it waits with them (EN 50131-1 8.3.8.2); the entry device is notified with them anyway.
          if (d.id().equals(a.entryDevice())) step.log(d.name() + " active again: notified with the alarms during entry", "BS8243 6.4.5(b)", false);
          else duringEntry(step, d, a);
        } else if (a.entryExpired()) {
          alarm(step, d, "detector active after the entry time expired");
        } else if (entryRole) {
          step.log(d.name() + " on the entry route during entry", "BS8243 6.4", false);
        } else {
          duringEntry(step, d, a);
        }
      }
    }
  }

  private boolean usableEntryDoor(Step step, String area) {
    return step.site().detectorsIn(area).stream().anyMatch(x -> x.role() == DetectorRole.FINAL_EXIT && !step.zone(x.id()).omitted());
  }

  private void startEntry(Step step, Detector door) {
    Area cfg = step.areaConfig(door.area());
    UnsetMethod m = cfg.unsetMethod();
    SettingFeature.Progress p = step.feature(SettingFeature.Progress.class, SettingFeature.Progress.EMPTY);
    boolean authorised = p.entryAuthorised().contains(door.area());
    if ((m == UnsetMethod.LOCK_UNSETS || m == UnsetMethod.LOCK_DISABLES_CONFIRMATION) && !authorised && door.role() == DetectorRole.FINAL_EXIT) {
      alarm(step, door, "initial entry door opened while set: entry before unsetting is prevented (" + m.clause() + "), so this is forced");
      return;
    }
    boolean disables = m == UnsetMethod.DOOR_DISABLES_CONFIRMATION || m == UnsetMethod.LOCK_DISABLES_CONFIRMATION;
    AreaState as = step.area(door.area());
    step.changeArea(door.area(), AreaStatus.ENTRY, as.partSet(), as.user(), "BS8243 " + m.clause() + " entry procedure");
    put(step, door.area(), state(step).area(door.area()).withEntry(door.id(), disables));
    step.schedule(new EntryExpired(door.area()), cfg.entryTime());
    step.toneArea(door.area(), Tone.ENTRY);
    step.displayArea(door.area(), "Entry: unset " + cfg.name() + " now");
    step.log("entry time of " + Durations.format(cfg.entryTime()) + " started by " + door.name(), "BS8243 " + m.clause(), true);
    if (disables) {
      step.log("opening the initial entry door disables all means of confirmation", "BS8243 " + m.clause(), false);
    }
  }

  /** 6.4.5 b / EN 50131-1 8.3.8.2: local warning first, no remote notification yet. */
  private void duringEntry(Step step, Detector d, AreaAlarm a) {
    if (a.pendingDuringEntry().contains(d.id())) return;
    List<String> p = new ArrayList<>(a.pendingDuringEntry());
    p.add(d.id());
    Instant since = a.warningSince() == null ? step.now() : a.warningSince();
    put(step, d.area(), a.withPending(p, since));
    if (a.warningSince() == null) {
      step.raise(new Input.AlarmRaised(d.area(), Input.AlarmKind.ENTRY_WARNING, false, true));
      step.schedule(new EntryWarningDone(d.area()), step.site().timers().entryWarning());
    }
    step.log(d.name() + " active off the entry route during entry: local warning, not notified until the warning has run "
        + Durations.format(step.site().timers().entryWarning()) + " and the entry time has expired", "BS8243 6.4.5(b)", true);
  }

  private void entryExpired(Step step, String area) {
    if (step.area(area).status() != AreaStatus.ENTRY) return;
    AreaAlarm a = state(step).area(area).expired();
    put(step, area, a);
    Detector door = a.entryDevice() == null ? null : step.site().detector(a.entryDevice()).orElse(null);
    step.log("entry time expired without unsetting", "BS8243 6.4.5(a)", true);
    if (a.pendingDuringEntry().isEmpty()) {
      if (door != null) alarm(step, door, "entry time expired (6.4.5 a: unconfirmed alarm)");
      return;
    }
    boolean warned = !a.warningSince().plus(step.site().timers().entryWarning()).isAfter(step.now());
    if (warned) notifyPendingEntry(step, area, door, "BS8243 6.4.5(c)");
    else step.log("waiting for the local warning to complete before notifying", "BS8243 6.4.5(b)", false);
  }

  private void warningDone(Step step, String area) {
    AreaAlarm a = state(step).area(area);
    if (step.area(area).status() != AreaStatus.ENTRY || a.pendingDuringEntry().isEmpty() || !a.entryExpired()) return;
    Detector door = a.entryDevice() == null ? null : step.site().detector(a.entryDevice()).orElse(null);
    notifyPendingEntry(step, area, door, "BS8243 6.4.5(b)");
  }

  /** Entry route plus off-route detectors during entry: notified when both conditions of 6.4.5 b hold. */
  private void notifyPendingEntry(Step step, String area, Detector door, String rule) {
    AreaAlarm a = state(step).area(area);
    List<String> pending = a.pendingDuringEntry();
    put(step, area, a.withPending(List.of(), a.warningSince()));
    if (door != null) alarm(step, door, "entry time expired with alarms during entry (" + rule + ")");
    for (String id : pending) step.site().detector(id).ifPresent(d -> alarm(step, d, "alarm during entry notified (" + rule + ")"));
  }

  // ---- alarm conditions ----

  /** An intruder alarm condition from {@code d}: unconfirmed, confirming, or further. */
  private void alarm(Step step, Detector d, String why) {
    String area = d.area();
    Area cfg = step.areaConfig(area);
    AreaAlarm a = state(step).area(area);
    if (a.conditions().stream().anyMatch(c -> c.device().equals(d.id()) && !c.tamper())) {
      step.log(d.name() + " active again: already notified in this confirmation time", "DD243 5.4.3 (same detector twice)", false);
      return;
    }
    step.notify(Codes.notification(Signal.INTRUDER, Codes.intruderCode(d), area, cfg.number(), d.zone(), null, false, "DD243 5.4.1(a)", why + ": " + d.name()));
    step.raise(new Input.AlarmRaised(area, Input.AlarmKind.INTRUDER, false, true));
    List<Condition> conds = new ArrayList<>(a.conditions());
    conds.add(new Condition(d.id(), false, step.now()));
    if (!a.windowOpen()) {
      Instant end = step.now().plus(cfg.intruderConfirmationTime());
      step.scheduleAt(new ConfirmationTimeEnd(area), end);
      put(step, area, a.withConditions(conds, end, false));
      step.log("unconfirmed intruder alarm from " + d.name() + " (zone " + d.zone() + "); confirmation time " + Durations.format(cfg.intruderConfirmationTime()) + " started", "DD243 5.4.1(a)", true);
      return;
    }
    put(step, area, a.withConditions(conds, a.windowEnd(), a.confirmed()));
    if (a.confirmed()) {
      step.log("further alarm from " + d.name() + " after confirmation", "DD243 5.4.1", true);
      return;
    }
    if (a.confirmationDisabled()) {
      step.log(d.name() + " does not confirm: confirmation disabled by the entry procedure", "BS8243 " + cfg.unsetMethod().clause(), false);
      return;
    }
    for (Condition c : a.conditions()) {
      Detector other = step.site().detector(c.device()).orElse(null);
      if (other == null) continue;
      if (c.tamper()) {
        if (!other.id().equals(d.id())) {
          confirm(step, d, "BS8243 H.3.1(1)", "intruder alarm from " + d.name() + " after tamper of " + other.name());
          return;
        }
        continue;
      }
      Independence.Verdict v = Independence.of(other, d);
      if (v.confirms()) {
        confirm(step, d, v.rule(), d.name() + " confirms " + other.name() + ": " + v.reason());
        return;
      }
      step.log(d.name() + " does not confirm " + other.name() + ": " + v.reason(), v.rule(), false);
    }
  }

  private void confirm(Step step, Detector d, String rule, String reason) {
    String area = d.area();
    AreaAlarm a = state(step).area(area);
    AreaState as = step.area(area);
    if (as.status() == AreaStatus.PART_SET && as.partSet() != null) {
      PartSet p = step.areaConfig(area).partSet(as.partSet());
      if (p != null && !p.confirmsToArc()) {
        step.log("would confirm (" + reason + "), but part set " + p.name() + " sends no confirmed alarms (part_sets.confirmed_alarms: false)", "BS8243 6.3 part setting", true);
        return;
      }
    }
    put(step, area, a.withConditions(a.conditions(), a.windowEnd(), true));
    step.notify(Codes.notification(Signal.CONFIRMED_INTRUDER, 139, area, step.areaConfig(area).number(), d.zone(), null, false, rule, reason));
    step.log("confirmed intruder alarm: " + reason, rule, true);
    step.raise(new Input.AlarmRaised(area, Input.AlarmKind.INTRUDER, true, true));
  }

  private void tamper(Step step, Detector d, String rule) {
    String area = d.area();
    Area cfg = step.areaConfig(area);
    AreaState as = step.area(area);
    int cid = d.busId() != null ? 383 : 137;
    step.notify(Codes.notification(Signal.TAMPER, cid, area, cfg.number(), d.zone(), null, false, rule, "tamper " + d.name()));
    step.raise(new Input.AlarmRaised(area, Input.AlarmKind.TAMPER, false, true));
    if (!as.armed()) {
      step.log("tamper of " + d.name() + " while unset", rule, true);
      return;
    }
    AreaAlarm a = state(step).area(area);
    List<Condition> conds = new ArrayList<>(a.conditions());
    conds.add(new Condition(d.id(), true, step.now()));
    if (!a.windowOpen()) {
      Instant end = step.now().plus(cfg.intruderConfirmationTime());
      step.scheduleAt(new ConfirmationTimeEnd(area), end);
      put(step, area, a.withConditions(conds, end, false));
      step.log("tamper of " + d.name() + " while set: unconfirmed alarm notified as tamper only; confirmation time started", "BS8243 H.7.1(2)", true);
      return;
    }
    put(step, area, a.withConditions(conds, a.windowEnd(), a.confirmed()));
    if (a.confirmed() || a.confirmationDisabled()) return;
    if (as.status() == AreaStatus.ENTRY && (!a.entryExpired() || !a.pendingDuringEntry().isEmpty())) {
      // The tamper itself is notified at once (H.7.1(2)); a confirmation with it waits until the
      // alarms during entry may be notified (entry expired and 30 s of warning, 6.4.5 b).
      step.log("tamper of " + d.name() + " during entry: any confirmation waits for the expiry of the entry time and the local warning", "BS8243 6.4.5(b)", false);
      return;
    }
    for (Condition c : a.conditions()) {
      if (!c.tamper() && !c.device().equals(d.id())) {
        Detector other = step.site().detector(c.device()).orElse(null);
        confirm(step, d, "BS8243 H.3.1(1)", "tamper of " + d.name() + " after intruder alarm from " + (other == null ? c.device() : other.name()) + " (H.7.1(3): tamper and confirmed alarm notified)");
        return;
      }
    }
  }

  private void commsLost(Step step, Detector d) {
    State s = state(step);
    Map<String, Instant> lost = new HashMap<>(s.commsLost());
    lost.put(d.id(), step.now());
    Instant cutoff = step.now().minus(step.site().timers().busFailureWindow());
    lost.values().removeIf(t -> t.isBefore(cutoff));
    step.putFeature(State.class, new State(s.areas(), lost));
    step.log("communication lost with " + d.name() + ", not identifiable as a fault: processed as tamper", "BS8243 H.3.1(2)", true);
    tamper(step, d, "BS8243 H.3.1(2) communication failure");
    AreaState as = step.area(d.area());
    if (as.armed() && lost.size() >= 2) {
      AreaAlarm a = state(step).area(d.area());
      boolean entryRunning = as.status() == AreaStatus.ENTRY && !a.entryExpired();
      if (!a.confirmed() && !a.confirmationDisabled() && !entryRunning) {
        confirm(step, d, "BS8243 H.3.1(3)", "communication lost with " + lost.size() + " bus devices while set");
      }
    }
  }

  private void windowEnd(Step step, String area) {
    AreaAlarm a = state(step).area(area);
    if (!a.windowOpen()) return;
    put(step, area, new AreaAlarm(List.of(), null, false, a.confirmationDisabled(), a.entryDevice(), a.pendingDuringEntry(), a.warningSince(), a.entryExpired(), a.confirmedInSetPeriod()));
    step.log("confirmation time ended: system reinstated", "BS8243 A.2.1", true);
    if (!step.area(area).armed()) return;
    AreaState as = step.area(area);
    if (as.status() == AreaStatus.ENTRY && a.entryExpired()) {
      // The expired entry procedure is over: the area is set again, a new entry can start.
      step.changeArea(area, as.partSet() == null ? AreaStatus.SET : AreaStatus.PART_SET, as.partSet(), as.user(), "BS8243 A.2.1 reinstatement");
      put(step, area, AreaAlarm.NONE);
    }
    Area cfg = step.areaConfig(area);
    for (Detector d : step.site().detectorsIn(area)) {
      var z = step.zone(d.id());
      if ((z.active() || z.tamper()) && !z.omitted() && d.role().detectsIntrusion()) {
        step.zone(d.id(), z.withInhibited(true));
        step.notify(Codes.notification(Signal.INHIBIT, 570, area, cfg.number(), d.zone(), null, false, "BS8243 A.2.1", d.name() + " still in alarm at reinstatement: inhibited"));
        step.log(d.name() + " still in alarm at the end of the confirmation time: inhibited until unset", "BS8243 A.2.1", true);
      }
    }
  }

  private void areaChanged(Step step, Input.AreaChanged c) {
    if (c.to() == AreaStatus.UNSET) {
      AreaAlarm a = state(step).area(c.area());
      step.cancel(new EntryExpired(c.area()));
      step.cancel(new EntryWarningDone(c.area()));
      step.cancel(new ConfirmationTimeEnd(c.area()));
      // After a confirmed alarm the restore (A.3 / BS 8473) is kept by org.vigil.panel.engine.restore.
      put(step, c.area(), AreaAlarm.NONE);
      for (Detector d : step.site().detectorsIn(c.area())) {
        var z = step.zone(d.id());
        if (z.inhibited()) {
          step.zone(d.id(), z.withInhibited(false));
          step.log(d.name() + " inhibit ended at unset", "EN50131-1 8.3.9 inhibit", false);
        }
      }
    } else if (c.to() == AreaStatus.SET && c.from() == AreaStatus.SETTING) {
      put(step, c.area(), AreaAlarm.NONE);
    }
  }
}
