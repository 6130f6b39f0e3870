package org.vigil.panel.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.HoldUpDevice;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.Reader;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaState;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.Tone;
import org.vigil.panel.engine.ZoneState;
import org.vigil.panel.eventlog.LogEntry;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.validate.DesignValidator;
import org.vigil.panel.validate.Finding;
import org.vigil.panel.validate.Report;

/**
 * The panel's pages, server-rendered with htmx: a web keypad per keypad (key by key, like the
 * physical one: the display and tones come from the engine, so lockout and duress look exactly as at
 * the real keypad), the installer view (live states, event log, validator findings) and the
 * site simulator (click detectors, doors, hold-up buttons and readers).
 */
public final class PanelWeb implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PanelWeb.class);
  private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js";
  static final List<String> KEYS = List.of("1", "2", "3", "A", "4", "5", "6", "B", "7", "8", "9", "C", "*", "0", "U", "D");
  private static final Set<String> HD_ACTIONS = Set.of("press_both", "press_one", "second_action", "release", "reset");

  private final PanelService panel;
  private final SiteActions actions;
  private final Supplier<Map<String, Long>> mqttCounters;
  private final Report report;
  private final Javalin app;
  private byte[] htmx;

  private PanelWeb(PanelService panel, SiteActions actions, Supplier<Map<String, Long>> mqttCounters) {
    this.panel = panel;
    this.actions = actions;
    this.mqttCounters = mqttCounters;
    this.report = DesignValidator.validate(panel.site());
    this.app = Javalin.create(cfg -> {
      var r = cfg.routes;
      r.get("/", this::index);
      r.get("/static/htmx.min.js", this::htmx);
      r.get("/keypad/{id}", this::keypadPage);
      r.get("/keypad/{id}/screen", this::keypadScreen);
      r.post("/keypad/{id}/key", this::keypadKey);
      r.get("/installer", this::installerPage);
      r.get("/installer/live", this::installerLive);
      r.get("/simulator", this::simulatorPage);
      r.get("/simulator/live", this::simulatorLive);
      r.post("/simulator/{action}", this::simulatorAction);
      r.exception(Exception.class, (e, ctx) -> {
        LOG.error("page {} failed: {}", ctx.path(), e.toString(), e);
        ctx.status(500).html(layout("Error", "<p class=\"error\">Internal error; it has been logged.</p>"));
      });
    });
  }

  /** Starts the pages on {@code host:port} (0 = any free port). */
  public static PanelWeb start(PanelService panel, SiteActions actions, Supplier<Map<String, Long>> mqttCounters, String host, int port) {
    PanelWeb w = new PanelWeb(panel, actions, mqttCounters == null ? Map::of : mqttCounters);
    w.app.start(host, port);
    return w;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  // ---- pages ----

  private void index(Context ctx) {
    StringBuilder b = new StringBuilder("<h1>" + esc(site().site().name()) + "</h1><ul>");
    b.append("<li><a href=\"/simulator\">Site simulator</a></li>");
    for (Keypad k : site().keypads()) b.append("<li><a href=\"/keypad/").append(esc(k.id())).append("\">Keypad: ").append(esc(k.name())).append("</a></li>");
    b.append("<li><a href=\"/installer\">Installer view</a></li></ul>");
    ctx.html(layout(site().site().name(), b.toString()));
  }

  private void htmx(Context ctx) throws IOException {
    if (htmx == null) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(HTMX)) {
        if (in == null) {
          ctx.status(404).result("htmx webjar missing");
          return;
        }
        htmx = in.readAllBytes();
      }
    }
    ctx.contentType("text/javascript").header("Cache-Control", "max-age=86400").result(htmx);
  }

  private Keypad keypad(Context ctx) {
    String id = ctx.pathParam("id");
    return site().keypad(id).orElse(null);
  }

  private void keypadPage(Context ctx) {
    Keypad k = keypad(ctx);
    if (k == null) {
      notFound(ctx, "No keypad '" + ctx.pathParam("id") + "' in this site.");
      return;
    }
    StringBuilder keys = new StringBuilder();
    for (String key : KEYS) {
      keys.append("<button class=\"key\" name=\"key\" value=\"").append(esc(key)).append("\" hx-post=\"/keypad/").append(esc(k.id()))
          .append("/key\" hx-vals='{\"key\":\"").append(esc(key)).append("\"}' hx-target=\"#screen\" data-key=\"").append(esc(key)).append("\">")
          .append(esc(key)).append("</button>");
    }
    String body = "<h1>" + esc(k.name()) + "</h1><p class=\"muted\">Areas: " + esc(String.join(", ", k.areas()))
        + ". A B C D set or part set, U unsets, * clears. Codes are typed key by key, as on the physical keypad.</p>"
        + "<div class=\"keypad\"><div id=\"screen\" hx-get=\"/keypad/" + esc(k.id()) + "/screen\" hx-trigger=\"every 1s\">" + screen(k) + "</div>"
        + "<div class=\"keys\">" + keys + "</div></div>";
    ctx.html(layout(k.name(), body));
  }

  private String screen(Keypad k) {
    String text = panel.display(k.id()).orElse(defaultDisplay(k));
    Tone tone = panel.lastTone(k.id()).orElse(null);
    return "<div class=\"display\" id=\"display\">" + esc(text) + "</div><div class=\"tone\" id=\"tone\">"
        + (tone == null ? "&nbsp;" : "tone: " + esc(tone.name().toLowerCase().replace('_', ' '))) + "</div>";
  }

  /** What an idle keypad shows: the status of its areas (no alarm details before a code, EN 50131-1 8.5). */
  private String defaultDisplay(Keypad k) {
    return site().site().name();
  }

  private void keypadScreen(Context ctx) {
    Keypad k = keypad(ctx);
    if (k == null) {
      ctx.status(404).result("");
      return;
    }
    ctx.html(screen(k));
  }

  private void keypadKey(Context ctx) {
    Keypad k = keypad(ctx);
    String key = ctx.formParam("key");
    if (k == null) {
      ctx.status(404).html("<div class=\"display\">No such keypad</div>");
      return;
    }
    if (key == null || !KEYS.contains(key)) {
      ctx.status(400).html(screen(k) + "<div class=\"error\">Unknown key.</div>");
      return;
    }
    panel.apply(new Input.KeyPressed(k.id(), key));
    ctx.html(screen(k));
  }

  private void installerPage(Context ctx) {
    StringBuilder f = new StringBuilder("<h2>Design validator</h2>");
    if (report.findings().isEmpty()) f.append("<p>No findings.</p>");
    else {
      f.append("<table><tr><th>severity</th><th>rule</th><th>where</th><th>finding</th></tr>");
      for (Finding x : report.findings()) {
        f.append("<tr><td>").append(esc(x.severity().name().toLowerCase())).append("</td><td>").append(esc(x.rule())).append("</td><td>")
            .append(esc(x.path())).append("</td><td>").append(esc(x.message())).append("</td></tr>");
      }
      f.append("</table>");
    }
    String body = "<h1>Installer view: " + esc(site().site().name()) + "</h1>"
        + "<p class=\"muted\">Live states and the event log (installer entries included). Engineer functions need level 3 access "
        + "granted by a level 2 user at a keypad for a limited time (seed 001); they are not offered on this page.</p>"
        + "<div id=\"live\" hx-get=\"/installer/live\" hx-trigger=\"every 2s\">" + installerLiveHtml() + "</div>" + f;
    ctx.html(layout("Installer view", body));
  }

  private void installerLive(Context ctx) {
    ctx.html(installerLiveHtml());
  }

  private String installerLiveHtml() {
    PanelState s = panel.state();
    StringBuilder b = new StringBuilder("<h2>Areas</h2><table><tr><th>area</th><th>status</th><th>since</th></tr>");
    for (Area a : site().areas()) {
      AreaState st = s.area(a.id());
      b.append("<tr><td>").append(esc(a.id())).append(" ").append(esc(a.name())).append("</td><td class=\"status\" data-area=\"")
          .append(esc(a.id())).append("\">").append(esc(st.status().name().toLowerCase())).append("</td><td>").append(st.since()).append("</td></tr>");
    }
    b.append("</table><h2>Zones and devices</h2><table><tr><th>device</th><th>zone</th><th>state</th></tr>");
    for (Detector d : site().detectors()) b.append(zoneRow(d.id(), d.zone(), d.name(), s.zone(d.id())));
    for (HoldUpDevice d : site().holdUpDevices()) b.append(zoneRow(d.id(), d.zone(), d.name(), s.zone(d.id())));
    b.append("</table><h2>Outputs</h2><p>");
    s.outputs().forEach((o, on) -> b.append("<span class=\"chip").append(on ? " on" : "").append("\">").append(esc(o)).append(on ? " on" : " off").append("</span> "));
    b.append("</p><h2>Transmission paths</h2><p>");
    s.paths().forEach((p, up) -> b.append("<span class=\"chip").append(up ? "" : " bad").append("\">").append(esc(p)).append(up ? " up" : " down").append("</span> "));
    b.append("</p><p class=\"muted\">Signalling: ").append(esc(panel.uplink().describe())).append("</p>");
    Map<String, Long> c = mqttCounters.get();
    if (!c.isEmpty()) {
      b.append("<h2>MQTT</h2><p>");
      c.forEach((k, v) -> b.append(esc(k)).append(": ").append(v).append(" &nbsp; "));
      b.append("</p>");
    }
    b.append("<h2>Event log (newest first)</h2><table><tr><th>#</th><th>time</th><th>class</th><th>event</th><th>rule</th></tr>");
    // Installer-only entries (duress among them) stay off the web: this page has no level 3 login yet.
    // `vigil panel log` on the panel's own disk shows them.
    List<LogEntry> tail = panel.eventLog().tail(200).stream().filter(LogEntry::userVisible).toList();
    tail = tail.subList(Math.max(0, tail.size() - 60), tail.size());
    for (int i = tail.size() - 1; i >= 0; i--) {
      LogEntry e = tail.get(i);
      b.append("<tr><td>").append(e.seq()).append("</td><td>").append(e.at()).append("</td><td>").append(e.eventClass().name().toLowerCase())
          .append("</td><td>").append(esc(e.message())).append("</td><td>").append(esc(e.rule())).append("</td></tr>");
    }
    return b.append("</table>").toString();
  }

  private static String zoneRow(String id, int zone, String name, ZoneState z) {
    StringBuilder st = new StringBuilder(z.active() ? "active" : "normal");
    if (z.tamper()) st.append(", tamper");
    if (z.fault()) st.append(", fault");
    if (z.commsLost()) st.append(", comms lost");
    if (z.inhibited()) st.append(", inhibited");
    if (z.isolated()) st.append(", isolated");
    return "<tr><td>" + esc(id) + " " + esc(name) + "</td><td>" + zone + "</td><td class=\"zone\" data-device=\"" + esc(id) + "\">" + st + "</td></tr>";
  }

  private void simulatorPage(Context ctx) {
    StringBuilder b = new StringBuilder("<h1>Site simulator: " + esc(site().site().name()) + "</h1>"
        + "<p class=\"muted\">Each click is what the real device would do. In the demo it is published to the MQTT broker as a "
        + "Zigbee2MQTT message and reaches the panel through it.</p>");
    b.append("<h2>Detectors, doors and locks</h2><table><tr><th>device</th><th>area</th><th></th></tr>");
    for (Detector d : site().detectors()) {
      b.append("<tr><td>").append(esc(d.name())).append(" <span class=\"muted\">(").append(esc(d.id())).append(")</span></td><td>").append(esc(d.area()))
          .append("</td><td>").append(button("detector", d.id(), "active", activeLabel(d)))
          .append(button("detector", d.id(), "normal", normalLabel(d))).append(button("tamper", d.id(), "open", "tamper"))
          .append(button("tamper", d.id(), "restored", "tamper restored")).append("</td></tr>");
    }
    b.append("</table><h2>Hold-up devices</h2><table>");
    for (HoldUpDevice h : site().holdUpDevices()) {
      b.append("<tr><td>").append(esc(h.name())).append(" <span class=\"muted\">(").append(esc(h.id())).append(")</span></td><td>")
          .append(button("holdup", h.id(), "press_both", "press both buttons")).append(button("holdup", h.id(), "press_one", "one button"))
          .append(button("holdup", h.id(), "second_action", "second action")).append(button("holdup", h.id(), "reset", "reset")).append("</td></tr>");
    }
    b.append("</table><h2>Readers</h2><table>");
    for (Reader r : site().readers()) {
      b.append("<tr><td>").append(esc(r.name())).append("</td><td><form hx-post=\"/simulator/card\" hx-target=\"#flash\"><input type=\"hidden\" name=\"device\" value=\"")
          .append(esc(r.id())).append("\"><input name=\"card\" placeholder=\"card\" size=\"10\" data-reader=\"").append(esc(r.id())).append("\">")
          .append(r.pinPad() ? "<input name=\"pin\" placeholder=\"PIN\" size=\"6\" type=\"password\">" : "")
          .append("<button data-present=\"").append(esc(r.id())).append("\">present card</button></form></td></tr>");
    }
    b.append("</table><h2>ARC</h2><p>");
    for (Area a : site().areas()) {
      if (a.completion() == org.vigil.panel.config.Completion.ARC) b.append(button("arc", a.id(), "complete", "ARC completes setting of " + a.name()));
    }
    b.append("</p><p>");
    for (Area a : site().areas()) b.append(button("arc", a.id(), "restore", "ARC restores " + a.name()));
    b.append("</p><div id=\"flash\" class=\"flash\"></div>");
    b.append("<h2>Panel now</h2><div id=\"live\" hx-get=\"/simulator/live\" hx-trigger=\"every 1s\">").append(simulatorLiveHtml()).append("</div>");
    ctx.html(layout("Site simulator", b.toString()));
  }

  private static String activeLabel(Detector d) {
    return switch (d.technology()) {
      case DOOR_CONTACT -> "open";
      case SWITCH -> "on / lock";
      default -> "trigger";
    };
  }

  private static String normalLabel(Detector d) {
    return switch (d.technology()) {
      case DOOR_CONTACT -> "close";
      case SWITCH -> "off / unlock";
      default -> "clear";
    };
  }

  private static String button(String kind, String device, String value, String label) {
    return "<button hx-post=\"/simulator/" + kind + "\" hx-vals='{\"device\":\"" + esc(device) + "\",\"value\":\"" + esc(value)
        + "\"}' hx-target=\"#flash\" data-sim=\"" + esc(kind + ":" + device + ":" + value) + "\">" + esc(label) + "</button> ";
  }

  private void simulatorLive(Context ctx) {
    ctx.html(simulatorLiveHtml());
  }

  private String simulatorLiveHtml() {
    PanelState s = panel.state();
    StringBuilder b = new StringBuilder("<p>");
    s.areas().forEach((id, a) -> b.append("<span class=\"chip\" data-area=\"").append(esc(id)).append("\">").append(esc(id)).append(": ")
        .append(a.status().name().toLowerCase()).append("</span> "));
    b.append("</p><p>");
    s.outputs().forEach((o, on) -> {
      if (on) b.append("<span class=\"chip on\">").append(esc(o)).append(" on</span> ");
    });
    return b.append("</p>").toString();
  }

  private void simulatorAction(Context ctx) {
    String action = ctx.pathParam("action");
    String device = ctx.formParam("device");
    String value = ctx.formParam("value");
    String done;
    switch (action) {
      case "detector" -> {
        if (site().detector(device).isEmpty()) {
          bad(ctx, "No detector '" + device + "'.");
          return;
        }
        actions.detector(device, "active".equals(value));
        done = device + " " + ("active".equals(value) ? "active" : "normal");
      }
      case "tamper" -> {
        if (site().detector(device).isEmpty() && site().holdUpDevice(device).isEmpty()) {
          bad(ctx, "No device '" + device + "'.");
          return;
        }
        actions.tamper(device, "open".equals(value));
        done = device + " tamper " + ("open".equals(value) ? "open" : "restored");
      }
      case "holdup" -> {
        if (site().holdUpDevice(device).isEmpty() || value == null || !HD_ACTIONS.contains(value)) {
          bad(ctx, "No hold-up device '" + device + "' or unknown action.");
          return;
        }
        actions.holdUp(device, value);
        done = device + " " + value.replace('_', ' ');
      }
      case "card" -> {
        String card = ctx.formParam("card");
        if (site().reader(device).isEmpty() || card == null || card.isBlank()) {
          bad(ctx, "Choose a reader and type a card number.");
          return;
        }
        actions.card(device, card.strip(), ctx.formParam("pin"));
        done = "card presented at " + device;
      }
      case "arc" -> {
        if (site().area(device).isEmpty()) {
          bad(ctx, "No area '" + device + "'.");
          return;
        }
        if ("restore".equals(value)) {
          actions.arcRestores(device);
          done = "ARC restore sent for " + device;
        } else {
          actions.arcCompletesSetting(device);
          done = "ARC completion sent for " + device;
        }
      }
      default -> {
        ctx.status(404).html("<span class=\"error\">Unknown action.</span>");
        return;
      }
    }
    ctx.html("<span class=\"ok\">" + esc(done) + "</span>");
  }

  private static void bad(Context ctx, String msg) {
    ctx.status(400).html("<span class=\"error\">" + esc(msg) + "</span>");
  }

  private void notFound(Context ctx, String msg) {
    ctx.status(404).html(layout("Not found", "<p class=\"error\">" + esc(msg) + "</p><p><a href=\"/\">Pages</a></p>"));
  }

  private SiteConfig site() {
    return panel.site();
  }

  static String layout(String title, String body) {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
        <script src="/static/htmx.min.js"></script>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5em;max-width:70em;color:#222}
        table{border-collapse:collapse;margin-bottom:1em}td,th{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;font-size:.92em}
        .muted{color:#666}.error{color:#b00020}.ok{color:#1b5e20}
        .keypad{display:inline-block;background:#2f3640;padding:1em;border-radius:12px}
        .display{background:#c8e6c9;font-family:monospace;font-size:1.3em;padding:.5em;min-width:16em;min-height:1.4em;border-radius:4px}
        .tone{color:#eee;font-family:monospace;margin:.3em 0 .6em}
        .keys{display:grid;grid-template-columns:repeat(4,3.5em);gap:.4em}
        .key{font-size:1.3em;padding:.5em 0}
        .chip{display:inline-block;background:#eee;border-radius:1em;padding:.1em .7em;margin:.1em}.chip.on{background:#ffcc80}.chip.bad{background:#ef9a9a}
        nav a{margin-right:1em}
        </style></head><body><nav><a href="/">Pages</a><a href="/simulator">Simulator</a><a href="/installer">Installer</a></nav>
        %s</body></html>""".formatted(esc(title), body);
  }

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
