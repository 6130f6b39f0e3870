package org.vigil.panel.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it came from, so every configuration or scenario error can name
 * file, line, column and key path.
 */
public sealed interface YNode {
  Loc loc();

  /** Short name of the node kind for error messages. */
  String kind();

  /** A mapping; keys keep their own positions (for unknown-key errors). */
  record YMap(Loc loc, LinkedHashMap<String, Entry> entries) implements YNode {
    public String kind() {
      return "mapping";
    }

    public YNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public Map<String, Entry> view() {
      return java.util.Collections.unmodifiableMap(entries);
    }
  }

  record Entry(String key, Loc keyLoc, YNode value) {}

  record YList(Loc loc, List<YNode> items) implements YNode {
    public String kind() {
      return "list";
    }
  }

  /** A scalar; {@code text} is null for a YAML null ({@code ~} or empty). */
  record YScalar(Loc loc, String text, boolean quoted) implements YNode {
    public String kind() {
      return text == null ? "null" : "scalar";
    }
  }
}
