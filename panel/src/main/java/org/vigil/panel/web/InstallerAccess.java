package org.vigil.panel.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.keypad.KeypadFeature;
import org.vigil.panel.engine.users.Credentials;
import org.vigil.panel.engine.users.Refusal;
import org.vigil.panel.engine.users.UsersFeature;
import org.vigil.panel.eventlog.EventClass;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.yaml.Durations;

/**
 * Access level 3 on the web (EN 50131-1, standards.md 1.2): a master or manager authorises installer
 * access for {@code codes.engineer_access} by typing code + {@code #} + {@code 65} at a keypad (the
 * engine's own rule, {@link KeypadFeature}; the grant form types exactly those keys), then the
 * installer logs in with the installer code. The session lasts while the engine's authorisation
 * lasts: it ends at expiry, when a master or manager ends it (code + # + 64) or at logout. Logins,
 * refusals, lockouts and the end of every session are logged; codes never are.
 */
public final class InstallerAccess {
  static final String ENGINEER_RULE = "EN50131-1 level 3 access needs level 2 authorisation, time-limited (standards.md 1.2)";
  static final String AUTH_RULE = "EN50131-1 8.3 authorisation";
  static final String LOCKOUT_RULE = "EN50131-3 invalid code attempts: lockout >= 90 s (standards.md 1.4)";

  /** A logged-in installer. */
  public record Session(String token, int user, String name, Instant since) {}

  /** The outcome of a login. */
  public sealed interface Login {
    record Granted(Session session) implements Login {}

    /** @param status the HTTP status that fits (401 wrong code, 403 not allowed, 429 locked) */
    record Refused(String reason, String rule, int status) implements Login {}
  }

  /**
   * The engine's installer authorisation now.
   *
   * @param until end of the authorisation; null when the site has no time limit ({@code engineer_access: 0s})
   */
  public record Authorisation(boolean open, Instant until) {
    public Optional<Duration> remaining(Instant now) {
      return open && until != null ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }
  }

  private final PanelService panel;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private int wrong;
  private Instant lockedUntil;

  public InstallerAccess(PanelService panel) {
    this.panel = panel;
  }

  /** Read from the engine's state: the same condition the keypad applies to the installer code. */
  public static Authorisation authorisation(SiteConfig site, PanelState s, Instant now) {
    if (site.codes().engineerAccess().isZero()) return new Authorisation(true, null);
    Instant until = s.feature(KeypadFeature.Keypads.class, KeypadFeature.Keypads.EMPTY).engineerUntil();
    return new Authorisation(until != null && now.isBefore(until), until);
  }

  public Authorisation authorisation() {
    return authorisation(panel.site(), panel.state(), panel.now());
  }

  /** The users the panel knows now (user management may have changed the site's). */
  static List<User> users(SiteConfig site, PanelState s) {
    UsersFeature.Directory d = s.feature(UsersFeature.Directory.class, null);
    return d == null ? site.users() : d.users();
  }

  static boolean installer(SiteConfig site, User u) {
    return site.areas().stream().map(Area::id).anyMatch(a -> u.levelIn(a) == 0);
  }

  /**
   * A master or manager authorises installer access: {@code *} (clear), the code, {@code #}, {@code
   * 6}, {@code 5} typed at {@code keypad}. The engine decides (authority, validity, lockout) and
   * logs; the keypad's display is the answer.
   */
  public String grant(String keypad, String code) {
    Keypad k = panel.site().keypad(keypad == null ? "" : keypad).orElse(null);
    if (k == null) return "Choose a keypad.";
    if (code == null || !code.matches("[0-9]{4,8}")) return "A code is 4 to 8 digits.";
    List<String> keys = new ArrayList<>(List.of("*"));
    for (char c : code.toCharArray()) keys.add(String.valueOf(c));
    keys.addAll(List.of("#", "6", "5"));
    CompletableFuture<?> last = null;
    for (String key : keys) last = panel.submit(new Input.KeyPressed(k.id(), key));
    try {
      last.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return "The panel did not answer.";
    }
    return panel.display(k.id()).orElse("");
  }

  /** The installer logs in with the installer code while access is authorised. */
  public synchronized Login login(String code) {
    Instant now = panel.now();
    CodePolicy p = panel.site().codes();
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return new Login.Refused("Installer login locked until " + lockedUntil, LOCKOUT_RULE, 429);
    }
    PanelState s = panel.state();
    Optional<Credentials.Match> m = code == null || !code.matches("[0-9]{4,8}") ? Optional.empty() : Credentials.byCode(users(panel.site(), s), code);
    if (m.isEmpty()) {
      wrong++;
      log(now, "installer view: code not accepted (" + wrong + " of " + p.lockoutAttempts() + ")", AUTH_RULE);
      if (wrong >= p.lockoutAttempts()) {
        lockedUntil = now.plus(p.lockoutTime());
        wrong = 0;
        log(now, "installer view locked for " + Durations.format(p.lockoutTime()) + " after " + p.lockoutAttempts() + " wrong codes", LOCKOUT_RULE);
        return new Login.Refused("Code not accepted. Installer login locked for " + Durations.format(p.lockoutTime()) + ".", LOCKOUT_RULE, 429);
      }
      return new Login.Refused("Code not accepted.", AUTH_RULE, 401);
    }
    wrong = 0;
    // A duress PIN logs in as the PIN does (never a different screen); the web login signals nothing.
    User u = m.get().user();
    Optional<Refusal> valid = Credentials.validAt(u, now);
    if (valid.isPresent()) return refused(now, u, valid.get().reason(), valid.get().rule());
    if (!installer(panel.site(), u)) return refused(now, u, "Not an installer code: the installer view needs access level 3", ENGINEER_RULE);
    Authorisation a = authorisation(panel.site(), s, now);
    if (!a.open()) return refused(now, u, "Installer access not authorised by a master or manager", ENGINEER_RULE);
    byte[] b = new byte[24];
    random.nextBytes(b);
    Session session = new Session(HexFormat.of().formatHex(b), u.number(), u.name(), now);
    sessions.put(session.token(), session);
    log(now, "installer view: user " + u.number() + " logged in (level 3" + (a.until() == null ? "" : " until " + a.until()) + ")", ENGINEER_RULE);
    return new Login.Granted(session);
  }

  private Login refused(Instant now, User u, String reason, String rule) {
    log(now, "installer view: user " + u.number() + " refused: " + reason, rule);
    return new Login.Refused(reason + ".", rule, 403);
  }

  /** The session of a cookie while the authorisation lasts; an ended one is logged once and forgotten. */
  public synchronized Optional<Session> session(String token) {
    if (token == null) return Optional.empty();
    Session found = null;
    for (Map.Entry<String, Session> e : sessions.entrySet()) {
      if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) found = e.getValue();
    }
    if (found == null) return Optional.empty();
    sweep();
    return Optional.ofNullable(sessions.get(found.token()));
  }

  /** Ends the sessions whose authorisation ran out or was ended, or whose user lost level 3. */
  public synchronized void sweep() {
    if (sessions.isEmpty()) return;
    Instant now = panel.now();
    PanelState s = panel.state();
    Authorisation a = authorisation(panel.site(), s, now);
    for (Session x : List.copyOf(sessions.values())) {
      User u = users(panel.site(), s).stream().filter(y -> y.number() == x.user()).findFirst().orElse(null);
      String why = null;
      if (u == null || !installer(panel.site(), u)) why = "user " + x.user() + " no longer has installer authority";
      else if (!a.open()) why = a.until() == null ? "installer access ended by a master or manager" : "installer access expired at " + a.until();
      if (why != null) {
        sessions.remove(x.token());
        log(now, "installer view: session of user " + x.user() + " ended: " + why, ENGINEER_RULE);
      }
    }
  }

  public synchronized void logout(Session s) {
    if (sessions.remove(s.token()) != null) log(panel.now(), "installer view: user " + s.user() + " logged out", ENGINEER_RULE);
  }

  public synchronized int sessions() {
    return sessions.size();
  }

  private void log(Instant at, String message, String rule) {
    panel.eventLog().append(at, EventClass.MANDATORY, true, message, rule);
  }
}
