package org.vigil.panel.engine.devices;

import org.vigil.panel.config.Detector;
import org.vigil.panel.config.HoldUpDevice;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.ZoneState;

/**
 * Keeps each device's conditions (active, tamper, fault, communication) in the state, before the
 * rule features look at the input, and reports faults. Unknown device ids are logged, never thrown.
 */
public final class DeviceConditions implements Feature {
  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.DetectorActive(String d) -> update(step, d, z -> z.withActive(true));
      case Input.DetectorNormal(String d) -> update(step, d, z -> z.withActive(false));
      case Input.TamperOpen(String d) -> update(step, d, z -> z.withTamper(true));
      case Input.TamperRestored(String d) -> {
        if (update(step, d, z -> z.withTamper(false))) notify(step, d, Signal.TAMPER, true, "EN50131-1 8.6 tamper restore");
      }
      case Input.FaultRaised(String d) -> {
        if (update(step, d, z -> z.withFault(true))) {
          notify(step, d, Signal.FAULT, false, "EN50131-1 8.6 fault notification");
          step.log("fault on " + d, "EN50131-1 8.6", true);
        }
      }
      case Input.FaultCleared(String d) -> {
        if (update(step, d, z -> z.withFault(false))) notify(step, d, Signal.FAULT, true, "EN50131-1 8.6 fault restore");
      }
      case Input.CommsLost(String d) -> update(step, d, z -> z.withCommsLost(true));
      case Input.Masked(String d) -> mask(step, d, true);
      case Input.MaskCleared(String d) -> mask(step, d, false);
      case Input.CommsRestored(String d) -> {
        if (update(step, d, z -> z.withCommsLost(false))) step.log("communication with " + d + " restored", "BS8243 H.3.1", false);
      }
      case Input.HoldUpOperated(String d, Input.HoldUpAction a) -> {
        if (step.site().holdUpDevice(d).isEmpty()) unknown(step, d, "hold-up device");
      }
      case Input.KeyPressed(String k, String key) -> {
        if (step.site().keypad(k).isEmpty()) unknown(step, k, "keypad");
      }
      case Input.CardPresented(String r, String card, String pin) -> {
        if (step.site().reader(r).isEmpty()) unknown(step, r, "reader");
      }
      default -> {}
    }
  }

  /** Detectors currently masked (anti-masking): a feature state, so the shared zone record stays as it is. */
  public record Masking(java.util.Set<String> masked) {
    public static final Masking NONE = new Masking(java.util.Set.of());
  }

  public static boolean masked(Step step, String device) {
    return step.feature(Masking.class, Masking.NONE).masked().contains(device);
  }

  /**
   * Masking is signalled (Contact ID 380 / SIA BT, restore BJ) whether set or unset, prevents
   * setting (EN 50131-1 Table 4) and waits for a restore (Table 6, level 2/3 at every grade).
   */
  private void mask(Step step, String id, boolean on) {
    if (step.site().detector(id).isEmpty()) {
      unknown(step, id, "detector");
      return;
    }
    java.util.Set<String> m = new java.util.HashSet<>(step.feature(Masking.class, Masking.NONE).masked());
    if (on ? !m.add(id) : !m.remove(id)) return;
    step.putFeature(Masking.class, new Masking(java.util.Set.copyOf(m)));
    notify(step, id, Signal.MASKING, !on, on ? "EN50131-1 Table 4 masking signalled" : "EN50131-1 masking cleared");
    step.log((on ? "masking of " : "masking cleared on ") + step.site().detector(id).get().name(), "EN50131-1 Table 4 masking", true);
  }

  private boolean update(Step step, String id, java.util.function.UnaryOperator<ZoneState> f) {
    if (step.site().detector(id).isEmpty() && step.site().holdUpDevice(id).isEmpty()
        && step.site().keypad(id).isEmpty() && step.site().reader(id).isEmpty()) {
      unknown(step, id, "device");
      return false;
    }
    ZoneState before = step.zone(id);
    ZoneState after = f.apply(before);
    step.zone(id, after);
    return !before.equals(after);
  }

  private void unknown(Step step, String id, String kind) {
    step.log("input from unknown " + kind + " '" + id + "' ignored", "config: undefined id", false);
  }

  private void notify(Step step, String id, Signal signal, boolean restore, String rule) {
    Detector d = step.site().detector(id).orElse(null);
    HoldUpDevice h = step.site().holdUpDevice(id).orElse(null);
    String area = d != null ? d.area() : h != null ? h.area() : null;
    Integer zone = d != null ? d.zone() : h != null ? h.zone() : null;
    int partition = area == null ? 0 : step.areaConfig(area).number();
    int cid = signal == Signal.TAMPER ? (d != null && d.busId() != null ? 383 : 137) : signal.contactId();
    step.notify(Codes.notification(signal, cid, area, partition, zone, null, restore, rule, (restore ? "restore " : "") + signal.name().toLowerCase() + " " + id));
  }
}
