package org.vigil.panel.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.StepResult;
import org.vigil.panel.eventlog.EventClass;
import org.vigil.panel.eventlog.EventLog;
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
  static final List<String> KEYS = List.of("1", "2", "3", "A", "4", "5", "6", "B", "7", "8", "9", "C", "*", "0", "#", "D", "U");
  static final String INSTALLER_COOKIE = "vigil_installer";
  static final String SIMULATOR_COOKIE = "vigil_simulator";
  private static final Set<String> HD_ACTIONS = Set.of("press_both", "press_one", "second_action", "release", "reset");

  private final PanelService panel;
  private final SiteActions actions;
  private final Supplier<Map<String, Long>> mqttCounters;
  private final Report report;
  private final Javalin app;
  private final String simulatorToken;
  private final InstallerAccess installers;
  private final WalkTest walk;
  private final ScheduledExecutorService sweeper;
  private byte[] htmx;

  /**
   * Where the pages listen and who may open the simulator.
   *
   * @param simulatorToken the secret that opens the site simulator (printed as a link); null = no simulator
   */
  public record Options(String host, int port, String simulatorToken) {}

  private PanelWeb(PanelService panel, SiteActions actions, Supplier<Map<String, Long>> mqttCounters, String simulatorToken) {
    this.panel = panel;
    this.actions = actions;
    this.mqttCounters = mqttCounters;
    this.simulatorToken = simulatorToken;
    this.installers = new InstallerAccess(panel);
    this.walk = new WalkTest(panel);
    this.report = DesignValidator.validate(panel.site());
    // Ends installer sessions at expiry even when no page asks (the end is logged when it happens).
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("vigil-web-sessions").daemon(true).unstarted(r));
    sweeper.scheduleAtFixedRate(() -> {
      try {
        installers.sweep();
      } catch (RuntimeException e) {
        LOG.warn("installer session check failed: {}", e.toString());
      }
    }, 1, 1, TimeUnit.SECONDS);
    this.app = Javalin.create(cfg -> {
      var r = cfg.routes;
      r.get("/", this::index);
      r.get("/static/htmx.min.js", this::htmx);
      r.get("/keypad/{id}", this::keypadPage);
      r.get("/keypad/{id}/screen", this::keypadScreen);
      r.post("/keypad/{id}/key", this::keypadKey);
      r.get("/installer", this::installerPage);
      r.get("/installer/live", this::installerLive);
      r.post("/installer/grant", this::installerGrant);
      r.post("/installer/login", this::installerLogin);
      r.post("/installer/logout", this::installerLogout);
      r.post("/installer/engineer/{action}", this::engineer);
      r.get("/simulator", this::simulatorPage);
      r.get("/simulator/live", this::simulatorLive);
      r.post("/simulator/{action}", this::simulatorAction);
      r.exception(Exception.class, (e, ctx) -> {
        LOG.error("page {} failed: {}", ctx.path(), e.toString(), e);
        ctx.status(500).html(layout("Error", "<p class=\"error\">Internal error; it has been logged.</p>"));
      });
    });
  }

  /** Starts the pages on {@code host:port} (0 = any free port), without the site simulator. */
  public static PanelWeb start(PanelService panel, SiteActions actions, Supplier<Map<String, Long>> mqttCounters, String host, int port) {
    return start(panel, actions, mqttCounters, new Options(host, port, null));
  }

  /** Starts the pages; the simulator only with a token (see {@link #simulatorLink}). */
  public static PanelWeb start(PanelService panel, SiteActions actions, Supplier<Map<String, Long>> mqttCounters, Options o) {
    PanelWeb w = new PanelWeb(panel, actions, mqttCounters == null ? Map::of : mqttCounters, o.simulatorToken());
    w.app.start(o.host(), o.port());
    return w;
  }

  /** A fresh random simulator token (192 bits, hex). */
  public static String newToken() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The simulator's address with its token (what {@code vigil demo} prints); the token becomes a cookie. */
  public String simulatorLink(String host) {
    return "http://" + host + ":" + port() + "/simulator?token=" + simulatorToken;
  }

  public InstallerAccess installers() {
    return installers;
  }

  public WalkTest walkTest() {
    return walk;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    app.stop();
  }

  // ---- pages ----

  private void index(Context ctx) {
    StringBuilder b = new StringBuilder("<h1>" + esc(site().site().name()) + "</h1><ul>");
    if (simulatorToken != null) b.append("<li>Site simulator: open the link printed at start (it carries the simulator's token)</li>");
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
        + ". A B C D set or part set, U unsets, * clears; code # 65 authorises installer access, code # 64 ends it, code # 60 restores hold-up alarms. Codes are typed key by key, as on the physical keypad.</p>"
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

  // ---- installer view (access level 3) ----

  private Optional<InstallerAccess.Session> installerSession(Context ctx) {
    return installers.session(ctx.cookie(INSTALLER_COOKIE));
  }

  private void installerPage(Context ctx) {
    Optional<InstallerAccess.Session> s = installerSession(ctx);
    if (s.isEmpty()) {
      ctx.header("Cache-Control", "no-store").html(loginPage(null, false));
      return;
    }
    ctx.header("Cache-Control", "no-store").html(layout("Installer view", installerBody(s.get())));
  }

  /** The page before login: how access level 3 is obtained, the grant form and the login form. */
  private String loginPage(String message, boolean error) {
    InstallerAccess.Authorisation a = installers.authorisation();
    StringBuilder kp = new StringBuilder();
    for (Keypad k : site().keypads()) kp.append("<option value=\"").append(esc(k.id())).append("\">").append(esc(k.name())).append("</option>");
    String state = a.open()
        ? (a.until() == null ? "Installer access needs no authorisation on this site (codes.engineer_access: 0s)."
            : "Installer access is authorised until " + a.until() + " (" + remaining(a) + " left).")
        : "Installer access is not authorised now.";
    String body = "<h1>Installer view: " + esc(site().site().name()) + "</h1>"
        + (message == null ? "" : "<p class=\"flash " + (error ? "error" : "ok") + "\" id=\"message\">" + esc(message) + "</p>")
        + "<p class=\"muted\">Engineer functions need access level 3, granted by a master or manager (access level 2) for a limited time "
        + "(EN 50131-1; code, #, 6, 5 at any keypad or below; code, #, 6, 4 ends it). Then the installer logs in with the installer code.</p>"
        + "<p id=\"authorisation\">" + esc(state) + "</p>"
        + "<h2>1. A master or manager authorises installer access</h2>"
        + "<form method=\"post\" action=\"/installer/grant\"><label>at keypad <select name=\"keypad\">" + kp + "</select></label> "
        + "<label>manager code <input name=\"code\" type=\"password\" inputmode=\"numeric\" autocomplete=\"off\" size=\"8\"></label> "
        + "<button id=\"grant\">Authorise installer access</button></form>"
        + "<h2>2. The installer logs in</h2>"
        + "<form method=\"post\" action=\"/installer/login\"><label>installer code <input name=\"code\" type=\"password\" inputmode=\"numeric\" "
        + "autocomplete=\"off\" size=\"8\"></label> <button id=\"login\">Log in</button></form>";
    return layout("Installer view", body);
  }

  private String remaining(InstallerAccess.Authorisation a) {
    Duration d = a.remaining(panel.now()).orElse(Duration.ZERO);
    return remainingText(d);
  }

  static String remainingText(Duration d) {
    if (d.isNegative()) d = Duration.ZERO;
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    return h > 0 ? h + " h " + m + " min" : m > 0 ? m + " min " + s + " s" : s + " s";
  }

  private void installerGrant(Context ctx) {
    if (!sameOrigin(ctx)) return;
    String answer = installers.grant(ctx.formParam("keypad"), ctx.formParam("code"));
    ctx.header("Cache-Control", "no-store").html(loginPage("Keypad: " + answer, !installers.authorisation().open()));
  }

  private void installerLogin(Context ctx) {
    if (!sameOrigin(ctx)) return;
    switch (installers.login(ctx.formParam("code"))) {
      case InstallerAccess.Login.Granted g -> {
        ctx.header("Set-Cookie", INSTALLER_COOKIE + "=" + g.session().token() + "; Path=/installer; HttpOnly; SameSite=Strict");
        ctx.redirect("/installer", io.javalin.http.HttpStatus.SEE_OTHER);
      }
      case InstallerAccess.Login.Refused r -> ctx.status(r.status()).header("Cache-Control", "no-store").html(loginPage(r.reason(), true));
    }
  }

  private void installerLogout(Context ctx) {
    if (!sameOrigin(ctx)) return;
    installerSession(ctx).ifPresent(installers::logout);
    ctx.header("Set-Cookie", INSTALLER_COOKIE + "=; Path=/installer; Max-Age=0; HttpOnly; SameSite=Strict");
    ctx.redirect("/installer", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private String installerBody(InstallerAccess.Session s) {
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
    return "<h1>Installer view: " + esc(site().site().name()) + "</h1>"
        + "<form method=\"post\" action=\"/installer/logout\" class=\"right\"><button id=\"logout\">Log out</button></form>"
        + "<p class=\"muted\">Logged in as user " + s.user() + " (" + esc(s.name()) + "), access level 3. Every engineer function is "
        + "carried out by the panel's own rules and logged with your user number.</p>"
        + "<div id=\"flash\" class=\"flash\"></div>"
        + "<div id=\"live\" hx-get=\"/installer/live\" hx-trigger=\"every 2s\">" + installerLiveHtml(s) + "</div>" + f;
  }

  private void installerLive(Context ctx) {
    Optional<InstallerAccess.Session> s = installerSession(ctx);
    if (s.isEmpty()) {
      // The access ended (expiry, ended at a keypad, logout): htmx reloads the page, which shows the login.
      ctx.status(401).header("HX-Redirect", "/installer").html("<p class=\"error\">Installer access ended.</p>");
      return;
    }
    ctx.header("Cache-Control", "no-store").html(installerLiveHtml(s.get()));
  }

  private String installerLiveHtml(InstallerAccess.Session session) {
    PanelState s = panel.state();
    InstallerAccess.Authorisation a = installers.authorisation();
    StringBuilder b = new StringBuilder("<p id=\"remaining\" class=\"chip\">")
        .append(a.until() == null ? "access level 3: no time limit" : "access level 3 ends in " + esc(remainingText(a.remaining(panel.now()).orElse(Duration.ZERO)))
            + " (until " + time(a.until()) + ")").append("</p>");
    var memory = s.feature(org.vigil.panel.engine.restore.RestoreFeature.State.class, org.vigil.panel.engine.restore.RestoreFeature.State.EMPTY);
    java.util.Set<String> restore = new java.util.HashSet<>();
    java.util.Set<String> engineer = new java.util.HashSet<>();
    memory.areas().forEach((area, m) -> {
      if (!m.items().isEmpty()) restore.add(area);
      if (m.items().stream().anyMatch(i -> i.row() == org.vigil.panel.engine.restore.Table6.CONFIRMED_INTRUDER_ALARM)) engineer.add(area);
    });
    b.append("<h2>Areas</h2><table><tr><th>area</th><th>status</th><th>since</th><th></th></tr>");
    for (Area ar : site().areas()) {
      AreaState st = s.area(ar.id());
      b.append("<tr><td>").append(esc(ar.id())).append(" ").append(esc(ar.name())).append("</td><td class=\"status\" data-area=\"")
          .append(esc(ar.id())).append("\">").append(esc(st.status().name().toLowerCase()))
          .append(engineer.contains(ar.id()) ? ", engineer restore required" : restore.contains(ar.id()) ? ", restore required" : "").append("</td><td>").append(time(st.since())).append("</td><td>")
          .append(restore.contains(ar.id()) ? engineerButton("restore", ar.id(), "Engineer restore") : "").append("</td></tr>");
    }
    b.append("</table><h2>Zones and devices</h2>");
    if (walk.running()) {
      b.append("<p id=\"walktest\">Walk test running since ").append(time(walk.started())).append(": ").append(walk.seen().size()).append(" of ")
          .append(site().detectors().size()).append(" detectors seen. ").append(engineerButton("walktest", "stop", "End walk test")).append("</p>");
    } else {
      b.append("<p id=\"walktest\">").append(engineerButton("walktest", "start", "Start walk test")).append("</p>");
    }
    b.append("<table><tr><th>device</th><th>zone</th><th>state</th><th>walk test</th><th></th></tr>");
    Map<String, Instant> seen = walk.seen();
    for (Detector d : site().detectors()) {
      ZoneState z = s.zone(d.id());
      String omit = z.isolated() ? engineerButton("reinclude", d.id(), "re-include") : engineerButton("isolate", d.id(), "isolate");
      b.append(zoneRow(d.id(), d.zone(), d.name(), z, walk.running() ? (seen.containsKey(d.id()) ? "seen" : "not yet") : "", omit));
    }
    for (HoldUpDevice d : site().holdUpDevices()) b.append(zoneRow(d.id(), d.zone(), d.name(), s.zone(d.id()), "", ""));
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
    b.append("<h2>Event log (newest first, installer entries included)</h2><p>").append(engineerButton("verify", "log", "Verify the hash chain"))
        .append("</p><table><tr><th>#</th><th>time</th><th>class</th><th>event</th><th>rule</th></tr>");
    List<LogEntry> tail = panel.eventLog().tail(80);
    for (int i = tail.size() - 1; i >= 0; i--) {
      LogEntry e = tail.get(i);
      b.append("<tr><td>").append(e.seq()).append("</td><td>").append(time(e.at())).append("</td><td>").append(e.eventClass().name().toLowerCase())
          .append(e.userVisible() ? "" : " (installer)").append("</td><td>").append(esc(e.message())).append("</td><td>").append(esc(e.rule())).append("</td></tr>");
    }
    return b.append("</table>").toString();
  }

  /** Times on the pages: UTC to the second. */
  static String time(Instant t) {
    return t == null ? "" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static String engineerButton(String action, String target, String label) {
    return "<button hx-post=\"/installer/engineer/" + action + "\" hx-vals='{\"target\":\"" + esc(target) + "\"}' hx-target=\"#flash\" data-engineer=\""
        + esc(action + ":" + target) + "\">" + esc(label) + "</button>";
  }

  /** Engineer functions: each goes through the engine with the installer's user number (its rules decide and log). */
  private void engineer(Context ctx) {
    if (!sameOrigin(ctx)) return;
    Optional<InstallerAccess.Session> os = installerSession(ctx);
    if (os.isEmpty()) {
      ctx.status(401).header("HX-Redirect", "/installer").html("<span class=\"error\">Installer access ended: log in again.</span>");
      return;
    }
    InstallerAccess.Session s = os.get();
    String target = ctx.formParam("target");
    String action = ctx.pathParam("action");
    Input in;
    switch (action) {
      case "restore" -> {
        if (site().area(target == null ? "" : target).isEmpty()) {
          bad(ctx, "No area '" + target + "'.");
          return;
        }
        // The installer's own restore at access level 3 (EN 50131-1 Table 6; BS 8243 A.3 after a confirmed alarm).
        in = new Input.Restore(target, s.user());
      }
      case "isolate", "reinclude" -> {
        if (site().detector(target == null ? "" : target).isEmpty()) {
          bad(ctx, "No detector '" + target + "'.");
          return;
        }
        in = new Input.OmitZone(target, action.equals("isolate") ? Input.OmitAction.ISOLATE : Input.OmitAction.REINCLUDE, s.user());
      }
      case "walktest" -> {
        if ("start".equals(target)) walk.start(s.user());
        else walk.stop(s.user());
        ctx.html("<span class=\"ok\">" + (walk.running() ? "Walk test running: walk past every detector." : "Walk test ended; see the event log.") + "</span>");
        return;
      }
      case "verify" -> {
        EventLog.Verification v;
        try {
          v = panel.eventLog().verifyNow();
        } catch (java.io.IOException e) {
          ctx.status(500).html("<span class=\"error\">The event log could not be read: " + esc(e.getMessage()) + "</span>");
          return;
        }
        panel.eventLog().append(panel.now(), EventClass.ROUTINE, true, "event log verified by user " + s.user() + ": "
            + (v.intact() ? "chain intact, " + v.entries() + " entries" : "CHAIN BROKEN, " + v.problems().size() + " problem(s)"), "EN50131-1 event log");
        ctx.html(v.intact() ? "<span class=\"ok\" id=\"verified\">Chain intact: " + v.entries() + " entries"
            + (v.dropped() > 0 ? " (" + v.dropped() + " routine entries compacted away earlier)" : "") + ".</span>"
            : "<span class=\"error\" id=\"verified\">CHAIN BROKEN: " + esc(String.join("; ", v.problems())) + "</span>");
        return;
      }
      default -> {
        ctx.status(404).html("<span class=\"error\">Unknown engineer function.</span>");
        return;
      }
    }
    StepResult r = panel.apply(in);
    StringBuilder out = new StringBuilder();
    for (Effect e : r.effects()) {
      if (e instanceof Effect.LogEntry le) out.append(out.isEmpty() ? "" : "; ").append(le.message()).append(le.rule() == null || le.rule().isBlank() ? "" : " [" + le.rule() + "]");
    }
    ctx.html("<span class=\"ok\">" + esc(out.isEmpty() ? "Done." : out.toString()) + "</span>");
  }

  /** Refuses a cross-site form post (the cookies are SameSite=Strict too). */
  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    String host = ctx.header("Host");
    if (origin == null) return true;
    try {
      String authority = URI.create(origin).getRawAuthority();
      if (host != null && authority != null && authority.equalsIgnoreCase(host)) return true;
    } catch (IllegalArgumentException e) {
      // not a URI: refused below
    }
    ctx.status(403).html("<span class=\"error\">Cross-site request refused.</span>");
    return false;
  }

  private static String zoneRow(String id, int zone, String name, ZoneState z, String walk, String buttons) {
    StringBuilder st = new StringBuilder(z.active() ? "active" : "normal");
    if (z.tamper()) st.append(", tamper");
    if (z.fault()) st.append(", fault");
    if (z.commsLost()) st.append(", comms lost");
    if (z.inhibited()) st.append(", inhibited");
    if (z.isolated()) st.append(", isolated");
    return "<tr><td>" + esc(id) + " " + esc(name) + "</td><td>" + zone + "</td><td class=\"zone\" data-device=\"" + esc(id) + "\">" + st
        + "</td><td data-walk=\"" + esc(id) + "\">" + esc(walk) + "</td><td>" + buttons + "</td></tr>";
  }

  /**
   * The simulator acts as every device of the site, so it is never open to anyone: it needs the token
   * printed at start, given once as {@code ?token=} (kept as a SameSite=Strict cookie) or as a form field.
   */
  private boolean simulatorAllowed(Context ctx) {
    if (simulatorToken == null) {
      ctx.status(404).html(layout("Not found", "<p class=\"error\">The site simulator is off on this panel.</p>"));
      return false;
    }
    String given = ctx.queryParam("token");
    if (given == null) given = ctx.cookie(SIMULATOR_COOKIE);
    if (given == null && ctx.method().name().equals("POST")) given = ctx.formParam("token");
    if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), simulatorToken.getBytes(StandardCharsets.UTF_8))) return true;
    ctx.status(403).html(layout("Site simulator", "<p class=\"error\">The site simulator needs the link with its token, printed when the panel "
        + "started (vigil demo, vigil panel --simulator).</p>"));
    return false;
  }

  private void simulatorPage(Context ctx) {
    if (!simulatorAllowed(ctx)) return;
    if (ctx.queryParam("token") != null) {
      // Keep the token out of the address bar and history: cookie, then the plain address.
      ctx.header("Set-Cookie", SIMULATOR_COOKIE + "=" + simulatorToken + "; Path=/simulator; HttpOnly; SameSite=Strict");
      ctx.redirect("/simulator", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
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
    if (!simulatorAllowed(ctx)) return;
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
    if (!simulatorAllowed(ctx) || !sameOrigin(ctx)) return;
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
        if (site().detector(device).isEmpty()) {
          bad(ctx, "No detector '" + device + "'.");
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
        nav a{margin-right:1em}.right{float:right}.flash{min-height:1.4em;margin:.5em 0}
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
