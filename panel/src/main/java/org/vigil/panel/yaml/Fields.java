package org.vigil.panel.yaml;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Typed, position-aware access to the keys of one YAML mapping. Every read records the key as
 * known; {@link #done()} then rejects any key nobody asked for (unknown keys are errors, so a typo
 * never silently falls back to a default).
 */
public final class Fields {
  private final YNode.YMap map;
  private final String path;
  private final Problems problems;
  private final Set<String> known = new LinkedHashSet<>();

  private Fields(YNode.YMap map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  /** Fields of {@code node}; a non-mapping is reported and read as an empty mapping. */
  public static Fields of(YNode node, String path, Problems problems) {
    if (node instanceof YNode.YMap m) {
      problems.seen(path, m.loc());
      return new Fields(m, path, problems);
    }
    problems.add(node.loc(), path, "expected a mapping (key: value), found a " + node.kind());
    return new Fields(new YNode.YMap(node.loc(), new LinkedHashMap<>()), path, problems);
  }

  public String path() {
    return path;
  }

  public Loc loc() {
    return map.loc();
  }

  public Problems problems() {
    return problems;
  }

  public String sub(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    known.add(key);
    YNode n = map.get(key);
    return n != null && !(n instanceof YNode.YScalar s && s.text() == null);
  }

  public YNode raw(String key) {
    known.add(key);
    YNode n = map.get(key);
    if (n != null) problems.seen(sub(key), n.loc());
    return n;
  }

  /** Position of a key's value, or of the mapping when absent. */
  public Loc locOf(String key) {
    YNode n = map.get(key);
    return n == null ? map.loc() : n.loc();
  }

  public void error(String key, String message) {
    problems.add(locOf(key), key == null ? path : sub(key), message);
  }

  public String str(String key) {
    YNode n = raw(key);
    if (n == null) return null;
    if (n instanceof YNode.YScalar s) return s.text();
    problems.add(n.loc(), sub(key), "expected a single value, found a " + n.kind());
    return null;
  }

  public String reqStr(String key) {
    String s = str(key);
    if (s == null && map.get(key) == null) {
      problems.add(map.loc(), sub(key), "required key '" + key + "' is missing");
    } else if (s == null || s.isBlank()) {
      if (map.get(key) instanceof YNode.YScalar) problems.add(locOf(key), sub(key), "must not be empty");
    }
    return s;
  }

  public Integer integer(String key, int min, int max, boolean required) {
    String s = required ? reqStr(key) : str(key);
    if (s == null) return null;
    try {
      int v = Integer.parseInt(s.trim());
      if (v < min || v > max) {
        problems.add(locOf(key), sub(key), "must be between " + min + " and " + max + ", found " + v);
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(locOf(key), sub(key), "expected a whole number, found '" + s + "'");
      return null;
    }
  }

  public Double number(String key) {
    String s = str(key);
    if (s == null) return null;
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      problems.add(locOf(key), sub(key), "expected a number, found '" + s + "'");
      return null;
    }
  }

  public boolean bool(String key, boolean def) {
    String s = str(key);
    if (s == null) return def;
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        problems.add(locOf(key), sub(key), "expected true or false, found '" + s + "'");
        yield def;
      }
    };
  }

  /** Enum by name: case-insensitive, '-' and spaces read as '_'. */
  public <E extends Enum<E>> E enumOf(String key, Class<E> type, E def, boolean required) {
    String s = required ? reqStr(key) : str(key);
    if (s == null) return def;
    E e = Names.parseEnum(type, s);
    if (e == null) {
      problems.add(locOf(key), sub(key), "unknown value '" + s + "' (expected one of: " + Names.choices(type) + ")");
      return def;
    }
    return e;
  }

  public Duration duration(String key, Duration def) {
    String s = str(key);
    if (s == null) return def;
    try {
      return Durations.parse(s);
    } catch (IllegalArgumentException e) {
      problems.add(locOf(key), sub(key), e.getMessage());
      return def;
    }
  }

  public Instant instant(String key, boolean required) {
    String s = required ? reqStr(key) : str(key);
    if (s == null) return null;
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      problems.add(locOf(key), sub(key), "expected an ISO-8601 UTC instant like 2026-01-05T18:00:00Z, found '" + s + "'");
      return null;
    }
  }

  public Fields obj(String key) {
    YNode n = raw(key);
    if (n == null || (n instanceof YNode.YScalar s && s.text() == null)) return null;
    return Fields.of(n, sub(key), problems);
  }

  /** A list of items read by {@code item(node, path)}; null items (errors) are dropped. */
  public <T> List<T> list(String key, BiFunction<YNode, String, T> item) {
    YNode n = raw(key);
    List<T> out = new ArrayList<>();
    if (n == null || (n instanceof YNode.YScalar s && s.text() == null)) return out;
    if (!(n instanceof YNode.YList l)) {
      problems.add(n.loc(), sub(key), "expected a list, found a " + n.kind());
      return out;
    }
    for (int i = 0; i < l.items().size(); i++) {
      String p = sub(key) + "[" + i + "]";
      problems.seen(p, l.items().get(i).loc());
      T t = item.apply(l.items().get(i), p);
      if (t != null) out.add(t);
    }
    return out;
  }

  /** A list of strings; a single scalar is read as a one-element list. */
  public List<String> strings(String key) {
    YNode n = raw(key);
    if (n instanceof YNode.YScalar s && s.text() != null) return List.of(s.text());
    return list(key, (node, p) -> {
      if (node instanceof YNode.YScalar s && s.text() != null) return s.text();
      problems.add(node.loc(), p, "expected a value, found a " + node.kind());
      return null;
    });
  }

  /** Reports keys that no reader asked for. Call after reading every key. */
  public void done() {
    for (YNode.Entry e : map.entries().values()) {
      if (!known.contains(e.key())) {
        String hint = Names.closest(e.key(), known);
        problems.add(e.keyLoc(), sub(e.key()), "unknown key '" + e.key() + "'"
            + (hint == null ? "" : " (did you mean '" + hint + "'?)")
            + " - allowed here: " + String.join(", ", known));
      }
    }
  }

  public Set<String> keys() {
    return map.entries().keySet();
  }

  static String enumChoices(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
