package org.vigil.protocol.sia;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses SIA DC-03 data blocks as panels really send them (research A.8, A.15): modifiers with or
 * without {@code /} separators ({@code Nri0000pi0006da10-25-18ti14:37:53UT0000}), {@code ti} with
 * seconds, {@code da} dates, {@code ^text^} after events and after modifiers, a leading {@code |}
 * without account, several events per block. Modifiers stay in force for the following events of
 * the block, except {@code id} (user), which belongs to the next event only.
 */
public final class SiaParser {

  private final String s;
  private final int len;
  private int failAt = -1;
  private String failReason;

  private SiaParser(String s) {
    this.s = s;
    this.len = s.length();
  }

  public static SiaParse parse(String data) {
    if (data == null) return new SiaParse.Invalid(0, "no data");
    return new SiaParser(data).block();
  }

  private SiaParse block() {
    int i = 0;
    String account = null;
    if (len > 0 && s.charAt(0) == '#') {
      int bar = s.indexOf('|');
      if (bar < 0) return new SiaParse.Invalid(0, "account '#...' not followed by '|'");
      account = s.substring(1, bar);
      i = bar + 1;
    } else if (len > 0 && s.charAt(0) == '|') {
      i = 1;
    }
    List<SiaEvent> events = new ArrayList<>(1);
    String ascii = null;
    while (i < len) {
      char c = s.charAt(i);
      if (c == 'N') {
        i = eventBlock(i + 1, events);
        if (i < 0) return new SiaParse.Invalid(failAt, failReason);
      } else if (c == 'A') {
        ascii = s.substring(i + 1);
        i = len;
      } else {
        return new SiaParse.Invalid(i, "expected 'N' (new event block) or 'A' (ASCII text), found '"
            + printable(c) + "'");
      }
      if (i < len) {
        if (s.charAt(i) != '|') return new SiaParse.Invalid(i, "expected '|' between blocks");
        i++;
      }
    }
    return new SiaParse.Parsed(new SiaBlock(account, events, ascii));
  }

  /** Reads events from k up to '|' or the end; returns the index after, or -1 on failure. */
  private int eventBlock(int k, List<SiaEvent> out) {
    Map<String, String> inForce = new LinkedHashMap<>();
    String pendingModifierText = "";
    int before = out.size();
    boolean lastWasEvent = false;
    while (k < len && s.charAt(k) != '|') {
      char c = s.charAt(k);
      if (c == '/') {
        k++;
      } else if (c == '^') {
        int end = s.indexOf('^', k + 1);
        if (end < 0) return fail(k, "text not closed by '^'");
        String text = s.substring(k + 1, end);
        if (lastWasEvent) {
          SiaEvent e = out.remove(out.size() - 1);
          String joined = e.text().isEmpty() ? text : e.text() + "^" + text;
          out.add(new SiaEvent(e.code(), e.number(), e.modifiers(), joined, e.extra(),
              e.modifierText()));
        } else {
          pendingModifierText = text;
        }
        k = end + 1;
      } else if (lower(c) && k + 1 < len && lower(s.charAt(k + 1))) {
        String name = s.substring(k, k + 2);
        int v = k + 2;
        while (v < len && modifierChar(name, s.charAt(v))) v++;
        inForce.remove(name); // keep the order of the last setting
        inForce.put(name, s.substring(k + 2, v));
        k = v;
        lastWasEvent = false;
      } else if (upper(c) && k + 1 < len && upper(s.charAt(k + 1))) {
        String code = s.substring(k, k + 2);
        int v = k + 2;
        while (v < len && s.charAt(v) >= '0' && s.charAt(v) <= '9') v++;
        String number = s.substring(k + 2, v);
        int x = v;
        while (x < len && s.charAt(x) != '/' && s.charAt(x) != '|' && s.charAt(x) != '^') x++;
        String extra = s.substring(v, x);
        out.add(new SiaEvent(code, number, inForce, "", extra, pendingModifierText));
        inForce.remove("id");
        pendingModifierText = "";
        k = x;
        lastWasEvent = true;
      } else {
        return fail(k, "expected a modifier (ri, id, ti, da, pi, ...) or an event code (two"
            + " capital letters), found '" + printable(c) + "'");
      }
    }
    if (out.size() == before) return fail(k, "event block without an event code");
    return k;
  }

  private static boolean modifierChar(String name, char c) {
    if (c >= '0' && c <= '9') return true;
    if (name.equals("ti")) return c == ':';
    if (name.equals("da")) return c == '-';
    return false;
  }

  private int fail(int at, String reason) {
    failAt = at;
    failReason = reason;
    return -1;
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c);
  }
}
