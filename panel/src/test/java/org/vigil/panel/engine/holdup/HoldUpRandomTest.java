package org.vigil.panel.engine.holdup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Input.HoldUpAction;

/**
 * Seeded-random device presses, tampers, restores, duress and time against a small independent model
 * of BS 8243 5.4.1.2 / 7.3.2 / H.3.2 / A.2.3: after every step the panel must have sent exactly the
 * unconfirmed, confirmed and inhibit signals the model predicts, and hold the same inhibits. A
 * failure names the seed and the step.
 */
class HoldUpRandomTest {
  static final List<String> HDS = List.of("hd-counter-1", "hd-counter-2", "hd-office", "hd-portable", "hd-keypad");
  static final Map<String, String> AREA = Map.of("hd-counter-1", "banking", "hd-counter-2", "banking", "hd-office", "office", "hd-portable", "banking", "hd-keypad", "office");
  static final Map<String, Duration> HCT = Map.of("banking", Duration.ofHours(8), "office", Duration.ofHours(20));
  static final List<String> TAMPERABLE = List.of("pir-hall", "hd-counter-2", "office-door");

  /** The model: what the HAS should do, written from the clauses, not from the feature's code. */
  static final class Model {
    Instant windowEnd;
    Set<String> sources = new HashSet<>();
    boolean confirmed;
    Set<String> tamper = new HashSet<>();
    Set<String> active = new HashSet<>();
    Set<String> inhibited = new HashSet<>();
    Set<String> memory = new LinkedHashSet<>();
    int hua, confirmedHua, inhibits;
    /** First button of a two-button device waiting for the other (4.5 a): device -> (button, at). */
    Map<String, Map.Entry<HoldUpAction, Instant>> pending = new HashMap<>();

    void button(String d, HoldUpAction b, Instant now) {
      if (d.equals("hd-keypad")) return; // off: not even a first button counts
      var p = pending.get(d);
      if (p != null && p.getKey() != b) {
        pending.remove(d);
        press(d, now);
      } else {
        pending.put(d, Map.entry(b, now));
      }
    }

    void advance(Instant t) {
      // The sync window (3 s on every HD of the branch) closes before anything else at its instant.
      pending.values().removeIf(p -> !t.isBefore(p.getValue().plusSeconds(3)));
      if (windowEnd != null && !t.isBefore(windowEnd)) {
        for (String d : HDS) {
          if (active.contains(d) && !inhibited.contains(d)) {
            inhibited.add(d);
            inhibits++;
          }
        }
        windowEnd = null;
        sources.clear();
        confirmed = false;
      }
    }

    void source(String id, String area, Instant now) {
      memory.add(area);
      if (windowEnd == null) {
        windowEnd = now.plus(HCT.get(area));
        sources = new HashSet<>(Set.of(id));
        confirmed = false;
        hua++;
        if (!tamper.isEmpty()) confirm();
      } else if (!sources.contains(id)) {
        sources.add(id);
        if (!confirmed) confirm();
        else hua++;
      }
    }

    void confirm() {
      confirmed = true;
      confirmedHua++;
    }

    void press(String d, Instant now) {
      if (d.equals("hd-keypad") || inhibited.contains(d)) return; // 4.5(b) off; A.2.3 inhibited
      active.add(d);
      source(d, AREA.get(d), now);
    }

    void secondAction(String d, Instant now) {
      if (d.equals("hd-office") && windowEnd != null && sources.contains(d)) {
        if (!confirmed) confirm();
        return;
      }
      press(d, now);
    }

    void tamperOpen(String id) {
      tamper.add(id);
      if (windowEnd != null && !confirmed) confirm();
    }

    void restore(String area) {
      if (!memory.contains(area)) return;
      if (HDS.stream().anyMatch(d -> AREA.get(d).equals(area) && active.contains(d))) return; // still latched
      memory.remove(area);
      HDS.stream().filter(d -> AREA.get(d).equals(area)).forEach(inhibited::remove);
      if (memory.isEmpty() && windowEnd != null) {
        windowEnd = null;
        sources.clear();
        confirmed = false;
      }
    }
  }

  @Test
  void randomPressesTampersRestoresAndTimeMatchTheModel() {
    for (long seed = 1; seed <= 60; seed++) run(seed, 120);
  }

  @Test
  void theSameSeedGivesTheSameEffects() {
    assertThat(run(42, 80)).isEqualTo(run(42, 80));
  }

  static List<String> run(long seed, int steps) {
    Random rnd = new Random(seed);
    Panel p = Panel.branch();
    Model m = new Model();
    for (int i = 0; i < steps; i++) {
      String at = "seed " + seed + " step " + i;
      int pick = rnd.nextInt(100);
      String dev = HDS.get(rnd.nextInt(HDS.size()));
      String what;
      if (pick < 25) {
        Duration d = switch (rnd.nextInt(5)) {
          case 0 -> Duration.ofMillis(rnd.nextInt(5000));
          case 1 -> Duration.ofMinutes(rnd.nextInt(120));
          case 2 -> Duration.ofHours(1 + rnd.nextInt(12));
          default -> m.windowEnd == null ? Duration.ofMinutes(rnd.nextInt(30))
              // Hit the 8 h / 20 h boundaries: exactly at the end, or one second before.
              : Duration.between(p.now(), m.windowEnd).minusSeconds(rnd.nextBoolean() ? 0 : 1);
        };
        if (d.isNegative()) d = Duration.ZERO;
        what = "advance " + d;
        p.after(d);
        m.advance(p.now());
      } else if (pick < 50) {
        what = "press " + dev;
        p.press(dev);
        m.press(dev, p.now());
      } else if (pick < 66) {
        HoldUpAction b = switch (rnd.nextInt(3)) {
          case 0 -> HoldUpAction.PRESS_ONE;
          case 1 -> HoldUpAction.BUTTON_A;
          default -> HoldUpAction.BUTTON_B;
        };
        // Aim at the sync window: mostly the device with a first button waiting, a moment later.
        if (!m.pending.isEmpty() && rnd.nextInt(4) > 0) dev = m.pending.keySet().stream().sorted().findFirst().get();
        Duration gap = Duration.ofMillis(rnd.nextInt(4500));
        p.after(gap);
        m.advance(p.now());
        what = b + " " + dev + " after " + gap;
        p.press(dev, b);
        if (b != HoldUpAction.PRESS_ONE) m.button(dev, b, p.now());
      } else if (pick < 70) {
        what = "second action " + dev;
        p.press(dev, HoldUpAction.SECOND_ACTION);
        m.secondAction(dev, p.now());
      } else if (pick < 78) {
        what = "reset " + dev;
        p.press(dev, HoldUpAction.RESET);
        m.active.remove(dev);
      } else if (pick < 85) {
        String t = TAMPERABLE.get(rnd.nextInt(TAMPERABLE.size()));
        if (rnd.nextBoolean()) {
          what = "tamper " + t;
          p.in(new Input.TamperOpen(t));
          m.tamperOpen(t);
        } else {
          what = "tamper restore " + t;
          p.in(new Input.TamperRestored(t));
          m.tamper.remove(t);
        }
      } else if (pick < 94) {
        String area = rnd.nextBoolean() ? "banking" : "office";
        what = "restore " + area;
        p.in(new Input.RemoteCommand(area, Input.RemoteAction.RESTORE, 0));
        m.restore(area);
      } else {
        what = "duress";
        p.in(new Input.HoldUpCondition("banking", 2, 992, "keypad kp-hall"));
        m.source("duress:2", "banking", p.now());
      }
      String ctx = at + " (" + what + ")";
      long hua = p.notifications().stream().filter(n -> !n.restore() && n.cid() != null && (n.cid() == 122 || n.cid() == 123 || n.cid() == 121)).count();
      assertThat(hua).as("unconfirmed/further HUAs after %s", ctx).isEqualTo(m.hua);
      assertThat(p.notifications(129)).as("confirmed HUAs after %s", ctx).hasSize(m.confirmedHua);
      assertThat(p.notifications(570)).as("reinstatement inhibits after %s", ctx).hasSize(m.inhibits);
      for (String d : HDS) assertThat(p.state.zone(d).inhibited()).as("%s inhibited after %s", d, ctx).isEqualTo(m.inhibited.contains(d));
      assertThat(p.state.output("bell")).as("bell after %s", ctx).isFalse();
      assertThat(p.state.output("strobe")).as("strobe after %s", ctx).isFalse();
      // BS 8243 5.3.1 / DC-09 [V]: a link only on a device's HUA or 129, naming a capture the engine asked for; never on duress.
      java.util.Set<String> captures = new java.util.HashSet<>();
      p.effects.forEach(t -> {
        if (t.effect() instanceof org.vigil.panel.engine.Effect.CaptureImages c) captures.add(c.reference());
      });
      for (var n : p.notifications()) {
        if (n.verification() == null) continue;
        assertThat(n.cid()).as("signal with an image link after %s", ctx).isIn(122, 123, 129);
        assertThat(n.user()).as("duress with an image link after %s", ctx).isNull();
        assertThat(captures).as("capture of %s after %s", n.verification(), ctx).contains(org.vigil.panel.engine.Effect.Notification.captureReference(n.verification()));
      }
    }
    List<String> out = new ArrayList<>();
    p.effects.forEach(t -> out.add(t.at() + " " + t.effect()));
    return out;
  }
}
