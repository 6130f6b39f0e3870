package org.vigil.panel.validate;

import java.util.ArrayList;
import java.util.List;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.Output;
import org.vigil.panel.config.OutputType;
import org.vigil.panel.config.Profile;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.config.User;
import org.vigil.panel.config.Duress;

/**
 * Design checks of issue 4: code differs against the grade (EN 50131-1 8.3, EN 50131-3 8.3.2.2.1;
 * standards.md 1.3), duress rules (BS 8243 4.5 f-g, seed 000/001, UK police policy), quick arm and
 * user-number reporting (seed 001). Pure.
 */
public final class UserChecks {
  static final String DIFFERS_RULE = "EN50131-1 8.3 / EN50131-3 8.3.2.2.1 code differs (per-grade minimum [UNVERIFIED], standards.md 1.3)";

  private UserChecks() {}

  /** The number of differs for codes of {@code length} digits (standards.md 1.3). */
  public record Differs(int length, long combinations, long inUse, long duressCodes, long disallowedNeighbours, long available) {}

  public static Differs differs(SiteConfig site) {
    int length = codeLength(site);
    long combinations = (long) Math.pow(10, length);
    long inUse = 0;
    long duress = 0;
    for (User u : site.users()) {
      if (u.pin() != null) inUse++;
      if (u.duressPin() != null) {
        inUse++;
        duress++;
      }
      if (u.pin() != null && u.authority().containsValue(6)) duress++;
    }
    long neighbours = duress * 2L * site.codes().duressNeighbours();
    return new Differs(length, combinations, inUse, duress, neighbours, Math.max(0, combinations - inUse - neighbours));
  }

  /** The configured code length, or the shortest PIN in use (4 when unknown). */
  static int codeLength(SiteConfig site) {
    if (site.codes().length() > 0) return site.codes().length();
    int min = Integer.MAX_VALUE;
    for (User u : site.users()) {
      if (u.pin() != null && u.pin().length() > 0) min = Math.min(min, u.pin().length());
      if (u.duressPin() != null && u.duressPin().length() > 0) min = Math.min(min, u.duressPin().length());
    }
    return min == Integer.MAX_VALUE ? 4 : min;
  }

  public static List<Finding> check(SiteConfig site) {
    List<Finding> out = new ArrayList<>();
    boolean anyCode = site.users().stream().anyMatch(u -> u.pin() != null || u.duressPin() != null);
    if (anyCode) differs(site, out);
    duress(site, out);
    quickArm(site, out);
    reporting(site, out);
    schedules(site, out);
    return out;
  }

  /**
   * Weekly schedules are wall-clock times in site.time_zone: a site left in UTC (the default) or on a
   * fixed offset sees its windows move by an hour at the DST changes of its country.
   */
  private static void schedules(SiteConfig site, List<Finding> out) {
    java.time.ZoneId zone = site.site().timeZone();
    boolean fixed = zone.getRules().isFixedOffset();
    if (!fixed) return;
    for (int i = 0; i < site.users().size(); i++) {
      User u = site.users().get(i);
      if (u.schedules() == null || u.schedules().isEmpty()) continue;
      add(out, site, Severity.INFO, "Vista: access schedules (site local time)", "users[" + i + "].schedules",
          "user " + u.number() + "'s weekly windows are read in " + site.site().timeZoneName() + ", which has no daylight saving: set site.time_zone (e.g. Europe/London) if the site's clocks change");
    }
  }

  private static void add(List<Finding> out, SiteConfig site, Severity s, String rule, String path, String message) {
    out.add(new Finding(s, rule, path, site.locate(path), message));
  }

  private static void differs(SiteConfig site, List<Finding> out) {
    int grade = site.site().grade();
    CodePolicy p = site.codes();
    long min = p.minDiffers(grade);
    Differs d = differs(site);
    String sum = String.format("%d-digit codes: %,d combinations - %d codes in use - %d disallowed neighbours of %d duress code(s) = %,d differs; grade %d needs %,d",
        d.length(), d.combinations(), d.inUse(), d.disallowedNeighbours(), d.duressCodes(), d.available(), grade, min);
    if (d.available() < min) {
      int need = d.length();
      while (need < 8 && (long) Math.pow(10, need) - d.inUse() - d.disallowedNeighbours() < min) need++;
      // A warning, not an error: the per-grade minimum is the commonly quoted figure, Table 3 unseen.
      add(out, site, Severity.WARNING, DIFFERS_RULE, site.codes().length() > 0 ? "codes.length" : "users", sum + ": use " + need + "-digit codes (codes.length: " + need + ")");
    } else {
      add(out, site, Severity.INFO, DIFFERS_RULE, "users", sum);
    }
    for (int i = 0; i < site.users().size(); i++) {
      User u = site.users().get(i);
      if (u.pin() != null && u.pin().length() > 0 && u.pin().length() < d.length()) {
        add(out, site, Severity.WARNING, DIFFERS_RULE, "users[" + i + "].pin", "user " + u.number() + " has a " + u.pin().length() + "-digit code, shorter than the " + d.length() + " digits the differs are counted for");
      }
    }
  }

  private static void duress(SiteConfig site, List<Finding> out) {
    boolean bs = site.site().profile() == Profile.BS8243;
    for (int i = 0; i < site.users().size(); i++) {
      User u = site.users().get(i);
      for (var e : u.authority().entrySet()) {
        boolean duressCode = e.getValue() == 6 || u.duressPin() != null;
        Area a = site.area(e.getKey()).orElse(null);
        if (!duressCode || a == null) continue;
        Duress d = a.duress();
        if (!d.enabled()) {
          add(out, site, Severity.WARNING, "Vista: duress reporting needs the partition's *85 switch", "users[" + i + "]",
              "user " + u.number() + " has a duress code, but duress reporting is off in area " + a.id() + ": it works there as an ordinary code");
        } else if (bs && !d.engineerEnabled()) {
          add(out, site, Severity.WARNING, "BS8243 4.5(g)", "users[" + i + "]",
              "user " + u.number() + " has a duress code, but the engineer has not enabled the duress facility in area " + a.id());
        }
      }
    }
    for (int i = 0; i < site.areas().size(); i++) {
      Area a = site.areas().get(i);
      Duress d = a.duress();
      String p = "areas[" + i + "].duress";
      if (!d.enabled()) continue;
      boolean hasCode = site.users().stream().anyMatch(u -> u.levelIn(a.id()) >= 0 && (u.duressPin() != null || u.levelIn(a.id()) == 6));
      if (!hasCode) add(out, site, Severity.INFO, "Vista: level 6 duress codes per partition", p, "duress reporting is on in area " + a.id() + " but no user has a duress code there");
      for (String id : d.outputs()) {
        Output o = site.output(id).orElse(null);
        if (o != null && o.type() != OutputType.DURESS_INDICATOR && o.type() != OutputType.GENERIC) {
          add(out, site, Severity.ERROR, "seed 000: duress must leave no trace the attacker can see", p + ".outputs",
              "output " + id + " is a " + o.type().name().toLowerCase() + ": a discreet duress output must be a duress_indicator or generic output, never a warning device or status output");
        }
      }
      if (bs && d.route() == Duress.Route.POLICE) {
        add(out, site, Severity.WARNING, "BS8243 4.5(f) / UK police policy (panel-anchors.md item 3)", p + ".route",
            "UK police policy bars duress codes for police call unless the response authority permits: route arc_keyholders, or record the permission in the justification");
      }
    }
  }

  private static void quickArm(SiteConfig site, List<Finding> out) {
    if (!site.codes().quickArm()) return;
    boolean nonInstaller = site.users().stream().anyMatch(u -> u.pin() != null && u.authority().values().stream().anyMatch(l -> l > 0));
    if (!nonInstaller) add(out, site, Severity.ERROR, "Vista *29: quick arm needs a non-installer user code", "codes.quick_arm", "quick arm is enabled but no non-installer user code exists");
    User two = site.user(2).orElse(null);
    for (Area a : site.areas()) {
      if (two == null || two.levelIn(a.id()) < 0) {
        add(out, site, Severity.INFO, "Vista: quick arm reports as user 000 with user 002's open/close setting", "codes.quick_arm",
            "user 002 has no authority in area " + a.id() + ": quick-arm open/close there follows no user (set user 002, e.g. level 5, in every partition)");
      }
    }
  }

  private static void reporting(SiteConfig site, List<Finding> out) {
    boolean nonCid = site.transmission().paths().stream().anyMatch(p -> p.format() != TransmissionPath.Format.ADM_CID);
    if (!nonCid) return;
    for (int i = 0; i < site.users().size(); i++) {
      User u = site.users().get(i);
      if (u.number() > 15) {
        add(out, site, Severity.INFO, "Vista: other formats than Contact ID report users 001-015 uniquely", "users[" + i + "].number",
            "user " + u.number() + " reports as user 015 on a path not using Contact ID");
      }
    }
  }
}
