package org.vigil.panel.engine.users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.StepResult;

/** Drives a panel engine on a virtual clock, key by key, collecting every effect. */
final class KeypadDriver {
  final PanelEngine engine;
  PanelState state;
  Instant now;
  final List<Effect> effects = new ArrayList<>();
  List<Effect> last = List.of();

  KeypadDriver(SiteConfig site, Instant start) {
    this.engine = new PanelEngine(site);
    this.state = engine.initial(start);
    this.now = start;
  }

  /** Splits "1234{OFF}" into key presses: single characters, or names in braces. */
  static List<String> presses(String keys) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < keys.length(); i++) {
      char c = keys.charAt(i);
      if (c == '{') {
        int end = keys.indexOf('}', i);
        out.add(keys.substring(i + 1, end));
        i = end;
      } else if (c != ' ') {
        out.add(String.valueOf(c));
      }
    }
    return out;
  }

  KeypadDriver keys(String keypad, String keys) {
    List<Effect> got = new ArrayList<>();
    for (String k : presses(keys)) got.addAll(input(new Input.KeyPressed(keypad, k)));
    last = got;
    return this;
  }

  List<Effect> input(Input in) {
    StepResult r = engine.step(state, in, now);
    state = r.state();
    effects.addAll(r.effects());
    last = r.effects();
    return r.effects();
  }

  KeypadDriver card(String reader, String card, String pin) {
    input(new Input.CardPresented(reader, card, pin));
    return this;
  }

  KeypadDriver after(Duration d) {
    now = now.plus(d);
    List<Effect> got = input(new Input.Tick());
    last = got;
    return this;
  }

  <T extends Effect> List<T> last(Class<T> type) {
    return last.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends Effect> List<T> all(Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  String lastDisplay() {
    List<Effect.KeypadDisplay> d = last(Effect.KeypadDisplay.class);
    return d.isEmpty() ? null : d.get(d.size() - 1).text();
  }
}
