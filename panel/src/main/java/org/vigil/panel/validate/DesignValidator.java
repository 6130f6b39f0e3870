package org.vigil.panel.validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.panel.config.AtsCategory;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Completion;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.DetectorRole;
import org.vigil.panel.config.OutputType;
import org.vigil.panel.config.Profile;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.Technology;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.config.UnsetMethod;
import org.vigil.panel.config.User;
import org.vigil.panel.design.Independence;
import org.vigil.panel.yaml.Durations;

/**
 * Checks a site design against its grade and profile before commissioning. Each finding cites its
 * clause. Pure: no I/O.
 */
public final class DesignValidator {
  static final Duration ICT_MIN = Duration.ofMinutes(30);
  static final Duration ICT_MAX = Duration.ofMinutes(60);
  static final Duration HCT_MIN = Duration.ofHours(8);
  static final Duration HCT_MAX = Duration.ofHours(20);
  static final Duration ENTRY_MAX = Duration.ofSeconds(45);

  private DesignValidator() {}

  public static Report validate(SiteConfig site) {
    Ctx c = new Ctx(site);
    List<AreaConfirmation> conf = new ArrayList<>();
    for (int i = 0; i < site.areas().size(); i++) {
      conf.add(intruderConfirmation(c, site.areas().get(i), i));
      setting(c, site.areas().get(i), i);
      unsetting(c, site.areas().get(i), i);
      timers(c, site.areas().get(i), i);
      duress(c, site.areas().get(i), i);
    }
    holdUp(c);
    grade(c);
    outputs(c);
    transmission(c);
    c.findings.addAll(UserChecks.check(site));
    c.findings.sort(Comparator.comparing(Finding::severity).thenComparing(f -> f.loc().line()));
    return new Report(site, List.copyOf(c.findings), conf);
  }

  private static final class Ctx {
    final SiteConfig site;
    final boolean bs;
    final List<Finding> findings = new ArrayList<>();

    Ctx(SiteConfig site) {
      this.site = site;
      this.bs = site.site().profile() == Profile.BS8243;
    }

    void add(Severity s, String rule, String path, String message) {
      findings.add(new Finding(s, rule, path, site.locate(path), message));
    }

    /** Error under the BS 8243 profile, warning under plain EN 50131. */
    void bsError(String rule, String path, String message) {
      add(bs ? Severity.ERROR : Severity.WARNING, rule, path, message);
    }
  }

  // ---- DD243 5.4 / BS 8243 5.4 ----

  private static AreaConfirmation intruderConfirmation(Ctx c, Area a, int i) {
    String path = "areas[" + i + "]";
    List<Independence.Verdict> pairs = Independence.pairs(c.site, a.id());
    AreaConfirmation ac = new AreaConfirmation(a.id(), pairs);
    for (Independence.Verdict v : pairs) {
      String pp = detectorPath(c, v.b());
      String names = v.a().name() + " (zone " + v.a().zone() + ") + " + v.b().name() + " (zone " + v.b().zone() + ")";
      if (v.confirms()) {
        c.add(Severity.INFO, v.rule(), pp, "area " + a.id() + ": " + names + " can sequentially confirm: " + v.reason());
      } else if (v.reason().contains(" apart")) {
        c.add(Severity.WARNING, v.rule(), pp, "area " + a.id() + ": " + names + " cannot confirm: " + v.reason());
      } else {
        c.add(Severity.INFO, v.rule(), pp, "area " + a.id() + ": " + names + " never confirm: " + v.reason());
      }
      if (v.reason().contains("assumed overlapping")) {
        c.add(Severity.WARNING, "DD243 5.4.1(b)", pp, "coverage of " + v.a().name() + " / " + v.b().name() + " not given: overlap cannot be known, assumed overlapping");
      }
    }
    List<Detector> ds = c.site.detectorsIn(a.id()).stream().filter(d -> d.role().detectsIntrusion()).toList();
    if (ds.size() == 1 && ds.get(0).technology() == Technology.DUAL_TECH) {
      c.add(Severity.INFO, "DD243 5.4.3", detectorPath(c, ds.get(0)), "a single dual-technology detector does not confirm itself");
    }
    if (!ac.canConfirm()) {
      c.bsError("DD243 5.4.1 / BS8243 5.4", path, "area " + a.id() + " can never produce a sequentially confirmed intruder alarm: no pair of independent detectors");
    }
    return ac;
  }

  private static String detectorPath(Ctx c, Detector d) {
    return "detectors[" + c.site.detectors().indexOf(d) + "]";
  }

  // ---- 6.3 setting ----

  private static void setting(Ctx c, Area a, int i) {
    String path = "areas[" + i + "].setting.completion";
    List<Detector> ds = c.site.detectorsIn(a.id());
    switch (a.completion()) {
      case TIMED -> c.bsError("BS8243 6.3 NOTE 1", path, "timed exit is not permitted: setting must be completed by a shunt lock, push button, final door contact, digital key or the ARC");
      case FINAL_DOOR -> {
        if (ds.stream().noneMatch(d -> d.role() == DetectorRole.FINAL_EXIT)) c.add(Severity.ERROR, "BS8243 6.3(c)", path, "completion by the final exit door needs a detector with role final_exit in area " + a.id());
      }
      case PUSH_TO_SET -> {
        if (ds.stream().noneMatch(d -> d.role() == DetectorRole.PUSH_TO_SET)) c.add(Severity.ERROR, "BS8243 6.3(b)", path, "completion by push button needs a zone with role push_to_set in area " + a.id());
      }
      case SHUNT_LOCK -> {
        if (ds.stream().noneMatch(d -> d.role() == DetectorRole.SHUNT_LOCK)) c.add(Severity.ERROR, "BS8243 6.3(a)", path, "completion by shunt lock needs a zone with role shunt_lock in area " + a.id());
      }
      case DIGITAL_KEY -> {
        if (c.site.readers().stream().noneMatch(r -> r.areas().contains(a.id()) && !r.inside())) c.add(Severity.ERROR, "BS8243 6.3(d)", path, "completion by digital key needs a reader outside for area " + a.id());
      }
      case ARC -> c.add(Severity.INFO, "BS8243 6.3(e)", path, "setting of " + a.id() + " is completed in conjunction with the ARC");
    }
    if (a.completion() != Completion.TIMED) {
      boolean inside = c.site.keypads().stream().anyMatch(k -> k.areas().contains(a.id()) && k.inside())
          || c.site.readers().stream().anyMatch(r -> r.areas().contains(a.id()) && r.inside());
      if (!inside) c.add(Severity.WARNING, "BS8243 6.3", "areas[" + i + "]", "two-stage setting is initiated inside the premises, but area " + a.id() + " has no keypad or reader inside");
      else c.add(Severity.INFO, "BS8243 6.3", path, "two-stage setting: initiated inside, completed by " + a.completion().name().toLowerCase() + " " + a.completion().clause());
    }
    if (a.completion() == Completion.TIMED && a.exitTime() == null) c.add(Severity.WARNING, "EN50131-1 8.3", "areas[" + i + "].setting", "timed exit without exit_time: 30 s assumed");
  }

  // ---- 6.4 unsetting ----

  private static void unsetting(Ctx c, Area a, int i) {
    String path = "areas[" + i + "].unsetting";
    UnsetMethod m = a.unsetMethod();
    if (m == UnsetMethod.TIMED_ENTRY) {
      c.bsError("BS8243 6.4.1", path + ".method", "timed entry with a code at a keypad is not one of the five unsetting methods 6.4.2-6.4.6");
      return;
    }
    if (m == UnsetMethod.DOOR_DISABLES_CONFIRMATION || m == UnsetMethod.DIGITAL_KEY) {
      if (blank(a.riskAssessment())) {
        c.bsError("BS8243 6.4.1", path + ".risk_assessment", "method " + m.clause() + " may be selected only after a recorded assessment of the security implications (DD CLC/TS 50131-7): give unsetting.risk_assessment");
      }
    }
    if (m == UnsetMethod.DOOR_DISABLES_CONFIRMATION && blank(a.clientWrittenAcceptance())) {
      c.bsError("BS8243 6.4.4 / DD243 6.4(c)", path + ".client_written_acceptance", "the client must be told in writing that opening the entry door disables all confirmation and accept it in writing: give unsetting.client_written_acceptance");
    }
    if ((m == UnsetMethod.LOCK_UNSETS || m == UnsetMethod.LOCK_DISABLES_CONFIRMATION)) {
      if (blank(a.agreedArrangements())) {
        c.add(Severity.WARNING, "BS8243 " + m.clause(), path + ".agreed_arrangements", "the arrangements keeping the premises secure if the powered lock fails must be agreed with the client and recorded in the design proposal and as-fitted document");
      }
      if (c.site.readers().stream().noneMatch(r -> r.areas().contains(a.id()) && !r.inside() && r.lockOutput() != null)) {
        c.add(Severity.WARNING, "BS8243 " + m.clause(), path + ".method", "method " + m.clause() + " needs a lock electrically connected to the IAS (e.g. an outside reader with lock_output)");
      }
    }
    if (m == UnsetMethod.DIGITAL_KEY && c.site.readers().stream().noneMatch(r -> r.areas().contains(a.id()))) {
      c.add(Severity.ERROR, "BS8243 6.4.5", path + ".method", "unsetting by digital key needs a reader for area " + a.id());
    }
    if (a.entryTime().compareTo(ENTRY_MAX) > 0) {
      c.add(Severity.WARNING, "EN50131-1 8.3.8.2 (UK practice: entry time at most 45 s)", path + ".entry_time", "entry time " + Durations.format(a.entryTime()) + " is longer than 45 s");
    }
  }

  private static void timers(Ctx c, Area a, int i) {
    String p = "areas[" + i + "].";
    if (a.intruderConfirmationTime().compareTo(ICT_MIN) < 0 || a.intruderConfirmationTime().compareTo(ICT_MAX) > 0) {
      c.bsError("DD243 5.4.1 / BS8243 5.4", p + "intruder_confirmation_time", "intruder confirmation time must be 30-60 min, found " + Durations.format(a.intruderConfirmationTime()));
    }
    if (a.holdUpConfirmationTime().compareTo(HCT_MIN) < 0 || a.holdUpConfirmationTime().compareTo(HCT_MAX) > 0) {
      c.bsError("BS8243 5.4.1.2", p + "holdup_confirmation_time", "hold-up confirmation time must be 8-20 h, found " + Durations.format(a.holdUpConfirmationTime()));
    }
  }

  private static void duress(Ctx c, Area a, int i) {
    String p = "areas[" + i + "].duress";
    if (!a.duress().enabled()) return;
    if (!a.duress().engineerEnabled()) c.add(Severity.ERROR, "BS8243 4.5(g)", p + ".engineer_enabled", "the duress facility must be engineer programmed only (default off)");
    if (blank(a.duress().justification())) c.add(Severity.ERROR, "BS8243 4.5(f)", p + ".justification", "duress codes only where the risk makes it necessary and the response authority permits: record the justification");
  }

  // ---- HAS 4.5, 5.3.1, 5.4.1.2 ----

  private static void holdUp(Ctx c) {
    // The hold-up feature owns these checks (4.5 a-e, 5.2.2, 5.3.1, 5.4.1.2 b).
    c.findings.addAll(org.vigil.panel.validate.holdup.HoldUpChecks.check(c.site));
  }

  // ---- EN 50131 grade ----

  private static void grade(Ctx c) {
    int g = c.site.site().grade();
    for (int i = 0; i < c.site.detectors().size(); i++) {
      Detector d = c.site.detectors().get(i);
      if (d.grade() > 0 && d.grade() < g) {
        c.add(Severity.WARNING, "EN50131-1 7 (system grade = lowest component)", "detectors[" + i + "].grade", d.name() + " is grade " + d.grade() + ": the system becomes grade " + d.grade());
      }
    }
    // Code differs, duress codes, quick arm: UserChecks (issue 4).
  }

  private static void outputs(Ctx c) {
    if (c.site.timers().bellDuration().compareTo(Duration.ofMinutes(20)) > 0) {
      c.add(Severity.ERROR, "UK practice / police policy: bell cut-off within 20 min", "timers.bell_duration", "external warning devices must stop within 20 minutes, found " + Durations.format(c.site.timers().bellDuration()));
    } else if (c.site.timers().bellDuration().compareTo(Duration.ofSeconds(90)) < 0) {
      c.add(Severity.WARNING, "EN50131-4 (WD at least 90 s) [manufacturer practice]", "timers.bell_duration", "bell duration " + Durations.format(c.site.timers().bellDuration()) + " is shorter than 90 s");
    }
    boolean strobe = c.site.outputs().stream().anyMatch(o -> o.type() == OutputType.STROBE || o.type() == OutputType.STATUS_CONFIRMED);
    boolean bell = c.site.outputs().stream().anyMatch(o -> o.type() == OutputType.EXTERNAL_WD);
    if (bell && !strobe) c.add(Severity.INFO, "DD243 Q&A (bell = unconfirmed, strobe = confirmed)", "outputs", "no strobe or confirmed-status output: a keyholder cannot see that an alarm has been confirmed before entering");
    if (!bell && c.site.transmission().paths().isEmpty()) c.add(Severity.ERROR, "EN50131-1 8.6 notification", "outputs", "no external warning device and no transmission path: alarms are notified nowhere");
  }

  private static void transmission(Ctx c) {
    List<TransmissionPath> ps = c.site.transmission().paths();
    if (ps.isEmpty()) {
      c.bsError("BS8243 4 / DD243 (police response needs a monitored system)", "transmission", "no transmission path: confirmed alarms cannot reach an ARC");
      return;
    }
    if (ps.size() >= 2) {
      boolean diff = ps.stream().map(p -> p.technology().toLowerCase()).distinct().count() > 1;
      c.add(Severity.INFO, "DD243 4.3(b)", "transmission.paths", diff
          ? "two paths of different technologies: a fault on both can be treated by the ARC as a confirmed alarm"
          : "both paths use the same technology: two path faults do not count as confirmation at the ARC");
    }
    atsCategory(c, ps);
    duressOverSia(c, ps);
  }

  static final String DURESS_992_RULE = "Vista: zone 992 reports duress (seed 001); SIA HA is also a silent hold-up (docs/arc-handling.md)";

  /**
   * On SIA-DCS a duress goes as {@code HA} with the user number, the same code as a silent hold-up,
   * so the ARC cannot tell them apart unless it comes on zone 992 ({@code duress_zone_992}).
   */
  private static void duressOverSia(Ctx c, List<TransmissionPath> ps) {
    if (c.site.transmission().duressZone992()) return;
    // Areas reporting duress on zone 992 (duress.report: zone_992) are unambiguous already.
    List<String> areas = c.site.areas().stream().filter(a -> a.duress().enabled() && a.duress().report() != org.vigil.panel.config.Duress.Report.ZONE_992)
        .map(Area::id).toList();
    List<String> sia = ps.stream().filter(p -> p.format() == TransmissionPath.Format.SIA_DCS).map(TransmissionPath::id).toList();
    if (areas.isEmpty() || sia.isEmpty()) return;
    c.add(Severity.WARNING, DURESS_992_RULE, "transmission.duress_zone_992",
        "duress is enabled (" + String.join(", ", areas) + ") and " + (sia.size() == 1 ? "path " + sia.get(0) + " sends" : "paths " + String.join(", ", sia) + " send") + " SIA-DCS: a duress goes as SIA HA with the user number, "
            + "which the ARC cannot tell from a silent hold-up; set transmission.duress_zone_992: true or the area's duress.report: zone_992 (HA on zone 992)");
  }

  /** The ATS category against the grade and the paths (transmitter issue 9). */
  private static void atsCategory(Ctx c, List<TransmissionPath> ps) {
    String raw = c.site.transmission().category();
    int grade = c.site.site().grade();
    if (raw == null) {
      if (grade >= 2) {
        c.add(Severity.WARNING, "EN50136-1 / EN50131-1 Table 10", "transmission.category",
            "no ATS category (SP1-SP6, DP1-DP4) given for a grade " + grade + " system: poll and failure times are not checked against a category");
      }
      return;
    }
    AtsCategory cat = AtsCategory.parse(raw).orElse(null);
    if (cat == null) return; // the loader already reported it
    if (!cat.meetsGrade(grade)) {
      int min = AtsCategory.minimumLevel(grade, cat.dual());
      c.add(Severity.ERROR, "EN50131-1 Table 10 (ATS category per grade; values unverified)", "transmission.category",
          "category " + cat + " is below grade " + grade + ": it needs at least " + (cat.dual() ? "DP" : "SP") + min);
    }
    if (cat.dual() && ps.size() < 2) {
      c.add(Severity.ERROR, "EN50136-1 Table 1 (DP: alternative path)", "transmission.paths", "category " + cat + " is dual path but only " + ps.size() + " path is configured");
    }
    for (int i = 0; i < ps.size(); i++) {
      TransmissionPath p = ps.get(i);
      Duration limit = cat.reportingTime(p.role());
      String path = "transmission.paths[" + i + "]";
      if (p.failureTime().compareTo(limit) > 0) {
        c.add(Severity.ERROR, AtsCategory.RULE, path + ".failure_time",
            "path " + p.id() + " is declared failed only after " + Durations.format(p.failureTime()) + ", longer than " + cat + "'s " + p.role().name().toLowerCase() + " reporting time " + Durations.format(limit));
      }
      if (p.pollInterval().compareTo(p.failureTime()) >= 0) {
        c.add(Severity.INFO, "DC-09 NULL supervision", path + ".poll_interval",
            "path " + p.id() + " polls every " + Durations.format(p.pollInterval()) + ", not more often than its failure time " + Durations.format(p.failureTime())
                + ": the transmitter brings each poll forward by its ACK timeout so the last one can be answered; one lost poll still declares the path failed");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
