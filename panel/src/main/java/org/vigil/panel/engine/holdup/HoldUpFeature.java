package org.vigil.panel.engine.holdup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.config.HoldUpDevice;
import org.vigil.panel.config.HoldUpType;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.TimerKey;
import org.vigil.panel.yaml.Durations;

/**
 * Basic hold-up alarms (deepened by the hold-up issue): a two-button device raises an unconfirmed
 * silent HUA only on a synchronised push (BS 8243 4.5 a), the hold-up confirmation time starts, and a
 * second HD or the second action of a multi-action HD within it gives a confirmed HUA (5.4.1.2,
 * 7.3.2). HUA plus tamper is a confirmed HUA (H.3.2).
 */
public final class HoldUpFeature implements Feature {
  public record HoldUpTimeEnd(String area) implements TimerKey {}

  /** Per-area hold-up confirmation time: the devices that raised a HUA in it and its end. */
  public record Window(List<String> devices, Instant end, boolean confirmed) {}

  public record State(Map<String, Window> areas) {
    public static final State EMPTY = new State(Map.of());
  }

  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.HoldUpOperated(String id, Input.HoldUpAction action) -> step.site().holdUpDevice(id).ifPresent(h -> operated(step, h, action));
      case Input.TamperOpen(String id) -> tamper(step, id);
      case Input.TimerFired(HoldUpTimeEnd(String area)) -> end(step, area);
      default -> {}
    }
  }

  private void operated(Step step, HoldUpDevice h, Input.HoldUpAction action) {
    var z = step.zone(h.id());
    if (h.type() == HoldUpType.ON_CIE && !h.engineerEnabled()) {
      step.log(h.name() + " operated, but HD keys on the CIE/ACE are off until enabled by the engineer", "BS8243 4.5(b)", false);
      return;
    }
    switch (action) {
      case PRESS_ONE -> {
        if (h.type() == HoldUpType.SINGLE_PUSH || h.type() == HoldUpType.TIME_DELAY) raise(step, h);
        else step.log(h.name() + ": one button only, no alarm (synchronised push of both buttons needed)", "BS8243 4.5(a)", false);
      }
      case PRESS_BOTH -> raise(step, h);
      case SECOND_ACTION -> {
        Window w = step.feature(State.class, State.EMPTY).areas().get(h.area());
        if (h.type() == HoldUpType.MULTI_ACTION && w != null && w.devices().contains(h.id()) && !w.confirmed()) {
          confirm(step, h, "BS8243 5.4.1.2(b)(2) / 3.1.28", "second action of multi-action device " + h.name());
        } else {
          raise(step, h);
        }
      }
      case RELEASE, RESET -> step.zone(h.id(), z.withActive(false));
    }
  }

  private void raise(Step step, HoldUpDevice h) {
    var z = step.zone(h.id());
    if (z.omitted()) {
      step.log(h.name() + " operated while inhibited", "BS8243 A.2.3", false);
      return;
    }
    step.zone(h.id(), z.withActive(true));
    State s = step.feature(State.class, State.EMPTY);
    Window w = s.areas().get(h.area());
    int partition = step.areaConfig(h.area()).number();
    if (w == null) {
      step.notify(Codes.notification(Signal.HOLD_UP, h.silent() ? 122 : 123, h.area(), partition, h.zone(), null, false, "BS8243 7.3.2", "hold-up " + h.name()));
      step.raise(new Input.AlarmRaised(h.area(), Input.AlarmKind.HOLD_UP, false, !h.silent()));
      var hct = step.areaConfig(h.area()).holdUpConfirmationTime();
      Instant end = step.now().plus(hct);
      step.scheduleAt(new HoldUpTimeEnd(h.area()), end);
      put(step, h.area(), new Window(List.of(h.id()), end, false));
      step.log("unconfirmed hold-up alarm from " + h.name() + "; hold-up confirmation time " + Durations.format(hct) + " started", "BS8243 5.4.1.2", false);
      return;
    }
    if (w.devices().contains(h.id())) {
      step.log(h.name() + " again: the same device does not confirm", "BS8243 5.4.1.2(b)", false);
      return;
    }
    List<String> devs = new ArrayList<>(w.devices());
    devs.add(h.id());
    put(step, h.area(), new Window(devs, w.end(), w.confirmed()));
    step.notify(Codes.notification(Signal.HOLD_UP, h.silent() ? 122 : 123, h.area(), partition, h.zone(), null, false, "BS8243 7.3.2", "hold-up " + h.name()));
    if (!w.confirmed()) confirm(step, h, "BS8243 5.4.1.2(b)(1) / 7.3.2", "second hold-up device " + h.name() + " within the hold-up confirmation time");
  }

  private void confirm(Step step, HoldUpDevice h, String rule, String reason) {
    State s = step.feature(State.class, State.EMPTY);
    Window w = s.areas().get(h.area());
    put(step, h.area(), new Window(w.devices(), w.end(), true));
    step.notify(Codes.notification(Signal.CONFIRMED_HOLD_UP, 129, h.area(), step.areaConfig(h.area()).number(), h.zone(), null, false, rule, reason));
    step.log("confirmed hold-up alarm: " + reason, rule, false);
  }

  private void tamper(Step step, String id) {
    var d = step.site().detector(id).map(x -> x.area()).or(() -> step.site().holdUpDevice(id).map(HoldUpDevice::area));
    if (d.isEmpty()) return;
    Window w = step.feature(State.class, State.EMPTY).areas().get(d.get());
    if (w == null || w.confirmed()) return;
    HoldUpDevice first = step.site().holdUpDevice(w.devices().get(0)).orElseThrow();
    confirm(step, first, "BS8243 H.3.2", "tamper of " + id + " during the hold-up confirmation time");
  }

  private void end(Step step, String area) {
    State s = step.feature(State.class, State.EMPTY);
    if (!s.areas().containsKey(area)) return;
    Map<String, Window> m = new HashMap<>(s.areas());
    m.remove(area);
    step.putFeature(State.class, new State(m));
    step.log("hold-up confirmation time ended: hold-up system reinstated", "BS8243 A.2.3", false);
    for (HoldUpDevice h : step.site().holdUpDevices()) {
      var z = step.zone(h.id());
      if (h.area().equals(area) && z.active()) {
        step.zone(h.id(), z.withInhibited(true));
        step.notify(Codes.notification(Signal.INHIBIT, 570, area, step.areaConfig(area).number(), h.zone(), null, false, "BS8243 A.2.3", h.name() + " still in alarm at reinstatement: inhibited"));
      }
    }
  }

  private void put(Step step, String area, Window w) {
    State s = step.feature(State.class, State.EMPTY);
    Map<String, Window> m = new HashMap<>(s.areas());
    m.put(area, w);
    step.putFeature(State.class, new State(m));
  }
}
