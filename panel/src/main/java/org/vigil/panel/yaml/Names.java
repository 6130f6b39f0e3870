package org.vigil.panel.yaml;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Spelling helpers for enum values and "did you mean" hints. */
public final class Names {
  private Names() {}

  public static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
    String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_').replace('.', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(norm) || e.name().equals("_" + norm)) return e;
      if (e instanceof Aliased a && a.aliases().contains(text.trim().toLowerCase(Locale.ROOT))) return e;
    }
    return null;
  }

  public static <E extends Enum<E>> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Names::spell).collect(Collectors.joining(", "));
  }

  /** The YAML spelling of an enum value: lower case, underscores, leading '_' dropped. */
  public static String spell(Enum<?> e) {
    String n = e.name().toLowerCase(Locale.ROOT);
    return n.startsWith("_") ? n.substring(1) : n;
  }

  /** Enums with extra accepted spellings (e.g. "6.4.5" for an unsetting method). */
  public interface Aliased {
    java.util.List<String> aliases();
  }

  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return bestD <= Math.max(2, word.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
