package org.vigil.panel.engine.keypad;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.Tone;

/**
 * Keypad entry, key by key: digits collect in a buffer; a command key ends the entry: {@code A} full
 * set, {@code B}/{@code C}/{@code D} part set, {@code U} unset, {@code *} clears. A code that matches
 * a user raises a {@link Input.Command} for the keypad's areas where the user has authority. The
 * code itself is never logged or displayed.
 */
public final class KeypadFeature implements Feature {
  /** Digits typed so far per keypad (kept in the state; cleared at each command key). */
  public record Buffers(Map<String, String> typed) {
    public static final Buffers EMPTY = new Buffers(Map.of());
  }

  static final int MAX_DIGITS = 8;

  @Override
  public void on(Input input, Step step) {
    if (!(input instanceof Input.KeyPressed(String keypadId, String key))) return;
    Keypad keypad = step.site().keypad(keypadId).orElse(null);
    if (keypad == null || key == null || key.isEmpty()) return;
    Buffers b = step.feature(Buffers.class, Buffers.EMPTY);
    String typed = b.typed().getOrDefault(keypadId, "");
    String k = key.toUpperCase(java.util.Locale.ROOT);
    if (k.length() == 1 && Character.isDigit(k.charAt(0))) {
      if (typed.length() < MAX_DIGITS) typed = typed + k;
      put(step, b, keypadId, typed);
      return;
    }
    put(step, b, keypadId, "");
    switch (k) {
      case "*", "ESC" -> {}
      case "A", "B", "C", "D", "U" -> command(step, keypad, typed, k);
      default -> step.log("unknown key '" + key + "' at keypad " + keypadId, "keypad", false);
    }
  }

  private void put(Step step, Buffers b, String keypad, String typed) {
    Map<String, String> m = new HashMap<>(b.typed());
    m.put(keypad, typed);
    step.putFeature(Buffers.class, new Buffers(m));
  }

  private void command(Step step, Keypad keypad, String code, String key) {
    User user = code.isEmpty() ? null : match(step, code);
    if (user == null) {
      step.display(keypad.id(), "Code not accepted");
      step.tone(keypad.id(), Tone.ERROR);
      step.log("code not accepted at keypad " + keypad.id(), "EN50131-1 8.3 authorisation", true);
      return;
    }
    List<String> areas = new ArrayList<>();
    for (String a : keypad.areas()) {
      int lvl = user.levelIn(a);
      if (lvl >= 0 && lvl <= 5) areas.add(a);
    }
    if (areas.isEmpty()) {
      step.display(keypad.id(), "No access");
      step.tone(keypad.id(), Tone.ERROR);
      step.log("user " + user.number() + " has no authority in the areas of keypad " + keypad.id(), "Vista: authority per partition", true);
      return;
    }
    Input.CommandKind kind = key.equals("U") ? Input.CommandKind.UNSET : Input.CommandKind.SET;
    String partSet = key.equals("A") || key.equals("U") ? null : key;
    step.raise(new Input.Command("keypad " + keypad.id(), keypad.id(), user.number(), areas, kind, partSet));
  }

  private static User match(Step step, String code) {
    for (User u : step.site().users()) {
      if (u.pin() != null && (u.pin().length() == 0 || u.pin().length() == code.length()) && u.pin().matches(code)) return u;
    }
    return null;
  }
}
