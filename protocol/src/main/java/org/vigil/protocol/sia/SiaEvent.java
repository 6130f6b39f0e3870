package org.vigil.protocol.sia;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of a SIA DC-03 block: two-letter code, its number (zone, user or area, depending on the
 * code), the modifiers in force ({@code ri} area, {@code id} user, {@code ti} time, {@code da} date,
 * {@code pi} peripheral, others kept by name) and the {@code ^text^}.
 *
 * @param code two upper-case letters, e.g. BA
 * @param number the digits after the code, "" when none (RP, RR)
 * @param modifiers modifier name to value, in the order they appeared
 * @param text the {@code ^text^} after the event, "" when none
 * @param extra characters after the number up to the next separator (kept, e.g. "NM"), "" when none
 * @param modifierText {@code ^text^} that followed a modifier (e.g. the area name after ri), "" when none
 */
public record SiaEvent(
    String code,
    String number,
    Map<String, String> modifiers,
    String text,
    String extra,
    String modifierText) {

  public SiaEvent {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(extra, "extra");
    Objects.requireNonNull(modifierText, "modifierText");
    if (code.length() != 2 || !upper(code.charAt(0)) || !upper(code.charAt(1))) {
      throw new IllegalArgumentException("SIA code must be two upper-case letters: " + code);
    }
    for (int i = 0; i < number.length(); i++) {
      if (!Character.isDigit(number.charAt(i)) || number.charAt(i) > '9') {
        throw new IllegalArgumentException("number must be digits: " + number);
      }
    }
    modifiers = Collections.unmodifiableMap(new LinkedHashMap<>(modifiers));
  }

  public static SiaEvent of(String code, String number) {
    return new SiaEvent(code, number, Map.of(), "", "", "");
  }

  /** Area (partition) from {@code ri}, or null. */
  public String area() {
    return modifiers.get("ri");
  }

  /** User number from {@code id}, or null. */
  public String user() {
    return modifiers.get("id");
  }

  /** Time from {@code ti} (hh:mm, or hh:mm:ss as Lupus sends), or null. */
  public String time() {
    return modifiers.get("ti");
  }

  /** Date from {@code da}, or null. */
  public String date() {
    return modifiers.get("da");
  }

  /** Peripheral from {@code pi}, or null. */
  public String peripheral() {
    return modifiers.get("pi");
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
