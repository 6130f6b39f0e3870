package org.vigil.panel.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.devices.DeviceConditions;
import org.vigil.panel.engine.holdup.HoldUpFeature;
import org.vigil.panel.engine.intruder.IntruderFeature;
import org.vigil.panel.engine.keypad.KeypadFeature;
import org.vigil.panel.engine.setting.SettingFeature;
import org.vigil.panel.engine.transmission.PathSupervision;
import org.vigil.panel.engine.users.DuressSignal;
import org.vigil.panel.engine.users.UsersFeature;
import org.vigil.panel.engine.warning.WarningDevices;

/**
 * The pure panel engine: {@code (state, input, now) -> (state, effects)}. It reads no clock, sleeps
 * never and does no I/O; timers are {@link Deadline}s in the state, fired (in time order) by any step
 * whose {@code now} has reached them, typically a {@link Input.Tick}.
 *
 * <p>The engine is a dispatcher over {@link Feature}s, in order. A feature package plugs in with one
 * line in {@link #defaultFeatures()}.
 */
public final class PanelEngine {
  private final SiteConfig site;
  private final List<Feature> features;

  public PanelEngine(SiteConfig site) {
    this(site, defaultFeatures());
  }

  public PanelEngine(SiteConfig site, List<Feature> features) {
    this.site = site;
    this.features = List.copyOf(features);
  }

  /** The standard rule set, in dispatch order: device conditions first, outputs last. */
  public static List<Feature> defaultFeatures() {
    return List.of(
        new DeviceConditions(),
        new UsersFeature(),
        new KeypadFeature(),
        new SettingFeature(),
        new org.vigil.panel.engine.omission.OmitFeature(),
        new IntruderFeature(),
        new org.vigil.panel.engine.restore.RestoreFeature(),
        new HoldUpFeature(),
        new PathSupervision(),
        new WarningDevices(),
        new DuressSignal());
  }

  public SiteConfig site() {
    return site;
  }

  public PanelState initial(Instant start) {
    return PanelState.initial(site, start);
  }

  /**
   * Applies one input at {@code now}. Deadlines due at or before {@code now} fire first, each at its
   * own instant, then the input is handled.
   *
   * @throws IllegalArgumentException when {@code now} is before the state's time (time never goes
   *     backwards; the shell must check this)
   */
  public StepResult step(PanelState state, Input input, Instant now) {
    if (now.isBefore(state.now())) {
      throw new IllegalArgumentException("time went backwards: " + now + " is before " + state.now());
    }
    Step step = new Step(site, state);
    Deadline due;
    while ((due = step.popDue(now)) != null) {
      step.setNow(due.at().isAfter(step.now()) ? due.at() : step.now());
      dispatch(new Input.TimerFired(due.key()), step);
    }
    step.setNow(now);
    if (!(input instanceof Input.Tick)) dispatch(input, step);
    return new StepResult(step.state(), List.copyOf(step.effects()));
  }

  /** Fires due deadlines one instant at a time, returning one result per instant (for exact timestamps). */
  public List<TimedStep> advance(PanelState state, Instant to) {
    List<TimedStep> out = new ArrayList<>();
    PanelState s = state;
    while (s.nextDeadline().isPresent() && !s.nextDeadline().get().isAfter(to)) {
      Instant at = s.nextDeadline().get();
      if (at.isBefore(s.now())) at = s.now();
      StepResult r = step(s, new Input.Tick(), at);
      out.add(new TimedStep(at, r));
      s = r.state();
    }
    return out;
  }

  /** A step result with the instant its effects happened. */
  public record TimedStep(Instant at, StepResult result) {}

  private void dispatch(Input input, Step step) {
    for (Feature f : features) f.on(input, step);
    Input next;
    int guard = 0;
    while ((next = step.nextRaised()) != null) {
      if (++guard > 10_000) throw new IllegalStateException("internal inputs do not settle: " + next);
      for (Feature f : features) f.on(next, step);
    }
  }
}
