package org.vigil.panel.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.StepResult;
import org.vigil.panel.transmit.VirtualTransmission;
import org.vigil.panel.yaml.Loc;

/**
 * Runs a scenario against the pure engine on a virtual clock: between steps, every deadline fires at
 * its own instant, so a 20-hour rule takes milliseconds. Expectations are checked after the run (an
 * "occurs within" window may extend past the step that declares it).
 */
public final class Simulator {

  /** A failed expectation, with where it was written. */
  public record Failure(Loc loc, String message) {
    @Override
    public String toString() {
      return loc + ": expectation failed: " + message;
    }
  }

  public record Result(List<TimedEffect> effects, List<Failure> failures, PanelState finalState, int inputs) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  private Simulator() {}

  public static Result run(SiteConfig site, Scenario scenario) {
    return run(site, scenario, e -> {});
  }

  /** Runs the scenario, handing each effect to {@code sink} as it happens. */
  public static Result run(SiteConfig site, Scenario scenario, Consumer<TimedEffect> sink) {
    PanelEngine engine = new PanelEngine(site);
    PanelState state = engine.initial(scenario.start());
    // The transmission paths are virtual: notifications go through the real transmitter logic.
    Run run = new Run(engine, VirtualTransmission.forSite(site, scenario.start()).orElse(null));
    List<TimedEffect> effects = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    List<Expectation.Occurs> occurs = new ArrayList<>();
    int inputs = 0;
    Instant end = scenario.until();
    for (ScenarioStep step : scenario.steps()) {
      state = run.advance(state, step.at(), effects, sink);
      for (ScenarioStep.PathLink l : step.links()) {
        if (run.tx != null) run.tx.link(l.path(), l.connected());
      }
      for (Input in : step.inputs()) {
        StepResult r = engine.step(state, in, step.at());
        inputs++;
        run.record(step.at(), r, effects, sink);
        state = r.state();
      }
      for (Expectation e : step.expectations()) {
        switch (e) {
          case Expectation.Occurs o -> {
            occurs.add(o);
            if (o.to().isAfter(end)) end = o.to();
          }
          case Expectation.StateHolds s -> {
            String actual = actual(state, s);
            if (!s.value().equalsIgnoreCase(actual)) {
              failures.add(new Failure(s.loc(), s.subject() + " " + s.field() + " expected " + s.value() + " but was " + actual + " at " + s.at()));
            }
          }
        }
      }
      if (step.at().isAfter(end)) end = step.at();
    }
    state = run.advance(state, end, effects, sink);
    for (Expectation.Occurs o : occurs) {
      List<TimedEffect> hits = effects.stream()
          .filter(t -> !t.at().isBefore(o.from()) && !t.at().isAfter(o.to()))
          .filter(t -> ScenarioLoader.matches(EffectJson.fields(t.effect()), o.match()))
          .toList();
      if (!o.absent() && hits.isEmpty()) {
        failures.add(new Failure(o.loc(), "expected " + o.match() + " between " + o.from() + " and " + o.to() + ", but it did not occur"));
      } else if (o.absent() && !hits.isEmpty()) {
        failures.add(new Failure(o.loc(), "expected no " + o.match() + " between " + o.from() + " and " + o.to() + ", but it occurred at " + hits.get(0).at() + ": " + EffectJson.fields(hits.get(0).effect())));
      }
    }
    failures.sort((a, b) -> Integer.compare(a.loc().line(), b.loc().line()));
    return new Result(effects, failures, state, inputs);
  }

  /** The engine and the virtual transmitter advanced together, in time order. */
  private record Run(PanelEngine engine, VirtualTransmission tx) {
    PanelState advance(PanelState state, Instant to, List<TimedEffect> effects, Consumer<TimedEffect> sink) {
      if (tx == null) return Simulator.advance(engine, state, to, effects, sink);
      while (true) {
        Instant e = state.nextDeadline().orElse(null);
        Instant t = tx.nextDeadline().orElse(null);
        if (t != null && t.isBefore(state.now())) t = state.now();
        boolean txFirst = t != null && !t.isAfter(to) && (e == null || !t.isAfter(e));
        if (txFirst) {
          for (VirtualTransmission.Output o : tx.step(t)) {
            if (o.input() != null) {
              StepResult r = engine.step(state, o.input(), t);
              record(t, r, effects, sink);
              state = r.state();
            }
            if (o.effect() != null) {
              TimedEffect te = new TimedEffect(t, o.effect());
              effects.add(te);
              sink.accept(te);
            }
          }
          continue;
        }
        if (e == null || e.isAfter(to)) break;
        for (PanelEngine.TimedStep s : engine.advance(state, e)) {
          record(s.at(), s.result(), effects, sink);
          state = s.result().state();
        }
      }
      return state;
    }

    void record(Instant at, StepResult r, List<TimedEffect> effects, Consumer<TimedEffect> sink) {
      Simulator.record(at, r, effects, sink);
      if (tx == null) return;
      for (var e : r.effects()) {
        if (e instanceof Effect.Notification n) tx.raise(n, at);
      }
    }
  }

  private static PanelState advance(PanelEngine engine, PanelState state, Instant to, List<TimedEffect> effects, Consumer<TimedEffect> sink) {
    for (PanelEngine.TimedStep s : engine.advance(state, to)) {
      record(s.at(), s.result(), effects, sink);
      state = s.result().state();
    }
    return state;
  }

  private static void record(Instant at, StepResult r, List<TimedEffect> effects, Consumer<TimedEffect> sink) {
    for (var e : r.effects()) {
      TimedEffect t = new TimedEffect(at, e);
      effects.add(t);
      sink.accept(t);
    }
  }

  private static String actual(PanelState state, Expectation.StateHolds s) {
    return switch (s.field()) {
      case "status" -> state.area(s.subject()).status().name();
      case "on" -> String.valueOf(state.output(s.subject()));
      case "inhibited" -> String.valueOf(state.zone(s.subject()).inhibited());
      default -> "?";
    };
  }

  static Map<String, Object> fields(TimedEffect t) {
    return EffectJson.fields(t.effect());
  }
}
