package org.vigil.panel.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.Technology;

/**
 * Whether two detectors are independent, i.e. whether activations of both can sequentially confirm
 * an intruder alarm (DD243 5.4.1-5.4.3, BS 8243 5.4). One relation, used by the validator and by the
 * engine, so the design check and the running panel can never disagree.
 */
public final class Independence {
  /** NSI's suggested minimum spacing between movement detectors (DD243 5.4.2 "some distance apart"). */
  public static final double MIN_MOVEMENT_SPACING_M = 2.5;

  private Independence() {}

  /** The verdict for a pair, with the clause that decides it and a reason an installer can read. */
  public record Verdict(Detector a, Detector b, boolean confirms, String rule, String reason) {}

  public static Verdict of(Detector a, Detector b) {
    if (a.id().equals(b.id())) {
      if (a.technology() == Technology.DUAL_TECH) {
        return new Verdict(a, b, false, "DD243 5.4.3", "a single dual-technology detector does not confirm itself");
      }
      return new Verdict(a, b, false, "DD243 5.4.3", "the same detector twice ('double knock') does not confirm");
    }
    if (!a.role().detectsIntrusion() || !b.role().detectsIntrusion() || a.technology() == Technology.SWITCH || b.technology() == Technology.SWITCH) {
      return new Verdict(a, b, false, "DD243 5.4.1", "not both intruder detectors (switches, push-to-set and tamper circuits do not confirm)");
    }
    boolean known = !(a.coverage().isEmpty() && a.overlaps().isEmpty()) && !(b.coverage().isEmpty() && b.overlaps().isEmpty());
    boolean overlap = overlaps(a, b) || !known;
    String assumed = known ? "" : " (coverage not given for both: assumed overlapping)";
    boolean movement = a.technology().movement() && b.technology().movement();
    if (movement) {
      if (a.position() != null && b.position() != null) {
        double dist = a.position().distanceTo(b.position());
        if (dist < MIN_MOVEMENT_SPACING_M) {
          return new Verdict(a, b, false, "DD243 5.4.2",
              String.format(Locale.ROOT, "movement detectors only %.1f m apart (at least %.1f m)", dist, MIN_MOVEMENT_SPACING_M));
        }
      }
      if (overlap) {
        if (a.technology() == Technology.DUAL_TECH || b.technology() == Technology.DUAL_TECH) {
          return new Verdict(a, b, true, "DD243 5.4.2", "overlapping movement detectors, at least one dual-technology" + assumed);
        }
        return new Verdict(a, b, false, "DD243 5.4.2", "overlapping movement detectors need at least one dual-technology detector" + assumed);
      }
      return new Verdict(a, b, true, "DD243 5.4.2", "movement detectors without overlapping coverage");
    }
    if (a.technology() != b.technology()) {
      return new Verdict(a, b, true, "DD243 5.4.1(b)", "different technologies (" + spell(a) + " and " + spell(b) + ")");
    }
    if (overlap) {
      return new Verdict(a, b, false, "DD243 5.4.3", "two " + spell(a) + " detectors with overlapping coverage" + assumed);
    }
    return new Verdict(a, b, true, "DD243 5.4.1(b)", "same technology (" + spell(a) + ") without overlapping coverage");
  }

  public static boolean overlaps(Detector a, Detector b) {
    if (a.overlaps().contains(b.id()) || b.overlaps().contains(a.id())) return true;
    for (String r : a.coverage()) if (b.coverage().contains(r)) return true;
    return false;
  }

  /** Every unordered pair of intruder detectors in an area, with its verdict. */
  public static List<Verdict> pairs(SiteConfig site, String area) {
    List<Detector> ds = site.detectorsIn(area).stream().filter(d -> d.role().detectsIntrusion() && d.technology() != Technology.SWITCH).toList();
    List<Verdict> out = new ArrayList<>();
    for (int i = 0; i < ds.size(); i++) {
      for (int j = i + 1; j < ds.size(); j++) out.add(of(ds.get(i), ds.get(j)));
    }
    return out;
  }

  private static String spell(Detector d) {
    return d.technology().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
