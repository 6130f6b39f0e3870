package org.vigil.panel.engine.holdup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.StepResult;

/** A panel on a virtual clock for hold-up tests: inputs at offsets, every effect kept with its time. */
final class Panel {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  record Timed(Instant at, Effect effect) {}

  final SiteConfig site;
  final PanelEngine engine;
  PanelState state;
  final List<Timed> effects = new ArrayList<>();

  Panel(SiteConfig site) {
    this.site = site;
    this.engine = new PanelEngine(site);
    this.state = engine.initial(T0);
  }

  static Panel branch() {
    return new Panel(Sites.load("holdup-branch.yaml"));
  }

  Instant now() {
    return state.now();
  }

  /** Moves the clock to {@code to}, firing every deadline at its own instant. */
  Panel advanceTo(Instant to) {
    for (PanelEngine.TimedStep t : engine.advance(state, to)) {
      t.result().effects().forEach(e -> effects.add(new Timed(t.at(), e)));
      state = t.result().state();
    }
    StepResult r = engine.step(state, new Input.Tick(), to);
    r.effects().forEach(e -> effects.add(new Timed(to, e)));
    state = r.state();
    return this;
  }

  Panel after(Duration d) {
    return advanceTo(now().plus(d));
  }

  Panel in(Input input) {
    StepResult r = engine.step(state, input, now());
    r.effects().forEach(e -> effects.add(new Timed(now(), e)));
    state = r.state();
    return this;
  }

  Panel press(String device, Input.HoldUpAction a) {
    return in(new Input.HoldUpOperated(device, a));
  }

  Panel press(String device) {
    return press(device, Input.HoldUpAction.PRESS_BOTH);
  }

  List<Effect.Notification> notifications() {
    return effects.stream().map(Timed::effect).filter(e -> e instanceof Effect.Notification).map(e -> (Effect.Notification) e).toList();
  }

  List<Effect.Notification> notifications(int cid) {
    return notifications().stream().filter(n -> n.cid() != null && n.cid() == cid && !n.restore()).toList();
  }

  List<Effect.LogEntry> logs() {
    return effects.stream().map(Timed::effect).filter(e -> e instanceof Effect.LogEntry).map(e -> (Effect.LogEntry) e).toList();
  }

  List<Timed> timed(Class<? extends Effect> type) {
    return effects.stream().filter(t -> type.isInstance(t.effect())).toList();
  }

  HoldUpFeature.State holdUp() {
    return HoldUpFeature.of(state);
  }

  void clear() {
    effects.clear();
  }
}
