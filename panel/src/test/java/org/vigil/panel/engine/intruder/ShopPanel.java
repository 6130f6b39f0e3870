package org.vigil.panel.engine.intruder;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.StepResult;

/**
 * The example shop (examples/shop.yaml) at any grade, with an engineer (user 9, installer level,
 * engineer access not time-limited), driven on a virtual clock. Every
 * effect is kept with the instant it happened.
 */
public final class ShopPanel {
  public static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");
  public static final int OWNER = 1;
  public static final int OPERATOR_A = 2;
  public static final int ENGINEER = 9;

  public record Timed(Instant at, Effect effect) {}

  public final SiteConfig site;
  public final PanelEngine engine;
  public PanelState state;
  public final List<Timed> effects = new ArrayList<>();

  public ShopPanel(SiteConfig site) {
    this.site = site;
    this.engine = new PanelEngine(site);
    this.state = engine.initial(T0);
  }

  /** The shop at {@code grade}, plus any top-level YAML in {@code extra}. */
  public static SiteConfig site(int grade, String extra) {
    String y;
    try {
      y = Files.readString(Sites.EXAMPLES.resolve("shop.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    y = y.replace("  grade: 2\n", "  grade: " + grade + "\n")
        .replace("users:\n", "users:\n  - number: 9\n    name: Engineer\n    home_area: shop\n    authority: {shop: 0}\n    pin: \"9090\"\n")
        + "\ncodes:\n  engineer_access: 0s\n"
        + (extra == null ? "" : "\n" + extra);
    return new SiteLoader(1).parse(y, null).orThrow();
  }

  public static ShopPanel grade(int grade) {
    return new ShopPanel(site(grade, null));
  }

  public Instant now() {
    return state.now();
  }

  public ShopPanel after(Duration d) {
    Instant to = now().plus(d);
    for (PanelEngine.TimedStep t : engine.advance(state, to)) {
      t.result().effects().forEach(e -> effects.add(new Timed(t.at(), e)));
      state = t.result().state();
    }
    StepResult r = engine.step(state, new Input.Tick(), to);
    r.effects().forEach(e -> effects.add(new Timed(to, e)));
    state = r.state();
    return this;
  }

  public ShopPanel after(int seconds) {
    return after(Duration.ofSeconds(seconds));
  }

  /** Applies one input now; returns this step's effects. */
  public List<Effect> step(Input input) {
    StepResult r = engine.step(state, input, now());
    r.effects().forEach(e -> effects.add(new Timed(now(), e)));
    state = r.state();
    return r.effects();
  }

  public ShopPanel in(Input... inputs) {
    for (Input i : inputs) step(i);
    return this;
  }

  /** Initiates setting as the owner and completes it with the final exit door (6.3 c). */
  public ShopPanel set() {
    return in(new Input.RemoteCommand("shop", Input.RemoteAction.SET, OWNER), new Input.DetectorActive("front-door"), new Input.DetectorNormal("front-door"));
  }

  public ShopPanel unset() {
    return in(new Input.RemoteCommand("shop", Input.RemoteAction.UNSET, OWNER));
  }

  public org.vigil.panel.engine.AreaStatus status() {
    return state.area("shop").status();
  }

  public boolean output(String id) {
    return state.output(id);
  }

  public List<Effect.Notification> notifications() {
    return effects.stream().map(Timed::effect).filter(e -> e instanceof Effect.Notification).map(e -> (Effect.Notification) e).toList();
  }

  public List<Effect.LogEntry> logs() {
    return effects.stream().map(Timed::effect).filter(e -> e instanceof Effect.LogEntry).map(e -> (Effect.LogEntry) e).toList();
  }

  public List<String> displays() {
    return effects.stream().map(Timed::effect).filter(e -> e instanceof Effect.KeypadDisplay).map(e -> ((Effect.KeypadDisplay) e).text()).toList();
  }

  public void clear() {
    effects.clear();
  }
}
