package org.vigil.protocol.dc09;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;

/** The DC-09 timestamp {@code HH:MM:SS,MM-DD-YYYY} (19 characters after the {@code _}). */
public final class Dc09Timestamp {

  public static final int LENGTH = 19;

  private Dc09Timestamp() {}

  /** Formats without the leading {@code _}. */
  public static String format(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(LENGTH);
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond()).append(',');
    two(sb, t.getMonthValue()).append('-');
    two(sb, t.getDayOfMonth()).append('-');
    int y = t.getYear();
    if (y < 0 || y > 9999) throw new IllegalArgumentException("year out of range: " + y);
    sb.append((char) ('0' + y / 1000)).append((char) ('0' + y / 100 % 10));
    two(sb, y % 100);
    return sb.toString();
  }

  /**
   * Parses 19 characters at {@code from}; empty when the text is not a valid date and time (digits
   * in place, separators in place, a real calendar date).
   */
  public static Optional<LocalDateTime> parse(CharSequence s, int from) {
    if (from < 0 || s.length() - from < LENGTH) return Optional.empty();
    if (s.charAt(from + 2) != ':' || s.charAt(from + 5) != ':' || s.charAt(from + 8) != ','
        || s.charAt(from + 11) != '-' || s.charAt(from + 14) != '-') {
      return Optional.empty();
    }
    int hh = num(s, from, 2);
    int mi = num(s, from + 3, 2);
    int ss = num(s, from + 6, 2);
    int mo = num(s, from + 9, 2);
    int dd = num(s, from + 12, 2);
    int yy = num(s, from + 15, 4);
    if (hh < 0 || mi < 0 || ss < 0 || mo < 0 || dd < 0 || yy < 0) return Optional.empty();
    try {
      return Optional.of(LocalDateTime.of(yy, mo, dd, hh, mi, ss));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int num(CharSequence s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
