package org.vigil.panel.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.DetectorRole;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Input;

/**
 * A seeded, reproducible busy day for a site: set/unset cycles at keypads, detector traffic (active
 * then normal), occasional tampers, cards and path faults, spread evenly over {@code span}. Used by
 * the performance benchmark ({@code vigil simulate SITE --generate N}).
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static Scenario scenario(SiteConfig site, long seed, int inputs, Duration span, Instant start) {
    Random r = new Random(seed);
    List<ScenarioStep> steps = new ArrayList<>();
    List<Detector> dets = site.detectors().stream().filter(d -> d.role() != DetectorRole.TAMPER).toList();
    // A user code is not recoverable from its hash; the generator uses wrong codes for keypads
    // (refused, still exercising the keypad path) unless the site gives none.
    List<Keypad> kps = site.keypads();
    long stepNanos = Math.max(1, span.toNanos() / Math.max(1, inputs));
    int n = 0;
    while (n < inputs) {
      Instant at = start.plusNanos(stepNanos * n);
      List<Input> in = new ArrayList<>();
      int kind = r.nextInt(100);
      if (kind == 0 && !site.areas().isEmpty()) {
        // Set/unset cycle of one area by the ARC/remote, completed by the area's own method.
        var a = site.areas().get(r.nextInt(site.areas().size()));
        if (r.nextBoolean()) {
          in.add(new Input.RemoteCommand(a.id(), Input.RemoteAction.UNSET, 0));
        } else {
          in.add(new Input.RemoteCommand(a.id(), Input.RemoteAction.SET, 0));
          in.addAll(completion(site, a));
        }
      } else if (kind < 80 && !dets.isEmpty()) {
        Detector d = dets.get(r.nextInt(dets.size()));
        // A detection: active, then normal again (a door opening and closing, a PIR pulse).
        in.add(new Input.DetectorActive(d.id()));
        in.add(new Input.DetectorNormal(d.id()));
      } else if (kind < 90 && !kps.isEmpty()) {
        Keypad k = kps.get(r.nextInt(kps.size()));
        in.add(new Input.KeyPressed(k.id(), String.valueOf((char) ('0' + r.nextInt(10)))));
      } else if (kind < 95 && !site.readers().isEmpty()) {
        User u = site.users().isEmpty() ? null : site.users().get(r.nextInt(site.users().size()));
        String card = u == null || u.cards().isEmpty() ? "UNKNOWN" : u.cards().get(0);
        in.add(new Input.CardPresented(site.readers().get(r.nextInt(site.readers().size())).id(), card, null));
      } else if (kind < 98 && !dets.isEmpty()) {
        Detector d = dets.get(r.nextInt(dets.size()));
        in.add(r.nextBoolean() ? new Input.TamperOpen(d.id()) : new Input.TamperRestored(d.id()));
      } else {
        in.add(new Input.Tick());
      }
      steps.add(new ScenarioStep(at, new org.vigil.panel.yaml.Loc("<generated>", n + 1, 1), in, List.of()));
      n += in.size();
    }
    return new Scenario("generated: " + inputs + " inputs over " + span, Path.of("<generated>"), null, start, start.plus(span), steps);
  }

  private static List<Input> completion(SiteConfig site, org.vigil.panel.config.Area a) {
    List<Input> out = new ArrayList<>();
    List<Detector> ds = site.detectorsIn(a.id());
    switch (a.completion()) {
      case FINAL_DOOR -> ds.stream().filter(d -> d.role() == DetectorRole.FINAL_EXIT).findFirst().ifPresent(d -> {
        out.add(new Input.DetectorActive(d.id()));
        out.add(new Input.DetectorNormal(d.id()));
      });
      case PUSH_TO_SET -> ds.stream().filter(d -> d.role() == DetectorRole.PUSH_TO_SET).findFirst().ifPresent(d -> {
        out.add(new Input.DetectorActive(d.id()));
        out.add(new Input.DetectorNormal(d.id()));
      });
      case SHUNT_LOCK -> ds.stream().filter(d -> d.role() == DetectorRole.SHUNT_LOCK).findFirst().ifPresent(d -> out.add(new Input.DetectorActive(d.id())));
      case ARC -> out.add(new Input.RemoteCommand(a.id(), Input.RemoteAction.COMPLETE_SETTING, 0));
      case DIGITAL_KEY, TIMED -> {}
    }
    return out;
  }
}
