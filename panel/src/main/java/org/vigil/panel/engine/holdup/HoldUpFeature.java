package org.vigil.panel.engine.holdup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.panel.config.Camera;
import org.vigil.panel.config.HoldUpDevice;
import org.vigil.panel.config.HoldUpSystem;
import org.vigil.panel.config.HoldUpType;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.Output;
import org.vigil.panel.config.OutputType;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.TimerKey;
import org.vigil.panel.engine.ZoneState;
import org.vigil.panel.yaml.Durations;

/**
 * The hold-up alarm system (HAS), BS 8243 Section 2 as summarised in NSI TB 0021:
 *
 * <ul>
 *   <li>two-button devices raise a hold-up alarm (HUA) only on a synchronised push (4.5 a, e); one
 *       button alone is logged; HDs on the CIE or a keypad work only when the engineer enabled them
 *       (4.5 b);
 *   <li>the first HUA is sent unconfirmed (Contact ID 122 silent / 123 audible, SIA HA / PA) and
 *       starts the hold-up confirmation time (5.4.1.2); a HUA from a different, separately
 *       identifiable source or the second signal of a multi-action HD within it is a sequentially
 *       confirmed HUA (129 / HV, 7.3.2); a tamper together with a HUA is a confirmed HUA (H.3.2);
 *   <li>at the end of the confirmation time, HDs still in alarm are inhibited and the ARC is told
 *       (A.2.3); reinstatement never removes the alarm condition: a restore by a level 2/3 user or
 *       the ARC is still required (EN 50131-1 Table 6); a restore before the end makes reinstatement
 *       unnecessary;
 *   <li>duress is a hold-up condition without a device (3.1.17, {@link Input.HoldUpCondition}) and
 *       follows the same confirmation rules;
 *   <li>a HUA from an HD with cameras asks the shell to capture images (5.3.1, {@link
 *       Effect.CaptureImages}) after the alarm has been notified, so images never delay it.
 * </ul>
 *
 * <p>The confirmation time belongs to the whole HAS, not to one area: two HDs anywhere on the site
 * confirm each other (any "two or more HDs separately identifiable at the CIE", 5.4.1.2 b 1).
 */
public final class HoldUpFeature implements Feature {
  /** Contact ID "system peripheral trouble": a hold-up camera did not deliver (docs/holdup.md). */
  public static final int CAMERA_TROUBLE_CID = 330;

  public static final String CAMERA_RULE = "BS8243 5.3.1 camera trouble";

  /** End of the hold-up confirmation time (5.4.1.2): reinstatement (A.2.3). */
  public record ConfirmationTimeEnd() implements TimerKey {}

  /** End of the synchronised-push window of a two-button device after its first button. */
  public record SyncWindowEnd(String device) implements TimerKey {}

  /**
   * What raised a hold-up condition: a hold-up device, or a user's duress code (id {@code duress:N}).
   * Sources are "separately identifiable at the CIE" when their ids differ.
   */
  public record Source(String id, String name, String area, Integer zone, Integer user, boolean duress, int cid) {
    static Source of(HoldUpDevice h) {
      return new Source(h.id(), h.name(), h.area(), h.zone(), null, false, h.silent() ? 122 : 123);
    }

    Signal signal() {
      return duress ? Signal.DURESS : Signal.HOLD_UP;
    }
  }

  /** A running hold-up confirmation time. */
  public record Window(Instant start, Instant end, List<Source> sources, boolean confirmed) {
    boolean has(String id) {
      return sources.stream().anyMatch(s -> s.id().equals(id));
    }
  }

  /** First button of a two-button device, waiting for the second within the sync window. */
  public record Pending(Input.HoldUpAction button, Instant at) {}

  /**
   * @param window the running confirmation time, or null
   * @param pending first buttons waiting for their partner
   * @param memory per area, the sources whose alarm still needs a restore (in order)
   * @param reinstated HDs inhibited at reinstatement (un-inhibited at restore)
   * @param captures number of image captures asked for (makes capture references unique)
   */
  public record State(Window window, Map<String, Pending> pending, Map<String, List<Source>> memory, Set<String> reinstated, int captures) {
    public static final State EMPTY = new State(null, Map.of(), Map.of(), Set.of(), 0);

    public State {
      // Ordered, unmodifiable copies: iteration order decides effect order, which must be deterministic.
      pending = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pending));
      memory = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(memory));
      reinstated = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(reinstated));
    }

    public boolean restoreRequired(String area) {
      return memory.containsKey(area);
    }
  }

  static final String SYNC_RULE = "BS8243 4.5(a)";
  static final String SEQ_RULE = "BS8243 5.4.1.2";
  static final String FIRST_RULE = "BS8243 7.3.2 first HUA: unconfirmed";
  static final String TAMPER_RULE = "BS8243 H.3.2";
  static final String REINSTATE_RULE = "BS8243 A.2.3";
  static final String RESTORE_RULE = "EN50131-1 Table 6 (hold-up alarm: access level 2/3)";
  static final String VISUAL_RULE = "BS8243 5.3.1 / 5.3.4";

  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.HoldUpOperated(String id, Input.HoldUpAction action) -> step.site().holdUpDevice(id).ifPresent(h -> operated(step, h, action));
      case Input.TamperOpen(String id) -> tamper(step, id, "tamper of ");
      // A bus device that stops answering without a fault report is processed as a tamper (H.3.1).
      case Input.CommsLost(String id) -> tamper(step, id, "loss of communication with ");
      case Input.TimerFired(SyncWindowEnd(String id)) -> syncWindowEnded(step, id);
      case Input.TimerFired(ConfirmationTimeEnd k) -> reinstate(step);
      case Input.HoldUpCondition d -> duress(step, d);
      case Input.ImagesCaptured c -> captured(step, c);
      case Input.HoldUpRestore r -> restore(step, r.area(), r.user(), r.level(), r.source());
      // The ARC (or an engineer through it) restores remotely (BS 8473 remote reset).
      case Input.RemoteCommand(String area, Input.RemoteAction a, int user) when a == Input.RemoteAction.RESTORE -> restore(step, area, user, 3, "remote");
      default -> {}
    }
  }

  // ---- device operation ----

  private void operated(Step step, HoldUpDevice h, Input.HoldUpAction action) {
    if (h.type() == HoldUpType.ON_CIE && !h.engineerEnabled()) {
      step.log(h.name() + " operated, but hold-up keys on the CIE/keypad are off until the engineer enables them: no alarm", "BS8243 4.5(b)", false);
      return;
    }
    boolean singleAction = h.type() == HoldUpType.SINGLE_PUSH || h.type() == HoldUpType.TIME_DELAY;
    switch (action) {
      case PRESS_BOTH -> hua(step, h, "synchronised push of both buttons");
      case PRESS_ONE -> {
        if (singleAction) singleAction(step, h);
        else step.log(h.name() + ": one button only, no alarm (a synchronised push of both buttons is needed)", syncRule(h), true);
      }
      case BUTTON_A, BUTTON_B -> {
        if (singleAction) singleAction(step, h);
        else button(step, h, action);
      }
      case SECOND_ACTION -> {
        Window w = state(step).window();
        if (h.type() == HoldUpType.MULTI_ACTION && w != null && w.has(h.id())) {
          if (w.confirmed()) step.log(h.name() + ": second action, hold-up alarm already confirmed", SEQ_RULE, false);
          else confirm(step, Source.of(h), "BS8243 5.4.1.2(b)(2) / 3.1.28", "second action of multi-action device " + h.name());
        } else {
          // A second-method signal with no first one before it is still a hold-up signal: never lost.
          hua(step, h, "second-method signal without a first");
        }
      }
      case RELEASE, RESET -> {
        ZoneState z = step.zone(h.id());
        if (z.active()) {
          step.zone(h.id(), z.withActive(false));
          step.log(h.name() + (action == Input.HoldUpAction.RESET ? " reset with its key" : " released") + (z.omitted() ? " (stays inhibited until the hold-up alarm is restored)" : ""), REINSTATE_RULE, true);
        }
      }
    }
  }

  /** Single-push and time-delay devices are not to be used (4.5 c, d); the validator refuses them. An alarm is still never dropped. */
  private void singleAction(Step step, HoldUpDevice h) {
    step.log(h.name() + " is a " + h.type().name().toLowerCase().replace('_', '-') + " device, which should not be used; the alarm is still raised", h.type() == HoldUpType.SINGLE_PUSH ? "BS8243 4.5(c)" : "BS8243 4.5(d)", false);
    hua(step, h, "single action");
  }

  private void button(Step step, HoldUpDevice h, Input.HoldUpAction button) {
    State s = state(step);
    Pending p = s.pending().get(h.id());
    Map<String, Pending> pending = new LinkedHashMap<>(s.pending());
    if (p != null && p.button() != button) {
      pending.remove(h.id());
      put(step, new State(s.window(), pending, s.memory(), s.reinstated(), s.captures()));
      step.cancel(new SyncWindowEnd(h.id()));
      hua(step, h, "both buttons within " + Durations.format(Duration.between(p.at(), step.now())) + " (sync window " + Durations.format(h.syncWindow()) + ")");
      return;
    }
    pending.put(h.id(), new Pending(button, step.now()));
    put(step, new State(s.window(), pending, s.memory(), s.reinstated(), s.captures()));
    step.schedule(new SyncWindowEnd(h.id()), h.syncWindow());
  }

  private void syncWindowEnded(Step step, String id) {
    State s = state(step);
    Pending p = s.pending().get(id);
    if (p == null) return;
    Map<String, Pending> pending = new LinkedHashMap<>(s.pending());
    pending.remove(id);
    put(step, new State(s.window(), pending, s.memory(), s.reinstated(), s.captures()));
    String name = step.site().holdUpDevice(id).map(HoldUpDevice::name).orElse(id);
    step.log(name + ": one button only within the sync window, no alarm", step.site().holdUpDevice(id).map(HoldUpFeature::syncRule).orElse(SYNC_RULE), true);
  }

  /** Portable HDs have their own clause for the synchronised push (4.5 e). */
  static String syncRule(HoldUpDevice h) {
    return h.type() == HoldUpType.PORTABLE ? "BS8243 4.5(e)" : SYNC_RULE;
  }

  private void hua(Step step, HoldUpDevice h, String how) {
    ZoneState z = step.zone(h.id());
    if (z.omitted()) {
      step.log(h.name() + " operated while inhibited: no alarm until the hold-up alarm is restored", REINSTATE_RULE, false);
      return;
    }
    step.zone(h.id(), z.withActive(true));
    step.log("hold-up device " + h.name() + " activated (" + how + ")", syncRule(h), false);
    // The capture reference is known now, so the HUA itself carries the [V] link: the ARC hears of the
    // images with the alarm, and the alarm never waits for a camera (the capture starts after it).
    Effect.CaptureImages capture = capturePlan(step, h);
    condition(step, Source.of(h), !h.silent(), capture == null ? null : Effect.Notification.imageLink(capture.reference()));
    if (capture != null) step.emit(capture);
  }

  private void duress(Step step, Input.HoldUpCondition d) {
    if (step.site().area(d.area()).isEmpty()) {
      step.log("hold-up condition for unknown area '" + d.area() + "' raised in area-less form", "BS8243 3.1.17", false);
    }
    String area = step.site().area(d.area()).isPresent() ? d.area() : step.site().areas().get(0).id();
    step.log("duress from " + d.source() + " by user " + d.user() + ": hold-up condition without a device", "BS8243 3.1.17", false);
    condition(step, new Source("duress:" + d.user(), "duress code of user " + d.user(), area, d.zone(), d.user(), true, 121), false, null);
  }

  // ---- the hold-up condition and its confirmation ----

  /** {@code images}: the relative [V] link of the capture this condition started, or null. */
  private void condition(Step step, Source src, boolean audible, String images) {
    State s = state(step);
    Map<String, List<Source>> memory = new LinkedHashMap<>(s.memory());
    List<Source> inArea = new ArrayList<>(memory.getOrDefault(src.area(), List.of()));
    if (inArea.stream().noneMatch(x -> x.id().equals(src.id()))) inArea.add(src);
    memory.put(src.area(), List.copyOf(inArea));
    // Discreet local indication for staff (seed 000: back-room strobe); never a warning device.
    for (Output o : step.site().outputsFor(src.area(), OutputType.DURESS_INDICATOR)) step.output(o.id(), true, "discreet hold-up indication for staff (no external WD)");
    Window w = s.window();
    int partition = step.areaConfig(src.area()).number();
    if (w == null) {
      Duration hct = step.areaConfig(src.area()).holdUpConfirmationTime();
      Instant end = step.now().plus(hct);
      put(step, new State(new Window(step.now(), end, List.of(src), false), s.pending(), memory, s.reinstated(), s.captures()));
      step.scheduleAt(new ConfirmationTimeEnd(), end);
      step.notify(Codes.notification(src.signal(), src.cid(), src.area(), partition, src.zone(), src.user(), false, FIRST_RULE, (src.duress() ? "duress" : "hold-up " + src.name())).withVerification(images));
      step.raise(new Input.AlarmRaised(src.area(), Input.AlarmKind.HOLD_UP, false, audible));
      step.log("unconfirmed hold-up alarm from " + src.name() + "; hold-up confirmation time " + Durations.format(hct) + " started (ends " + end + ")", SEQ_RULE, !src.duress());
      String tampered = tamperedDevice(step);
      if (tampered != null) confirm(step, src, TAMPER_RULE, "hold-up alarm together with the tamper condition of " + tampered, images);
      return;
    }
    if (w.has(src.id())) {
      put(step, new State(w, s.pending(), memory, s.reinstated(), s.captures()));
      step.log(src.name() + " again: the same source does not confirm (two separately identifiable HDs or a multi-action HD are needed)", "BS8243 5.4.1.2(b)", false);
      return;
    }
    List<Source> sources = new ArrayList<>(w.sources());
    sources.add(src);
    put(step, new State(new Window(w.start(), w.end(), List.copyOf(sources), w.confirmed()), s.pending(), memory, s.reinstated(), s.captures()));
    // An audible device sounds whether it opens the confirmation time or joins it.
    if (audible) step.raise(new Input.AlarmRaised(src.area(), Input.AlarmKind.HOLD_UP, false, true));
    if (!w.confirmed()) {
      confirm(step, src, "BS8243 5.4.1.2(b)(1) / 7.3.2", "second hold-up condition from " + src.name() + " (different source) within the hold-up confirmation time, after " + w.sources().get(0).name(), images);
    } else {
      // Already confirmed: the ARC still learns of each further source.
      step.notify(Codes.notification(src.signal(), src.cid(), src.area(), partition, src.zone(), src.user(), false, "BS8243 7.3.2 further HUA (already confirmed)", (src.duress() ? "duress" : "hold-up " + src.name())).withVerification(images));
      step.log("further hold-up condition from " + src.name() + " (already confirmed)", SEQ_RULE, !src.duress());
    }
  }

  private void confirm(Step step, Source src, String rule, String reason) {
    confirm(step, src, rule, reason, null);
  }

  private void confirm(Step step, Source src, String rule, String reason, String images) {
    State s = state(step);
    Window w = s.window();
    put(step, new State(new Window(w.start(), w.end(), w.sources(), true), s.pending(), s.memory(), s.reinstated(), s.captures()));
    step.notify(Codes.notification(Signal.CONFIRMED_HOLD_UP, 129, src.area(), step.areaConfig(src.area()).number(), src.zone(), src.user(), false, rule, "confirmed hold-up: " + reason).withVerification(images));
    step.raise(new Input.AlarmRaised(src.area(), Input.AlarmKind.HOLD_UP, true, false));
    // A duress among the sources must not show in the user-visible log (no trace of duress).
    boolean anyDuress = w.sources().stream().anyMatch(Source::duress) || src.duress();
    step.log("confirmed hold-up alarm: " + reason, rule, !anyDuress);
  }

  /** A device currently in tamper (or lost on its bus, H.3.1), or null. */
  private String tamperedDevice(Step step) {
    List<String> ids = new ArrayList<>();
    step.site().detectors().forEach(d -> ids.add(d.id()));
    step.site().holdUpDevices().forEach(d -> ids.add(d.id()));
    step.site().keypads().forEach(d -> ids.add(d.id()));
    step.site().readers().forEach(d -> ids.add(d.id()));
    for (String id : ids) {
      ZoneState z = step.zone(id);
      if (z.tamper() || z.commsLost()) return id;
    }
    return null;
  }

  private void tamper(Step step, String id, String what) {
    var hd = step.site().holdUpDevice(id);
    boolean known = hd.isPresent() || step.site().detector(id).isPresent() || step.site().keypad(id).isPresent() || step.site().reader(id).isPresent();
    if (!known) return;
    // Detector tampers are notified by the intruder rules; an HD's own tamper is notified here (H.7.1 3).
    hd.ifPresent(h -> step.notify(Codes.notification(Signal.TAMPER, 137, h.area(), step.areaConfig(h.area()).number(), h.zone(), null, false, "EN50131-1 8.6 / BS8243 H.7.1(3)", what + h.name())));
    Window w = state(step).window();
    if (w == null || w.confirmed()) return;
    confirm(step, w.sources().get(0), TAMPER_RULE, what + id + " during the hold-up confirmation time");
  }

  // ---- reinstatement and restore ----

  private void reinstate(Step step) {
    State s = state(step);
    if (s.window() == null) return;
    Set<String> reinstated = new LinkedHashSet<>(s.reinstated());
    List<String> inhibited = new ArrayList<>();
    for (HoldUpDevice h : step.site().holdUpDevices()) {
      ZoneState z = step.zone(h.id());
      if (z.active() && !z.omitted()) {
        step.zone(h.id(), z.withInhibited(true));
        reinstated.add(h.id());
        inhibited.add(h.name());
        step.notify(new Effect.Notification(Signal.INHIBIT, h.area(), step.areaConfig(h.area()).number(), h.zone(), null, false, 570, "HB", REINSTATE_RULE, h.name() + " still in alarm at reinstatement: inhibited (inform a keyholder)"));
      }
    }
    put(step, new State(null, s.pending(), s.memory(), reinstated, s.captures()));
    step.log("hold-up confirmation time ended without restore: hold-up system reinstated" + (inhibited.isEmpty() ? "" : "; inhibited: " + String.join(", ", inhibited)) + "; the alarm condition remains until restored", REINSTATE_RULE, !(inhibited.isEmpty() && s.window().sources().stream().allMatch(Source::duress)));
    for (var e : s.memory().entrySet()) {
      // A duress-only alarm leaves no trace on any keypad.
      if (e.getValue().stream().allMatch(Source::duress)) continue;
      for (Keypad k : step.site().keypads()) {
        if (k.areas().contains(e.getKey()) && !k.publicView()) step.display(k.id(), "Hold-up alarm occurred: restore required");
      }
    }
  }

  private void restore(Step step, String area, int user, int level, String source) {
    State s = state(step);
    List<Source> mem = s.memory().get(area);
    if (mem == null) return;
    String who = user == 0 ? "the ARC" : "user " + user;
    if (level != 2 && level != 3) {
      step.log("hold-up alarm restore by " + who + " at access level " + level + " refused", RESTORE_RULE, true);
      return;
    }
    List<String> stillActive = step.site().holdUpDevices().stream().filter(h -> h.area().equals(area) && step.zone(h.id()).active()).map(HoldUpDevice::name).toList();
    if (!stillActive.isEmpty()) {
      step.log("hold-up alarm restore refused: still in alarm (reset with its key first): " + String.join(", ", stillActive), RESTORE_RULE, true);
      for (Keypad k : step.site().keypads()) {
        if (k.areas().contains(area) && !k.publicView()) step.display(k.id(), "Reset hold-up device first: " + String.join(", ", stillActive));
      }
      return;
    }
    int partition = step.areaConfig(area).number();
    for (Source src : mem) {
      step.notify(Codes.notification(src.signal(), src.cid(), area, partition, src.zone(), src.user(), true, RESTORE_RULE, "restore " + (src.duress() ? "duress" : "hold-up " + src.name())));
    }
    Set<String> reinstated = new LinkedHashSet<>(s.reinstated());
    for (HoldUpDevice h : step.site().holdUpDevices()) {
      if (h.area().equals(area) && reinstated.remove(h.id())) {
        step.zone(h.id(), step.zone(h.id()).withInhibited(false));
        step.notify(new Effect.Notification(Signal.INHIBIT, area, partition, h.zone(), null, true, 570, "HU", REINSTATE_RULE, h.name() + " back in service after restore"));
      }
    }
    for (Output o : step.site().outputsFor(area, OutputType.DURESS_INDICATOR)) step.output(o.id(), false, "hold-up alarm restored");
    Map<String, List<Source>> memory = new LinkedHashMap<>(s.memory());
    memory.remove(area);
    Window w = s.window();
    if (w != null && memory.isEmpty()) {
      step.cancel(new ConfirmationTimeEnd());
      w = null;
      step.log("hold-up system restored before the end of the confirmation time: no reinstatement needed", "BS8243 A.2.3 NOTE", false);
    }
    put(step, new State(w, s.pending(), memory, reinstated, s.captures()));
    boolean duressOnly = mem.stream().allMatch(Source::duress);
    step.log("hold-up alarm in area " + area + " restored by " + who + " (" + source + ", access level " + level + ")", RESTORE_RULE, !duressOnly);
  }

  // ---- visual confirmation ----

  /** The capture for a HUA of {@code h} (counted in the state), or null when no camera is assigned. */
  private Effect.CaptureImages capturePlan(Step step, HoldUpDevice h) {
    List<String> cameras = step.site().camerasFor(h).stream().filter(c -> c.snapshotUrl() != null).map(Camera::id).toList();
    if (cameras.isEmpty()) return null;
    HoldUpSystem has = step.site().holdUp();
    int count = Math.max(1, has.imageCount());
    List<Instant> shots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      shots.add(count == 1 ? step.now() : step.now().plus(has.imageWithin().multipliedBy(i).dividedBy(count - 1)));
    }
    State s = state(step);
    int n = s.captures() + 1;
    put(step, new State(s.window(), s.pending(), s.memory(), s.reinstated(), n));
    String ref = "hua-" + n + "-" + h.id() + "-" + step.now().getEpochSecond();
    return new Effect.CaptureImages(ref, h.id(), h.area(), cameras, List.copyOf(shots), shots.get(shots.size() - 1).plus(has.imageTimeout()), VISUAL_RULE);
  }

  /** Records the outcome of a capture in the event log; missing or slow cameras are user-visible. */
  private void captured(Step step, Input.ImagesCaptured c) {
    String name = step.site().holdUpDevice(c.device()).map(HoldUpDevice::name).orElse(c.device());
    step.log("visual confirmation of " + name + ": " + c.images() + " image(s) for the ARC" + (c.link() == null ? "" : " at " + c.link()) + " (" + c.reference() + ")", VISUAL_RULE, false);
    for (String p : c.problems()) step.log("camera problem during hold-up capture " + c.reference() + ": " + p, "BS8243 5.3.1", true);
    if (c.problems().isEmpty()) return;
    // Missing or slow cameras reach the ARC as a fault (330 / SIA ET), never as an alarm: the HUA has
    // gone already, and the operator must know the images are incomplete (BS 8243 5.3.1).
    HoldUpDevice h = step.site().holdUpDevice(c.device()).orElse(null);
    String area = h != null && step.site().area(h.area()).isPresent() ? h.area() : null;
    int partition = area == null ? 0 : step.areaConfig(area).number();
    step.notify(Codes.notification(Signal.FAULT, CAMERA_TROUBLE_CID, area, partition, h == null ? null : h.zone(), null, false, CAMERA_RULE,
        "hold-up camera trouble: " + c.images() + " image(s), " + c.problems().size() + " missing (" + c.reference() + "): "
            + String.join("; ", c.problems().subList(0, Math.min(3, c.problems().size()))) + (c.problems().size() > 3 ? "; ..." : "")));
  }

  // ---- state ----

  /** This feature's state in a panel state (for tests, status displays and the users feature). */
  public static State of(org.vigil.panel.engine.PanelState state) {
    return state.feature(State.class, State.EMPTY);
  }

  private static State state(Step step) {
    return step.feature(State.class, State.EMPTY);
  }

  private static void put(Step step, State s) {
    step.putFeature(State.class, s);
  }
}
