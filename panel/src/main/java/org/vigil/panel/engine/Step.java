package org.vigil.panel.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.SiteConfig;

/**
 * The working context of one engine step, local to a single {@link PanelEngine#step} call: the site,
 * the instant, the state being built, the effects so far and internal inputs waiting to be
 * dispatched. Features change the state only through it, so the engine as a whole stays a pure
 * function.
 */
public final class Step {
  private final SiteConfig site;
  private PanelState state;
  private final List<Effect> effects = new ArrayList<>();
  private final Deque<Input> raised = new ArrayDeque<>();

  Step(SiteConfig site, PanelState state) {
    this.site = site;
    this.state = state;
  }

  public SiteConfig site() {
    return site;
  }

  public PanelState state() {
    return state;
  }

  public Instant now() {
    return state.now();
  }

  public List<Effect> effects() {
    return effects;
  }

  public void emit(Effect e) {
    effects.add(e);
  }

  /** Queue an internal input for every feature, after the current one has been handled by all. */
  public void raise(Input.Internal input) {
    raised.add(input);
  }

  Input nextRaised() {
    return raised.poll();
  }

  // ---- state changes ----

  public AreaState area(String id) {
    return state.area(id);
  }

  public Area areaConfig(String id) {
    return site.area(id).orElseThrow();
  }

  /** Changes an area's status, emitting {@link Effect.StateChanged} and raising {@link Input.AreaChanged}. */
  public void changeArea(String id, AreaStatus to, String partSet, int user, String rule) {
    AreaState from = state.area(id);
    state = state.withArea(id, new AreaState(to, partSet, user, now()));
    if (from.status() != to) {
      emit(new Effect.StateChanged(id, from.status(), to, rule));
      raise(new Input.AreaChanged(id, from.status(), to, user));
    }
  }

  public ZoneState zone(String id) {
    return state.zone(id);
  }

  public void zone(String id, ZoneState z) {
    state = state.withZone(id, z);
  }

  /** Switches an output, emitting an effect only when it actually changes. */
  public void output(String id, boolean on, String rule) {
    if (state.output(id) != on) {
      state = state.withOutput(id, on);
      emit(new Effect.OutputChanged(id, on, rule));
    }
  }

  public void path(String id, boolean up) {
    state = state.withPath(id, up);
  }

  public <T> T feature(Class<T> type, T empty) {
    return state.feature(type, empty);
  }

  public <T> void putFeature(Class<T> type, T value) {
    state = state.withFeature(type, value);
  }

  // ---- timers ----

  /** Schedules (or reschedules) the timer {@code key} at now + {@code after}. */
  public void schedule(TimerKey key, Duration after) {
    scheduleAt(key, now().plus(after));
  }

  public void scheduleAt(TimerKey key, Instant at) {
    List<Deadline> d = new ArrayList<>(state.deadlines());
    d.removeIf(x -> x.key().equals(key));
    d.add(new Deadline(at, state.nextSeq(), key));
    state = state.withDeadlines(d, state.nextSeq() + 1);
  }

  public void cancel(TimerKey key) {
    if (state.deadlines().stream().anyMatch(x -> x.key().equals(key))) {
      List<Deadline> d = new ArrayList<>(state.deadlines());
      d.removeIf(x -> x.key().equals(key));
      state = state.withDeadlines(d, state.nextSeq());
    }
  }

  public boolean scheduled(TimerKey key) {
    return state.deadlines().stream().anyMatch(x -> x.key().equals(key));
  }

  void setNow(Instant t) {
    state = state.withNow(t);
  }

  Deadline popDue(Instant upTo) {
    if (state.deadlines().isEmpty()) return null;
    Deadline first = state.deadlines().get(0);
    if (first.at().isAfter(upTo)) return null;
    state = state.withDeadlines(state.deadlines().subList(1, state.deadlines().size()), state.nextSeq());
    return first;
  }

  // ---- effect helpers ----

  public void log(String message, String rule, boolean userVisible) {
    emit(new Effect.LogEntry(message, rule, userVisible));
  }

  public void display(String keypad, String text) {
    emit(new Effect.KeypadDisplay(keypad, text));
  }

  public void tone(String keypad, Tone tone) {
    emit(new Effect.KeypadTone(keypad, tone));
  }

  /** Shows text on every keypad serving the area. */
  public void displayArea(String area, String text) {
    site.keypads().stream().filter(k -> k.areas().contains(area)).forEach(k -> display(k.id(), text));
  }

  public void toneArea(String area, Tone tone) {
    site.keypads().stream().filter(k -> k.areas().contains(area)).forEach(k -> tone(k.id(), tone));
  }

  public void notify(Effect.Notification n) {
    emit(n);
  }
}
