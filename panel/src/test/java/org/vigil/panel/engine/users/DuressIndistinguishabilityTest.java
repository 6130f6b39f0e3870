package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.StepResult;

/**
 * A duress code does exactly what the normal code does (seed 001, issue 4): random key sequences are
 * run twice, once with a user's normal PIN and once with their duress PIN in the same places, and
 * every user-facing effect (display, tone, non-discreet outputs, state changes, user log view, the
 * other ARC signals) and every deadline must be identical, step by step, at the same instants.
 */
class DuressIndistinguishabilityTest {
  static final SiteConfig OFFICE = Sites.load("office-warehouse.yaml");
  static final Set<String> DISCREET = DuressSignal.discreetOutputs(OFFICE);
  static final List<String> KEYPADS = List.of("kp-office", "kp-lobby", "kp-warehouse", "kp-annex");
  static final List<String> COMMANDS = List.of("OFF", "AWAY", "STAY", "INSTANT", "BYPASS", "*", "#", "A", "U", "B", "8", "8", "CODE");
  /** Users programmed from the keypad: never a subject (a subject's changed PIN would leave the duress PIN working). */
  static final List<Integer> PROGRAMMED = List.of(5, 6, 10, 11, 12);
  /** Levels programmed: never 6, which would turn an ordinary code of the script into a duress code in both runs. */
  static final List<Integer> LEVELS = List.of(0, 1, 2, 3, 4, 5, 7, 9);
  /** "@" in a tail stands for the subject's own code again (normal or duress per run): delete. */
  static final List<String> PROGRAMMING_TAILS = List.of("4321", "5678", "2468", "1357", "@", "#1", "#2", "#3", "#9", "");
  static final List<String> DETECTORS = List.of("door-office", "pir-office", "pir-cash", "door-warehouse", "pir-annex");
  /** Users whose normal/duress PINs are swapped between the runs: {normal, duress}. */
  static final String[][] SUBJECTS = {{"1234", "9876"}, {"3333", "3839"}, {"7777", "7700"}};
  static final List<String> OTHER_CODES = List.of("2222", "4444", "5555", "8888", "4140", "0000", "123", "12345", "4321", "5678", "2468");
  static final int SEEDS = 200;
  static final int ACTIONS = 60;

  /** One scripted action; {@code subject} >= 0 means "type subject's PIN" (normal or duress per run). */
  record Action(Duration after, String keypad, int subject, String code, String command, String tail, Input device) {}

  static List<Action> script(long seed) {
    Random r = new Random(seed);
    List<Action> out = new ArrayList<>();
    for (int i = 0; i < ACTIONS; i++) {
      Duration after = switch (r.nextInt(4)) {
        case 0 -> Duration.ZERO;
        case 1 -> Duration.ofSeconds(r.nextInt(10));
        case 2 -> Duration.ofSeconds(r.nextInt(120));
        default -> Duration.ofMinutes(r.nextInt(30));
      };
      int kind = r.nextInt(10);
      if (kind < 2) {
        String d = DETECTORS.get(r.nextInt(DETECTORS.size()));
        out.add(new Action(after, null, -1, null, null, null, r.nextBoolean() ? new Input.DetectorActive(d) : new Input.DetectorNormal(d)));
      } else if (kind == 2) {
        boolean subject = r.nextBoolean();
        out.add(new Action(after, "rd-door", subject ? 2 : -1, subject ? null : (r.nextBoolean() ? "1111" : null), null, null, null));
      } else {
        String kp = KEYPADS.get(r.nextInt(KEYPADS.size()));
        int subject = r.nextInt(3) == 0 ? -1 : r.nextInt(SUBJECTS.length);
        String code = subject >= 0 ? null : OTHER_CODES.get(r.nextInt(OTHER_CODES.size()));
        String command = COMMANDS.get(r.nextInt(COMMANDS.size()));
        String tail = switch (command) {
          case "BYPASS" -> String.format("%03d", List.of(1, 2, 3, 11, 21, 99).get(r.nextInt(6)));
          case "#" -> r.nextBoolean() ? "65" : "64";
          case "8", "CODE" -> {
            String t = PROGRAMMING_TAILS.get(r.nextInt(PROGRAMMING_TAILS.size()));
            t = switch (t) {
              case "#1" -> t + LEVELS.get(r.nextInt(LEVELS.size() - 1));
              case "#2" -> t + r.nextInt(3);
              case "#3" -> t + (1 + r.nextInt(4)) + LEVELS.get(r.nextInt(LEVELS.size()));
              default -> t;
            };
            yield String.format("%03d", PROGRAMMED.get(r.nextInt(PROGRAMMED.size()))) + t;
          }
          default -> r.nextInt(8) == 0 ? "1" : "";
        };
        out.add(new Action(after, kp, subject, code, command, tail, null));
      }
    }
    return out;
  }

  /** What a user, a bystander or an attacker can observe of one step. */
  record Observed(Instant at, List<String> effects, String areas, String zones, String outputs, String deadlines, String users) {}

  static List<Observed> run(List<Action> script, boolean duress, List<Effect.Notification> duressSignals) {
    PanelEngine engine = new PanelEngine(OFFICE);
    Instant now = Instant.parse("2026-01-05T06:30:00Z");
    PanelState s = engine.initial(now);
    List<Observed> out = new ArrayList<>();
    for (Action a : script) {
      now = now.plus(a.after());
      List<Input> inputs = new ArrayList<>();
      if (a.device() != null) {
        inputs.add(a.device());
      } else if (a.keypad().equals("rd-door")) {
        String pin = a.subject() >= 0 ? SUBJECTS[a.subject()][duress ? 1 : 0] : a.code();
        inputs.add(new Input.CardPresented("rd-door", "CARD-0009", pin));
      } else {
        String code = a.subject() >= 0 ? SUBJECTS[a.subject()][duress ? 1 : 0] : a.code();
        String tail = a.tail().replace("@", code);
        for (String k : KeypadDriver.presses(code + "{" + a.command() + "}" + tail)) inputs.add(new Input.KeyPressed(a.keypad(), k));
      }
      // Timers first, one instant at a time, so every effect is compared at its exact instant.
      for (PanelEngine.TimedStep t : engine.advance(s, now)) {
        s = t.result().state();
        out.add(observe(t.at(), t.result(), s, duressSignals));
      }
      for (Input in : inputs) {
        StepResult r = engine.step(s, in, now);
        s = r.state();
        out.add(observe(now, r, s, duressSignals));
      }
    }
    return out;
  }

  static Observed observe(Instant at, StepResult r, PanelState s, List<Effect.Notification> duressSignals) {
    List<String> visible = new ArrayList<>();
    for (Effect e : r.effects()) {
      switch (e) {
        case Effect.Notification n when n.signal() == Signal.DURESS -> duressSignals.add(n);
        // The hold-up path the duress travels (confirmation, restore) is ARC-only, never on site.
        case Effect.Notification n when n.signal() == Signal.HOLD_UP || n.signal() == Signal.CONFIRMED_HOLD_UP -> {}
        case Effect.OutputChanged o when DISCREET.contains(o.output()) -> {}
        case Effect.LogEntry l when !l.userVisible() -> {}
        default -> visible.add(e.toString());
      }
    }
    String outputs = s.outputs().entrySet().stream().filter(x -> !DISCREET.contains(x.getKey())).toList().toString();
    // The hold-up confirmation time a duress opens is ARC-side bookkeeping with no on-site effect;
    // every other timer (exit, entry, bells, lockout...) must be identical.
    String deadlines = s.deadlines().stream().filter(d -> !d.key().getClass().getName().contains(".holdup.")).map(d -> d.at() + " " + d.key()).toList().toString();
    // The users as keypad programming left them (hashes differ by salt, so not compared) and the
    // installer authorisation.
    UsersFeature.Directory dir = s.feature(UsersFeature.Directory.class, null);
    String users = dir == null ? "site users" : dir.users().stream()
        .map(u -> u.number() + " " + u.homeArea() + " " + new java.util.TreeMap<>(u.authority()) + " oc=" + u.openCloseReporting() + " pin=" + (u.pin() != null)).toList().toString();
    users += " installer until " + s.feature(org.vigil.panel.engine.keypad.KeypadFeature.Keypads.class, org.vigil.panel.engine.keypad.KeypadFeature.Keypads.EMPTY).engineerUntil();
    return new Observed(at, visible, s.areas().toString(), new java.util.TreeMap<>(s.zones()).toString(), outputs, deadlines, users);
  }

  @Test
  void randomKeySequences_duressAndNormalCodesLookIdentical() {
    int withDuress = 0;
    int programmed = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<Action> script = script(seed);
      List<Effect.Notification> normalSignals = new ArrayList<>();
      List<Effect.Notification> duressSignals = new ArrayList<>();
      List<Observed> normal = run(script, false, normalSignals);
      List<Observed> duress = run(script, true, duressSignals);
      assertThat(normalSignals).as("seed %d: normal codes send no duress", seed).isEmpty();
      for (int i = 0; i < Math.min(normal.size(), duress.size()); i++) {
        assertThat(duress.get(i)).as("seed %d, step %d", seed, i).isEqualTo(normal.get(i));
      }
      assertThat(duress).as("seed %d: user-facing effects, state and deadlines", seed).hasSameSizeAs(normal);
      if (!duressSignals.isEmpty()) withDuress++;
      if (!normal.get(normal.size() - 1).users().startsWith("site users")) programmed++;
    }
    // The comparison is only worth something if duress codes were really used and signalled, and
    // keypad programming really changed users.
    assertThat(withDuress).isGreaterThan(SEEDS * 9 / 10);
    assertThat(programmed).as("seeds where keypad programming changed the users").isGreaterThan(SEEDS / 3);
  }

  @Test
  void duressIsRaisedOnEveryCommandKeyAfterADuressCode_neverOnStar() {
    List<Input> raised = new ArrayList<>();
    PanelEngine engine = new PanelEngine(OFFICE, java.util.stream.Stream.concat(PanelEngine.defaultFeatures().stream(),
        java.util.stream.Stream.<org.vigil.panel.engine.Feature>of((in, step) -> {
          if (in instanceof Input.HoldUpCondition) raised.add(in);
        })).toList());
    Instant t = Instant.parse("2026-01-05T10:00:00Z");
    PanelState s = engine.initial(t);
    for (String k : KeypadDriver.presses("9876{AWAY}9876*9876{OFF}")) s = engine.step(s, new Input.KeyPressed("kp-office", k), t).state();
    assertThat(raised).hasSize(2);
  }
}
