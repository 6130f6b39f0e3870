package org.vigil.panel.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem of a file (not just the first) and where each key path was found. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();
  private final Map<String, Loc> where = new LinkedHashMap<>();

  public void add(Loc loc, String path, String message) {
    list.add(new Problem(loc, path, message));
  }

  public void add(Problem p) {
    list.add(p);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    return Collections.unmodifiableList(list);
  }

  void seen(String path, Loc loc) {
    where.putIfAbsent(path, loc);
  }

  /** Key path to position, for later messages (validator findings) about a loaded file. */
  public Map<String, Loc> sourceMap() {
    return Collections.unmodifiableMap(where);
  }
}
