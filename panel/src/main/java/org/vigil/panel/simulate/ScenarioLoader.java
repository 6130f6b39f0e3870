package org.vigil.panel.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.yaml.Durations;
import org.vigil.panel.yaml.Fields;
import org.vigil.panel.yaml.Loc;
import org.vigil.panel.yaml.Names;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;
import org.vigil.panel.yaml.Problems;
import org.vigil.panel.yaml.YNode;
import org.vigil.panel.yaml.YamlSyntaxException;
import org.vigil.panel.yaml.YamlTree;

/**
 * Reads scenario files (docs/scenarios.md). Every problem is reported with file, line, column and key
 * path: malformed YAML, unknown keys, unknown device ids (or the wrong kind of device), time going
 * backwards, unknown effect fields in expectations.
 */
public final class ScenarioLoader {
  private static final Set<String> TEXT_FIELDS = Set.of("text", "message", "rule");
  private final SiteLoader siteLoader;

  public ScenarioLoader() {
    this(new SiteLoader());
  }

  public ScenarioLoader(SiteLoader siteLoader) {
    this.siteLoader = siteLoader;
  }

  /** Loads a scenario and the site it names with {@code site:} (relative to the scenario file). */
  public Parsed<Loaded> load(Path file) {
    return load(file, null);
  }

  /** A scenario with its site. */
  public record Loaded(Scenario scenario, SiteConfig site) {}

  /** Loads a scenario against {@code site}, or against the site it names when {@code site} is null. */
  public Parsed<Loaded> load(Path file, SiteConfig site) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Parsed.Failed<>(List.of(new Problem(new Loc(file.toString(), 1, 1), "", "cannot read file: " + e.getMessage())));
    }
    YNode root;
    try {
      root = YamlTree.parse(text, file.toString());
    } catch (YamlSyntaxException e) {
      return new Parsed.Failed<>(List.of(new Problem(e.loc(), "", e.getMessage())));
    }
    Problems p = new Problems();
    Fields f = Fields.of(root, "", p);
    String siteRef = f.str("site");
    Path sitePath = null;
    if (site == null) {
      if (siteRef == null) {
        f.error("site", "required key 'site' is missing (path of the site file, relative to this scenario)");
        f.done();
        return new Parsed.Failed<>(p.list());
      }
      Path dir = file.toAbsolutePath().getParent();
      sitePath = dir.resolve(siteRef).normalize();
      Parsed<SiteConfig> s = siteLoader.read(sitePath);
      if (!s.ok()) {
        List<Problem> all = new ArrayList<>();
        all.add(new Problem(f.locOf("site"), "site", "the site file " + siteRef + " has errors:"));
        all.addAll(s.problems());
        return new Parsed.Failed<>(all);
      }
      site = s.orThrow();
    }
    Scenario sc = new Reader(p, site, file, sitePath).read(f);
    if (!p.isEmpty()) return new Parsed.Failed<>(p.list());
    return new Parsed.Ok<>(new Loaded(sc, site));
  }

  private static final class Reader {
    final Problems p;
    final SiteConfig site;
    final Path file;
    final Path sitePath;
    int actions;

    Reader(Problems p, SiteConfig site, Path file, Path sitePath) {
      this.p = p;
      this.site = site;
      this.file = file;
      this.sitePath = sitePath;
    }

    Scenario read(Fields f) {
      String name = f.str("name");
      f.str("description");
      Instant start = f.instant("start", false);
      if (start == null) start = Instant.parse("2026-01-05T18:00:00Z");
      final Instant t0 = start;
      YNode untilNode = f.raw("until");
      List<ScenarioStep> steps = new ArrayList<>();
      Instant[] now = {t0};
      f.list("steps", (n, path) -> {
        ScenarioStep s = step(n, path, t0, now);
        if (s != null) steps.add(s);
        return s;
      });
      if (steps.isEmpty() && !f.has("steps")) f.error("steps", "required key 'steps' is missing");
      Instant until = now[0];
      if (untilNode != null) {
        Instant u = time(untilNode, "until", t0, t0);
        if (u != null) until = u.isAfter(until) ? u : until;
      }
      f.done();
      String display = name == null ? file.getFileName().toString() : name;
      return new Scenario(display, file, sitePath, t0, until, steps);
    }

    /** Absolute instant, or an offset from {@code base} ("+10m", "10m"). */
    Instant time(YNode n, String path, Instant base, Instant start) {
      if (!(n instanceof YNode.YScalar s) || s.text() == null) {
        p.add(n.loc(), path, "expected a time: an offset like 10m or an instant like 2026-01-05T18:00:00Z");
        return null;
      }
      String t = s.text().trim();
      if (t.length() > 10 && Character.isDigit(t.charAt(0)) && t.contains("T")) {
        try {
          return Instant.parse(t);
        } catch (RuntimeException e) {
          p.add(n.loc(), path, "expected an ISO-8601 UTC instant, found '" + t + "'");
          return null;
        }
      }
      try {
        return base.plus(Durations.parse(t.startsWith("+") ? t.substring(1) : t));
      } catch (IllegalArgumentException e) {
        p.add(n.loc(), path, e.getMessage());
        return null;
      }
    }

    ScenarioStep step(YNode n, String path, Instant start, Instant[] now) {
      Fields f = Fields.of(n, path, p);
      Instant at = now[0];
      YNode atNode = f.raw("at");
      YNode afterNode = f.raw("after");
      YNode waitNode = f.raw("wait");
      if (atNode != null && afterNode != null) f.error("after", "give either 'at' (from the start) or 'after' (from the previous step), not both");
      if (atNode != null) {
        Instant t = time(atNode, f.sub("at"), start, start);
        if (t != null) {
          if (t.isBefore(now[0])) {
            p.add(atNode.loc(), f.sub("at"), "time goes backwards: " + t + " is before the previous step at " + now[0]);
          } else {
            at = t;
          }
        }
      } else if (afterNode != null) {
        Instant t = time(afterNode, f.sub("after"), now[0], start);
        if (t != null) {
          if (t.isBefore(now[0])) p.add(afterNode.loc(), f.sub("after"), "time goes backwards: 'after' must not be negative");
          else at = t;
        }
      }
      if (waitNode != null) {
        Instant t = time(waitNode, f.sub("wait"), at, start);
        if (t != null) at = t;
      }
      now[0] = at;
      f.str("name");
      f.str("note");
      List<Input> inputs = new ArrayList<>();
      actions = 0;
      device(f, "active", "detector", inputs, Input.DetectorActive::new);
      device(f, "normal", "detector", inputs, Input.DetectorNormal::new);
      device(f, "tamper", "tamperable", inputs, Input.TamperOpen::new);
      device(f, "tamper_restore", "tamperable", inputs, Input.TamperRestored::new);
      device(f, "fault", "tamperable", inputs, Input.FaultRaised::new);
      device(f, "fault_restore", "tamperable", inputs, Input.FaultCleared::new);
      device(f, "comms_lost", "tamperable", inputs, Input.CommsLost::new);
      device(f, "comms_restored", "tamperable", inputs, Input.CommsRestored::new);
      keys(f, inputs);
      card(f, inputs);
      holdUp(f, inputs);
      remote(f, inputs);
      pathChange(f, inputs);
      omit(f, inputs);
      device(f, "masked", "detector", inputs, Input.Masked::new);
      device(f, "mask_restore", "detector", inputs, Input.MaskCleared::new);
      areaUser(f, "restore", inputs, Input.Restore::new);
      areaUser(f, "override", inputs, Input.OverrideSetting::new);
      antiCode(f, inputs);
      List<ScenarioStep.PathLink> links = new ArrayList<>();
      link(f, "cut_path", false, links);
      link(f, "restore_path", true, links);
      List<Expectation> ex = new ArrayList<>();
      expectations(f, "expect", false, at, ex);
      expectations(f, "expect_not", true, at, ex);
      stateExpectations(f, at, ex);
      f.done();
      if (actions > 1) f.error(null, "one action per step (found " + actions + "); split it into steps at the same time");
      return new ScenarioStep(at, f.loc(), inputs, ex, links);
    }

    void device(Fields f, String key, String kind, List<Input> out, java.util.function.Function<String, Input> make) {
      String id = f.str(key);
      if (id == null) return;
      String actual = site.deviceIds().get(id);
      boolean ok = switch (kind) {
        case "detector" -> "detector".equals(actual);
        default -> "detector".equals(actual) || "hold-up device".equals(actual) || "keypad".equals(actual) || "reader".equals(actual);
      };
      if (actual == null) {
        String hint = Names.closest(id, site.deviceIds().keySet());
        f.error(key, "unknown device '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      } else if (!ok) {
        f.error(key, "'" + id + "' is a " + actual + ", not a " + (kind.equals("detector") ? "detector" : "device with tamper/fault/communication"));
      } else {
        out.add(make.apply(id));
        actions++;
      }
    }

    void keys(Fields f, List<Input> out) {
      Fields k = f.obj("keys");
      if (k == null) return;
      String keypad = k.reqStr("keypad");
      String keys = k.reqStr("keys");
      k.done();
      if (keypad != null && site.keypad(keypad).isEmpty()) {
        k.error("keypad", "unknown keypad '" + keypad + "'");
        return;
      }
      if (keypad == null || keys == null) return;
      // "1234A" is five key presses; multi-letter keys can be written in braces: "1234{ESC}".
      List<Input> presses = new ArrayList<>();
      for (int i = 0; i < keys.length(); i++) {
        char c = keys.charAt(i);
        if (c == ' ') continue;
        if (c == '{') {
          int end = keys.indexOf('}', i);
          if (end < 0) {
            k.error("keys", "unclosed '{' in keys");
            return;
          }
          presses.add(new Input.KeyPressed(keypad, keys.substring(i + 1, end)));
          i = end;
        } else if (Character.isDigit(c) || "ABCDU*#".indexOf(Character.toUpperCase(c)) >= 0) {
          presses.add(new Input.KeyPressed(keypad, String.valueOf(c)));
        } else {
          k.error("keys", "unknown key '" + c + "' (digits, A-D, U, *, # or {NAME})");
          return;
        }
      }
      // Key presses of one step count as one action.
      out.addAll(presses);
      actions++;
    }

    void card(Fields f, List<Input> out) {
      Fields c = f.obj("card");
      if (c == null) return;
      String reader = c.reqStr("reader");
      String card = c.reqStr("card");
      String pin = c.str("pin");
      c.done();
      if (reader != null && site.reader(reader).isEmpty()) c.error("reader", "unknown reader '" + reader + "'");
      else if (reader != null && card != null) {
        out.add(new Input.CardPresented(reader, card, pin));
        actions++;
      }
    }

    void holdUp(Fields f, List<Input> out) {
      Fields h = f.obj("holdup");
      if (h == null) return;
      String dev = h.reqStr("device");
      Input.HoldUpAction a = h.enumOf("action", Input.HoldUpAction.class, Input.HoldUpAction.PRESS_BOTH, false);
      h.done();
      if (dev != null && site.holdUpDevice(dev).isEmpty()) h.error("device", "unknown hold-up device '" + dev + "'");
      else if (dev != null) {
        out.add(new Input.HoldUpOperated(dev, a));
        actions++;
      }
    }

    void remote(Fields f, List<Input> out) {
      Fields r = f.obj("remote");
      if (r == null) return;
      String area = r.reqStr("area");
      Input.RemoteAction a = r.enumOf("action", Input.RemoteAction.class, null, true);
      Integer user = r.integer("user", 0, 150, false);
      r.done();
      if (area != null && site.area(area).isEmpty()) r.error("area", "unknown area '" + area + "'");
      else if (area != null && a != null) {
        out.add(new Input.RemoteCommand(area, a, user == null ? 0 : user));
        actions++;
      }
    }

    /** {@code restore: {area, user}} / {@code override: {area, user}}: a user's restore or override (issue 5). */
    void areaUser(Fields f, String key, List<Input> out, java.util.function.BiFunction<String, Integer, Input> make) {
      Fields r = f.obj(key);
      if (r == null) return;
      String area = r.reqStr("area");
      Integer user = r.integer("user", 0, 150, true);
      r.done();
      if (area != null && site.area(area).isEmpty()) r.error("area", "unknown area '" + area + "'");
      else if (area != null && user != null) {
        out.add(make.apply(area, user));
        actions++;
      }
    }

    /** {@code anticode: {area, response}}: the ARC's answer to the remote reset challenge, typed in (BS 8473). */
    void antiCode(Fields f, List<Input> out) {
      Fields r = f.obj("anticode");
      if (r == null) return;
      String area = r.reqStr("area");
      String response = r.reqStr("response");
      r.done();
      if (area != null && site.area(area).isEmpty()) r.error("area", "unknown area '" + area + "'");
      else if (area != null && response != null) {
        out.add(new Input.AntiCodeResponse(area, response));
        actions++;
      }
    }

    void pathChange(Fields f, List<Input> out) {
      Fields r = f.obj("path");
      if (r == null) return;
      String id = r.reqStr("id");
      String state = r.reqStr("state");
      r.done();
      if (id != null && site.transmission().paths().stream().noneMatch(x -> x.id().equals(id))) {
        r.error("id", "unknown transmission path '" + id + "'");
      } else if (state != null && !state.equalsIgnoreCase("up") && !state.equalsIgnoreCase("down")) {
        r.error("state", "expected up or down, found '" + state + "'");
      } else if (id != null && state != null) {
        out.add(new Input.PathChanged(id, state.equalsIgnoreCase("up")));
        actions++;
      }
    }

    void omit(Fields f, List<Input> out) {
      Fields r = f.obj("omit");
      if (r == null) return;
      String dev = r.reqStr("device");
      Input.OmitAction a = r.enumOf("action", Input.OmitAction.class, null, true);
      Integer user = r.integer("user", 0, 150, true);
      r.done();
      if (dev != null && site.detector(dev).isEmpty() && site.holdUpDevice(dev).isEmpty()) {
        r.error("device", "unknown detector or hold-up device '" + dev + "'");
      } else if (dev != null && a != null && user != null) {
        out.add(new Input.OmitZone(dev, a, user));
        actions++;
      }
    }

    /** {@code cut_path: ID} / {@code restore_path: ID}: the virtual link of a path (issue 9). */
    void link(Fields f, String key, boolean connected, List<ScenarioStep.PathLink> out) {
      String id = f.str(key);
      if (id == null) return;
      if (site.transmission().paths().stream().noneMatch(x -> x.id().equals(id))) {
        List<String> ids = site.transmission().paths().stream().map(x -> x.id()).toList();
        String hint = Names.closest(id, ids);
        f.error(key, "unknown transmission path '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        return;
      }
      out.add(new ScenarioStep.PathLink(id, connected));
      actions++;
    }

    void expectations(Fields f, String key, boolean absent, Instant at, List<Expectation> out) {
      YNode n = f.raw(key);
      if (n == null) return;
      List<YNode> items = n instanceof YNode.YList l ? l.items() : List.of(n);
      for (int i = 0; i < items.size(); i++) {
        String path = f.sub(key) + (n instanceof YNode.YList ? "[" + i + "]" : "");
        Fields e = Fields.of(items.get(i), path, p);
        Duration within = signed(e, "within");
        Duration fromOff = signed(e, "from");
        if (fromOff.compareTo(within) > 0) e.error("within", "the window ends before it starts (from is after within)");
        String kind = e.reqStr("effect");
        Map<String, Class<? extends Effect>> kinds = EffectJson.kinds();
        Map<String, String> match = new LinkedHashMap<>();
        if (kind != null && !kinds.containsKey(kind)) {
          e.error("effect", "unknown effect '" + kind + "' (expected one of: " + String.join(", ", kinds.keySet()) + ")");
        } else if (kind != null) {
          match.put("effect", kind);
          List<String> allowed = EffectJson.fieldNames(kinds.get(kind));
          for (String k : List.copyOf(e.keys())) {
            if (k.equals("within") || k.equals("from") || k.equals("effect")) continue;
            if (!allowed.contains(k)) continue; // reported by done()
            String v = e.str(k);
            if (v != null) match.put(k, v);
          }
          for (String k : allowed) e.has(k);
        }
        e.done();
        out.add(new Expectation.Occurs(e.loc(), match, at.plus(fromOff), at.plus(within), absent));
      }
    }

    /** A signed offset such as 30s or -5s (default 0). */
    private Duration signed(Fields e, String key) {
      String text = e.str(key);
      if (text == null) return Duration.ZERO;
      try {
        boolean neg = text.trim().startsWith("-");
        Duration d = Durations.parse(neg ? text.trim().substring(1) : text);
        return neg ? d.negated() : d;
      } catch (IllegalArgumentException ex) {
        e.error(key, ex.getMessage());
        return Duration.ZERO;
      }
    }

    void stateExpectations(Fields f, Instant at, List<Expectation> out) {
      Fields s = f.obj("expect_state");
      if (s == null) return;
      String area = s.str("area");
      String status = s.str("status");
      String output = s.str("output");
      String on = s.str("on");
      String zone = s.str("zone");
      String inhibited = s.str("inhibited");
      s.done();
      if (area != null) {
        if (site.area(area).isEmpty()) s.error("area", "unknown area '" + area + "'");
        else if (status == null) s.error("status", "give the expected 'status' of area " + area);
        else if (Names.parseEnum(AreaStatus.class, status) == null) s.error("status", "unknown status '" + status + "' (expected one of: " + Names.choices(AreaStatus.class) + ")");
        else out.add(new Expectation.StateHolds(s.loc(), at, area, "status", Names.parseEnum(AreaStatus.class, status).name()));
      }
      if (output != null) {
        if (site.output(output).isEmpty()) s.error("output", "unknown output '" + output + "'");
        else if (on == null) s.error("on", "give 'on: true' or 'on: false' for output " + output);
        else out.add(new Expectation.StateHolds(s.loc(), at, output, "on", on.toLowerCase(Locale.ROOT)));
      }
      if (zone != null) {
        if (site.detector(zone).isEmpty() && site.holdUpDevice(zone).isEmpty()) s.error("zone", "unknown detector or hold-up device '" + zone + "'");
        else if (inhibited == null) s.error("inhibited", "give 'inhibited: true' or 'inhibited: false' for " + zone);
        else out.add(new Expectation.StateHolds(s.loc(), at, zone, "inhibited", inhibited.toLowerCase(Locale.ROOT)));
      }
      if (area == null && output == null && zone == null) s.error(null, "expect_state needs 'area' (+ status), 'output' (+ on) or 'zone' (+ inhibited)");
    }
  }

  /** Whether an effect's value matches an expected value (text fields: substring, else equal), ignoring case. */
  static boolean matches(Map<String, Object> fields, Map<String, String> match) {
    for (Map.Entry<String, String> m : match.entrySet()) {
      Object v = fields.get(m.getKey());
      if (v == null) return false;
      String actual = String.valueOf(v).toLowerCase(Locale.ROOT);
      String want = m.getValue().toLowerCase(Locale.ROOT);
      if (TEXT_FIELDS.contains(m.getKey()) ? !actual.contains(want) : !actual.equals(want)) return false;
    }
    return true;
  }
}
