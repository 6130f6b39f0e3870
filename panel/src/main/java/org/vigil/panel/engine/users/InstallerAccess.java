package org.vigil.panel.engine.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.Tone;
import org.vigil.panel.engine.keypad.KeypadFeature;
import org.vigil.panel.yaml.Durations;

/**
 * Access level 3 (the installer, authority level 0) needs level 2 authorisation, time-limited
 * (EN 50131-1; standards.md 1.2). A master or manager opens a window of {@code codes.engineer_access}
 * (code + # + 65 at a keypad, or {@link Input.AuthoriseInstaller} from the service/API); anyone with a
 * valid code closes it (code + # + 64). Every installer action checks the window: keypad commands
 * and functions, cards at readers, user management and isolation by API. {@code engineer_access: 0s}
 * turns the requirement off.
 */
public final class InstallerAccess {
  public static final String RULE = "EN50131-1 level 3 access needs level 2 authorisation, time-limited (standards.md 1.2)";

  private InstallerAccess() {}

  /**
   * The end of the current authorisation, or null when none is in force at {@code step.now()}. The
   * window is kept where it always was, {@link KeypadFeature.Keypads#engineerUntil()} (one source of
   * truth for every reader of it, and snapshots keep their shape).
   */
  public static Instant authorisedUntil(Step step) {
    Instant until = keypads(step).engineerUntil();
    return until != null && step.now().isBefore(until) ? until : null;
  }

  private static KeypadFeature.Keypads keypads(Step step) {
    return step.feature(KeypadFeature.Keypads.class, KeypadFeature.Keypads.EMPTY);
  }

  private static void window(Step step, Instant until) {
    step.putFeature(KeypadFeature.Keypads.class, new KeypadFeature.Keypads(keypads(step).entries(), until));
  }

  /** A refusal when {@code level} is the installer's and no authorisation is in force. */
  public static Optional<Refusal> check(Step step, int level) {
    if (level != AuthorityLevel.INSTALLER.number()) return Optional.empty();
    if (step.site().codes().engineerAccess().isZero()) return Optional.empty();
    if (authorisedUntil(step) != null) return Optional.empty();
    return Optional.of(new Refusal("Installer access not authorised by a master or manager", RULE));
  }

  /** Handles {@link Input.AuthoriseInstaller}: logged with the rule; shown at the keypad it came from. */
  public static void on(Step step, Input.AuthoriseInstaller a) {
    User u = UsersFeature.users(step).stream().filter(x -> x.number() == a.user()).findFirst().orElse(null);
    String keypad = UsersFeature.keypadOf(step, a.source());
    String who = a.source() == null ? "unknown source" : a.source();
    if (u == null) {
      refuse(step, keypad, new Refusal("Unknown user", RULE + "; no user " + a.user()), who);
      return;
    }
    Optional<Refusal> valid = Credentials.validAt(u, step.now(), step.site().site().timeZone());
    if (valid.isPresent()) {
      refuse(step, keypad, valid.get(), who);
      return;
    }
    if (!a.grant()) {
      window(step, null);
      step.log("installer access ended by user " + u.number() + " (" + who + ")", RULE, true);
      done(step, keypad, "Installer access ended");
      return;
    }
    Optional<Refusal> r = mayAuthorise(u, a.duration(), step.site().codes());
    if (r.isPresent()) {
      refuse(step, keypad, r.get(), who);
      return;
    }
    Duration window = a.duration() == null ? step.site().codes().engineerAccess() : a.duration();
    if (window.isZero()) {
      step.log("installer access needs no authorisation on this site (codes.engineer_access: 0s)", RULE, true);
      done(step, keypad, "Installer access needs no authorisation");
      return;
    }
    window(step, step.now().plus(window));
    step.log("installer access authorised by user " + u.number() + " for " + Durations.format(window) + " (" + who + ")", RULE, true);
    done(step, keypad, "Installer access authorised for " + Durations.format(window));
  }

  /**
   * Only a master or manager (authority 1 or 2 in any partition: access level 2) may authorise, and
   * for at most the site's {@code codes.engineer_access}.
   */
  static Optional<Refusal> mayAuthorise(User u, Duration requested, CodePolicy codes) {
    boolean manager = u.authority().values().stream().anyMatch(l -> l == AuthorityLevel.MASTER.number() || l == AuthorityLevel.MANAGER.number());
    if (!manager) return Optional.of(new Refusal("Only a master or manager may authorise installer access", RULE));
    if (requested != null && (requested.isNegative() || requested.isZero())) {
      return Optional.of(new Refusal("Give a positive duration", RULE));
    }
    if (requested != null && requested.compareTo(codes.engineerAccess()) > 0 && !codes.engineerAccess().isZero()) {
      return Optional.of(new Refusal("At most " + Durations.format(codes.engineerAccess()) + " (codes.engineer_access)", RULE + "; codes.engineer_access"));
    }
    return Optional.empty();
  }

  private static void refuse(Step step, String keypad, Refusal r, String who) {
    step.log("installer access request refused (" + who + "): " + r.reason(), r.rule(), true);
    if (keypad != null) {
      step.display(keypad, r.reason());
      step.tone(keypad, Tone.ERROR);
    }
  }

  private static void done(Step step, String keypad, String text) {
    if (keypad != null) {
      step.display(keypad, text);
      step.tone(keypad, Tone.ACCEPT);
    }
  }
}
