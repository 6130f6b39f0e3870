package org.vigil.panel.engine.users;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Duress;
import org.vigil.panel.config.Output;
import org.vigil.panel.config.OutputType;
import org.vigil.panel.config.Profile;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Step;

/**
 * The silent part of a duress: a hold-up condition without a device (BS 8243 3.1.17) raised for the
 * hold-up rules, which signal it to the ARC (Contact ID 121 with the user number, and zone 992 when
 * so configured; SIA HA) and switch the duress indicators; plus the area's configured discreet
 * outputs (seed 000: a blue strobe in a back room).
 * Nothing here is user-facing: no display, no tone, no user-visible log entry. The visible part of a
 * duress is the normal command, done by the normal code path.
 *
 * <p>As a feature it only switches the discreet outputs off again when the ARC (or a user) restores
 * the area.
 */
public final class DuressSignal implements Feature {
  static final String RULE = "Vista: level 6 duress, reported on the 5th key press";

  /** Areas with a duress in progress (discreet outputs on). */
  public record Active(Set<String> areas) {
    public static final Active NONE = new Active(Set.of());
  }

  /** Whether duress reporting is on in an area: partition switch, and engineer-enabled under BS 8243 (4.5 g). */
  public static boolean enabled(Step step, Area a) {
    Duress d = a.duress();
    if (!d.enabled()) return false;
    return step.site().site().profile() != Profile.BS8243 || d.engineerEnabled();
  }

  /**
   * Sends the duress for {@code areas} (those of the keypad or reader where the user has access),
   * whatever the command then does. Areas without duress reporting get an installer-only log line.
   */
  public static void send(Step step, int user, List<String> areas, String source) {
    Active act = step.feature(Active.class, Active.NONE);
    Set<String> on = new HashSet<>(act.areas());
    for (String id : areas) {
      Area a = step.areaConfig(id);
      if (!enabled(step, a)) {
        step.log("duress code used at " + source + " but duress reporting is off in " + a.name(), "BS8243 4.5(g) / Vista *85", false);
        continue;
      }
      Duress d = a.duress();
      Integer zone = d.report() == Duress.Report.ZONE_992 ? Duress.ZONE : null;
      String route = d.route() == Duress.Route.POLICE ? "police" : "ARC and keyholders only";
      // The hold-up rules send it (Contact ID 121 / SIA HA), run the hold-up confirmation time and
      // switch the duress_indicator outputs (docs/holdup.md, "Duress (3.1.17)").
      step.raise(new Input.HoldUpCondition(id, user, zone, source));
      for (String o : a.duress().outputs()) step.output(o, true, "duress: discreet output (seed 000)");
      step.log("duress by user " + user + " at " + source + " in " + a.name() + " (route: " + route + ")", RULE, false);
      on.add(id);
    }
    step.putFeature(Active.class, new Active(on));
  }

  /** Configured discreet outputs of the area, plus every duress indicator serving it. */
  static List<String> discreet(Step step, Area a) {
    Set<String> ids = new java.util.LinkedHashSet<>(a.duress().outputs());
    for (Output o : step.site().outputsFor(a.id(), OutputType.DURESS_INDICATOR)) ids.add(o.id());
    return List.copyOf(ids);
  }

  /** Output ids that a duress may switch: excluded from "user-facing" comparisons. */
  public static Set<String> discreetOutputs(org.vigil.panel.config.SiteConfig site) {
    Set<String> ids = new HashSet<>();
    site.areas().forEach(a -> ids.addAll(a.duress().outputs()));
    site.outputs().stream().filter(o -> o.type() == OutputType.DURESS_INDICATOR).forEach(o -> ids.add(o.id()));
    return ids;
  }

  @Override
  public void on(Input input, Step step) {
    String area;
    int user;
    switch (input) {
      case Input.RemoteCommand(String a, Input.RemoteAction action, int u) when action == Input.RemoteAction.RESTORE -> {
        area = a;
        user = u;
      }
      case Input.HoldUpRestore r when r.level() == 2 || r.level() == 3 -> {
        area = r.area();
        user = r.user();
      }
      default -> {
        return;
      }
    }
    {
      Active act = step.feature(Active.class, Active.NONE);
      if (!act.areas().contains(area)) return;
      if (step.site().area(area).isEmpty()) return;
      for (String o : discreet(step, step.areaConfig(area))) step.output(o, false, "duress restored by " + (user == 0 ? "the ARC" : "user " + user));
      Set<String> on = new HashSet<>(act.areas());
      on.remove(area);
      step.putFeature(Active.class, new Active(on));
      step.log("duress restored in " + step.areaConfig(area).name(), "BS8473 restore", false);
    }
  }
}
