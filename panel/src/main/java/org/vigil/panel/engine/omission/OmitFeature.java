package org.vigil.panel.engine.omission;

import org.vigil.panel.config.Detector;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.ZoneState;

/**
 * Inhibit (until the next unset) and isolate (until re-included) are distinct; both are logged with
 * the user and signalled (CID 570 / SIA BB, restore BU). Rights: inhibit by authority levels 0-3
 * (installer, master, manager, operator A; operators B and C may not bypass, Vista); isolate only by
 * the installer/engineer (level 0). Hold-up devices cannot be inhibited or isolated by users.
 */
public final class OmitFeature implements Feature {
  @Override
  public void on(Input input, Step step) {
    if (!(input instanceof Input.OmitZone(String id, Input.OmitAction action, int userNo))) return;
    if (step.site().holdUpDevice(id).isPresent()) {
      step.log("user " + userNo + " may not inhibit or isolate hold-up device " + id, "EN50131-1 / BS8243: hold-up devices cannot be inhibited or isolated by users", true);
      return;
    }
    Detector d = step.site().detector(id).orElse(null);
    if (d == null) {
      step.log("omit request for unknown device '" + id + "' ignored", "config: undefined id", false);
      return;
    }
    // The users of the running panel (keypad/API changes included); the installer needs level 2
    // authorisation like at a keypad (docs/users.md).
    User u = org.vigil.panel.engine.users.UsersFeature.users(step).stream().filter(x -> x.number() == userNo).findFirst().orElse(null);
    int level = u == null ? -1 : u.levelIn(d.area());
    var gate = org.vigil.panel.engine.users.InstallerAccess.check(step, level);
    if (gate.isPresent()) {
      refuse(step, userNo, action.name().toLowerCase(java.util.Locale.ROOT) + " " + d.name() + " (" + gate.get().reason() + ")", gate.get().rule());
      return;
    }
    ZoneState z = step.zone(id);
    int partition = step.areaConfig(d.area()).number();
    switch (action) {
      case INHIBIT -> {
        if (level < 0 || level > 3) {
          refuse(step, userNo, "inhibit " + d.name(), "Vista: only installer, master, manager and operator A may bypass");
          return;
        }
        step.zone(id, z.withInhibited(true));
        step.notify(Codes.notification(Signal.INHIBIT, 570, d.area(), partition, d.zone(), userNo, false, "EN50131-1 inhibit (until the next unset)", d.name() + " inhibited by user " + userNo));
        step.log(d.name() + " inhibited by user " + userNo + " until the next unset", "EN50131-1 inhibit", true);
      }
      case ISOLATE -> {
        if (level != 0) {
          refuse(step, userNo, "isolate " + d.name(), "EN50131-1 isolate: installer/engineer only");
          return;
        }
        step.zone(id, z.withIsolated(true));
        step.notify(Codes.notification(Signal.INHIBIT, 570, d.area(), partition, d.zone(), userNo, false, "EN50131-1 isolate (until re-included)", d.name() + " isolated by user " + userNo));
        step.log(d.name() + " isolated by user " + userNo + " until re-included", "EN50131-1 isolate", true);
      }
      case REINCLUDE -> {
        if (!z.omitted()) return;
        if (z.isolated() && level != 0) {
          refuse(step, userNo, "re-include " + d.name(), "EN50131-1 isolate: installer/engineer only");
          return;
        }
        if (level < 0 || level > 3) {
          refuse(step, userNo, "re-include " + d.name(), "Vista: only installer, master, manager and operator A may bypass");
          return;
        }
        step.zone(id, z.withInhibited(false).withIsolated(false));
        step.notify(Codes.notification(Signal.INHIBIT, 570, d.area(), partition, d.zone(), userNo, true, "EN50131-1 re-include", d.name() + " re-included by user " + userNo));
        step.log(d.name() + " re-included by user " + userNo, "EN50131-1", true);
      }
    }
  }

  private void refuse(Step step, int user, String what, String rule) {
    step.log("user " + user + " may not " + what, rule, true);
  }
}
