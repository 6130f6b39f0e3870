package org.vigil.panel.yaml;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as installers write them: 30s, 15m, 8h, 1h30m, 250ms, or ISO-8601 (PT30M). */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (s.startsWith("pt") || s.startsWith("p")) {
      try {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("expected a duration like 30s, 15m, 8h or 1h30m, found '" + text + "'");
      }
    }
    Matcher m = PART.matcher(s);
    Duration d = Duration.ZERO;
    int pos = 0;
    while (m.find() && m.start() == pos) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
      pos = m.end();
    }
    if (pos == 0 || pos != s.length()) {
      throw new IllegalArgumentException("expected a duration like 30s, 15m, 8h or 1h30m, found '" + text + "'");
    }
    return d;
  }

  /** Short human form: 45s, 30m, 8h, 1h30m. */
  public static String format(Duration d) {
    if (d.isZero()) return "0s";
    StringBuilder b = new StringBuilder();
    long h = d.toHours();
    int m = d.toMinutesPart();
    int s = d.toSecondsPart();
    int ms = d.toMillisPart();
    if (h > 0) b.append(h).append('h');
    if (m > 0) b.append(m).append('m');
    if (s > 0) b.append(s).append('s');
    if (ms > 0) b.append(ms).append("ms");
    return b.toString();
  }
}
