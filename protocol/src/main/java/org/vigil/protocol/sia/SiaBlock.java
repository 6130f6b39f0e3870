package org.vigil.protocol.sia;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SIA DC-03 data block as carried in a {@code SIA-DCS} frame: optional {@code #account|}, one
 * event block {@code N...} with one or more events separated by {@code /}, optional ASCII block
 * {@code |A...}.
 *
 * @param account account before the {@code |}, null when absent
 * @param events the events, in order
 * @param asciiText the {@code |A} text block, null when absent
 */
public record SiaBlock(String account, List<SiaEvent> events, String asciiText) {

  public SiaBlock {
    events = List.copyOf(Objects.requireNonNull(events, "events"));
  }

  /**
   * Writes the block. Modifiers other than {@code id} stay in force for the following events, so a
   * modifier is written only when its value changes; {@code id} is written for each event that has
   * one.
   *
   * @throws IllegalArgumentException when a persistent modifier is dropped after being set (the
   *     format cannot say so) or a text contains {@code ^}
   */
  public String encode() {
    StringBuilder sb = new StringBuilder(32);
    if (account != null) sb.append('#').append(account).append('|');
    if (!events.isEmpty()) {
      sb.append('N');
      Map<String, String> inForce = Map.of();
      boolean first = true;
      for (SiaEvent e : events) {
        if (!first) sb.append('/');
        first = false;
        for (String name : inForce.keySet()) {
          if (!name.equals("id") && !e.modifiers().containsKey(name)) {
            throw new IllegalArgumentException("modifier " + name + " cannot be cleared in a block");
          }
        }
        Iterator<Map.Entry<String, String>> it = e.modifiers().entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<String, String> m = it.next();
          if (m.getKey().equals("id") || !m.getValue().equals(inForce.get(m.getKey()))) {
            sb.append(m.getKey()).append(m.getValue()).append('/');
          }
        }
        inForce = e.modifiers();
        sb.append(e.code()).append(e.number());
        if (!e.extra().isEmpty()) sb.append(e.extra());
        if (!e.text().isEmpty()) sb.append('^').append(checkText(e.text())).append('^');
      }
    }
    if (asciiText != null) sb.append("|A").append(asciiText);
    return sb.toString();
  }

  private static String checkText(String t) {
    if (t.indexOf('^') >= 0) throw new IllegalArgumentException("text must not contain '^'");
    return t;
  }
}
