package org.vigil.panel.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.HoldUpDevice;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.design.Independence;
import org.vigil.panel.yaml.Durations;

/**
 * The as-fitted document (BS 8243 Annex F): the design, the confirmation technologies chosen and why,
 * the unsetting method and agreed arrangements, and every finding. Rendered as Markdown or HTML from
 * one outline.
 */
public final class AsFitted {
  private AsFitted() {}

  public enum Format { MARKDOWN, HTML }

  private sealed interface Block {}

  private record Heading(int level, String text) implements Block {}

  private record Para(String text) implements Block {}

  private record Table(List<String> head, List<List<String>> rows) implements Block {}

  private record Bullets(List<String> items) implements Block {}

  public static String render(Report r, Format f) {
    List<Block> doc = outline(r);
    return f == Format.MARKDOWN ? markdown(doc) : html(doc, r.site().site().name());
  }

  private static List<Block> outline(Report r) {
    SiteConfig s = r.site();
    List<Block> d = new ArrayList<>();
    d.add(new Heading(1, "As-fitted document: " + s.site().name()));
    d.add(new Table(List.of("Item", "Value"), List.of(
        List.of("Address", nz(s.site().address())),
        List.of("Installer", nz(s.site().installer())),
        List.of("Security grade", "Grade " + s.site().grade() + " (EN 50131-1)"),
        List.of("Standard profile", s.site().profile() == org.vigil.panel.config.Profile.BS8243 ? "BS 8243:2010 / DD243 (confirmed alarms, police response)" : "EN 50131 (no confirmation profile)"),
        List.of("Risk assessment", nz(s.site().riskAssessment())),
        List.of("Time zone (schedules of codes)", s.site().timeZoneName()),
        List.of("Design check", r.count(Severity.ERROR) + " error(s), " + r.count(Severity.WARNING) + " warning(s), " + r.count(Severity.INFO) + " note(s)"))));

    d.add(new Heading(2, "Areas, setting and unsetting"));
    List<List<String>> rows = new ArrayList<>();
    for (Area a : s.areas()) {
      rows.add(List.of(a.id() + " (" + a.number() + ")", a.name(),
          a.completion().name().toLowerCase(Locale.ROOT) + " " + a.completion().clause(),
          a.unsetMethod().clause() + " " + a.unsetMethod().name().toLowerCase(Locale.ROOT),
          Durations.format(a.entryTime()), Durations.format(a.intruderConfirmationTime()), Durations.format(a.holdUpConfirmationTime())));
    }
    d.add(new Table(List.of("Area", "Name", "Completion of setting", "Unsetting method", "Entry time", "Intruder confirmation time", "Hold-up confirmation time"), rows));
    for (Area a : s.areas()) {
      List<String> items = new ArrayList<>();
      if (a.riskAssessment() != null) items.add("Risk assessment for the unsetting method: " + a.riskAssessment());
      if (a.clientWrittenAcceptance() != null) items.add("Client's written acceptance (opening the entry door disables all confirmation, 6.4.4): " + a.clientWrittenAcceptance());
      if (a.agreedArrangements() != null) items.add("Arrangements agreed with the client if the powered lock fails (" + a.unsetMethod().clause() + "): " + a.agreedArrangements());
      if (!a.partSets().isEmpty()) a.partSets().forEach(p -> items.add("Part set " + p.name() + " omits: " + String.join(", ", p.omit())));
      if (a.duress().enabled()) items.add("Duress facility enabled by the engineer; justification: " + nz(a.duress().justification()));
      if (!items.isEmpty()) {
        d.add(new Heading(3, "Agreed arrangements: " + a.name()));
        d.add(new Bullets(items));
      }
    }

    users(s, d);

    d.add(new Heading(2, "Detectors"));
    rows = new ArrayList<>();
    for (Detector x : s.detectors()) {
      rows.add(List.of(String.valueOf(x.zone()), x.id(), x.name(), x.area(), x.role().name().toLowerCase(Locale.ROOT), x.technology().name().toLowerCase(Locale.ROOT), String.join(", ", x.coverage())));
    }
    d.add(new Table(List.of("Zone", "Id", "Name", "Area", "Role", "Technology", "Coverage"), rows));

    d.add(new Heading(2, "Intruder alarm confirmation (DD243 5.4, BS 8243 5.4)"));
    for (AreaConfirmation ac : r.confirmation()) {
      d.add(new Heading(3, "Area " + ac.area() + (ac.canConfirm() ? ": can produce a sequentially confirmed alarm" : ": can NEVER produce a confirmed alarm")));
      rows = new ArrayList<>();
      for (Independence.Verdict v : ac.pairs()) {
        rows.add(List.of(v.a().name() + " + " + v.b().name(), v.confirms() ? "confirms" : "does not confirm", v.reason(), v.rule()));
      }
      if (rows.isEmpty()) d.add(new Para("Fewer than two intruder detectors: no pair can confirm."));
      else d.add(new Table(List.of("Pair", "Verdict", "Why", "Clause"), rows));
    }

    d.add(new Heading(2, "Hold-up alarm system"));
    rows = new ArrayList<>();
    for (HoldUpDevice h : s.holdUpDevices()) {
      rows.add(List.of(String.valueOf(h.zone()), h.name(), h.area(), h.type().name().toLowerCase(Locale.ROOT), h.silent() ? "silent" : "audible", String.join(", ", h.coverage())));
    }
    if (rows.isEmpty()) d.add(new Para("No hold-up devices."));
    else d.add(new Table(List.of("Zone", "Device", "Area", "Type", "Signalling", "Coverage"), rows));
    if (!s.cameras().isEmpty()) {
      List<String> cams = new ArrayList<>();
      s.cameras().forEach(c -> cams.add(c.name() + " views " + String.join(", ", c.covers())));
      d.add(new Para("Visual confirmation (BS 8243 5.3): imaging devices"));
      d.add(new Bullets(cams));
    }

    d.add(new Heading(2, "Alarm transmission"));
    rows = new ArrayList<>();
    for (TransmissionPath p : s.transmission().paths()) {
      rows.add(List.of(p.id(), p.role().name().toLowerCase(Locale.ROOT), p.technology(), receivers(p),
          p.format().name().replace('_', '-'), Durations.format(p.pollInterval()), Durations.format(p.failureTime())));
    }
    if (rows.isEmpty()) d.add(new Para("No transmission paths."));
    else {
      d.add(new Para("Account " + nz(s.transmission().account()) + ", ATS category " + nz(s.transmission().category()) + "."));
      d.add(new Table(List.of("Path", "Role", "Technology", "Receiver", "Format", "Poll interval", "Failure time"), rows));
    }

    d.add(new Heading(2, "Findings"));
    if (r.findings().isEmpty()) d.add(new Para("No findings."));
    else {
      rows = new ArrayList<>();
      for (Finding f : r.findings()) rows.add(List.of(f.severity().name().toLowerCase(Locale.ROOT), f.message(), f.rule(), f.path() + " (line " + f.loc().line() + ")"));
      d.add(new Table(List.of("Severity", "Finding", "Clause", "Where"), rows));
    }
    return d;
  }

  /** Every destination of a path, in the order they are tried: "a:1/tcp, then b:2/tcp". */
  static String receivers(TransmissionPath p) {
    String proto = "/" + p.protocol().name().toLowerCase(Locale.ROOT);
    if (p.destinations().isEmpty()) return "-";
    return String.join(", then ", p.destinations().stream().map(x -> x + proto).toList());
  }

  /**
   * Users, codes and duress (issue 4): counts per authority level (never a code), the code rules, and
   * per area the duress facility with its route. The route is decided at the ARC (the account's duress
   * route): the panel's value is what was agreed for the account instructions, shown here so the
   * installer and the ARC can check they match.
   */
  private static void users(SiteConfig s, List<Block> d) {
    d.add(new Heading(2, "Users, codes and duress"));
    var c = s.codes();
    long[] perLevel = new long[7];
    s.users().forEach(u -> u.authority().values().stream().mapToInt(Integer::intValue).min().ifPresent(l -> perLevel[l]++));
    d.add(new Table(List.of("Item", "Value"), List.of(
        List.of("Users", s.users().size() + " (installer " + perLevel[0] + ", master " + perLevel[1] + ", manager " + perLevel[2] + ", operator A/B/C "
            + perLevel[3] + "/" + perLevel[4] + "/" + perLevel[5] + ", duress " + perLevel[6] + "; highest level held)"),
        List.of("Code length", c.length() == 0 ? "4-8 digits" : c.length() + " digits"),
        List.of("Wrong-code lockout", c.lockoutAttempts() + " wrong codes, locked " + Durations.format(c.lockoutTime()) + (c.lockoutSignal() ? ", signalled to the ARC (SIA JA)" : ", not signalled")),
        List.of("Installer access (level 3)", c.engineerAccess().isZero() ? "no level 2 authorisation required (codes.engineer_access: 0s)"
            : "authorised by a master or manager for " + Durations.format(c.engineerAccess()) + " (EN 50131-1, level 2 authorisation, time-limited)"),
        List.of("Quick arm", c.quickArm() ? "enabled (reports as user 000, open/close as user 002)" : "disabled"))));
    List<List<String>> rows = new ArrayList<>();
    for (Area a : s.areas()) {
      var du = a.duress();
      String route = du.route() == org.vigil.panel.config.Duress.Route.POLICE ? "police" : "ARC and keyholders only";
      rows.add(List.of(a.id() + " (" + a.number() + ")",
          du.enabled() ? "on" : "off",
          du.engineerEnabled() ? "yes" : "no",
          du.report() == org.vigil.panel.config.Duress.Report.ZONE_992 ? "Contact ID 121 zone 992 / SIA HA" : "Contact ID 121 with the user number / SIA HA",
          route,
          du.outputs().isEmpty() ? "-" : String.join(", ", du.outputs())));
    }
    d.add(new Table(List.of("Area", "Duress reporting", "Engineer enabled", "Report", "Route (panel setting)", "Discreet outputs"), rows));
    d.add(new Para("Where a duress goes (police, or the ARC and keyholders only) is decided at the ARC by the account's duress route; "
        + "the panel does not send it in the signal. The route above is the panel's configured value: it must match the ARC account's instructions "
        + "(UK: police policy bars duress codes for police call unless the response authority permits)."));
  }

  private static String nz(String s) {
    return s == null ? "(not recorded)" : s;
  }

  private static String markdown(List<Block> doc) {
    StringBuilder b = new StringBuilder();
    for (Block x : doc) {
      switch (x) {
        case Heading h -> b.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
        case Para p -> b.append(p.text()).append("\n\n");
        case Bullets l -> {
          l.items().forEach(i -> b.append("- ").append(i).append('\n'));
          b.append('\n');
        }
        case Table t -> {
          b.append("| ").append(String.join(" | ", t.head().stream().map(AsFitted::cell).toList())).append(" |\n");
          b.append("|").append("---|".repeat(t.head().size())).append('\n');
          for (List<String> row : t.rows()) b.append("| ").append(String.join(" | ", row.stream().map(AsFitted::cell).toList())).append(" |\n");
          b.append('\n');
        }
      }
    }
    return b.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String html(List<Block> doc, String title) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc("As-fitted: " + title)).append("</title>\n");
    b.append("<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}</style>\n</head><body>\n");
    for (Block x : doc) {
      switch (x) {
        case Heading h -> b.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append(">\n");
        case Para p -> b.append("<p>").append(esc(p.text())).append("</p>\n");
        case Bullets l -> {
          b.append("<ul>\n");
          l.items().forEach(i -> b.append("<li>").append(esc(i)).append("</li>\n"));
          b.append("</ul>\n");
        }
        case Table t -> {
          b.append("<table>\n<tr>");
          t.head().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
          b.append("</tr>\n");
          for (List<String> row : t.rows()) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>\n");
          }
          b.append("</table>\n");
        }
      }
    }
    return b.append("</body></html>\n").toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
