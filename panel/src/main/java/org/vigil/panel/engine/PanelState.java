package org.vigil.panel.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.config.SiteConfig;

/**
 * The whole panel state: immutable. Core parts (areas, zones, outputs, paths, deadlines) are fields;
 * each feature keeps its own immutable record in {@code features}, keyed by the record's class, so a
 * new feature package needs no change here.
 *
 * @param now the instant of the last step (time never goes backwards)
 * @param deadlines pending timers, sorted by time then creation order
 */
public record PanelState(
    Instant now,
    Map<String, AreaState> areas,
    Map<String, ZoneState> zones,
    Map<String, Boolean> outputs,
    Map<String, Boolean> paths,
    List<Deadline> deadlines,
    long nextSeq,
    Map<Class<?>, Object> features) {

  public PanelState {
    areas = Collections.unmodifiableMap(areas);
    zones = Collections.unmodifiableMap(zones);
    outputs = Collections.unmodifiableMap(outputs);
    paths = Collections.unmodifiableMap(paths);
    deadlines = Collections.unmodifiableList(deadlines);
    features = Collections.unmodifiableMap(features);
  }

  /** Power-up state: every area unset, every device normal, every output off, every path up. */
  public static PanelState initial(SiteConfig site, Instant start) {
    Map<String, AreaState> areas = new LinkedHashMap<>();
    site.areas().forEach(a -> areas.put(a.id(), AreaState.unset(start)));
    Map<String, ZoneState> zones = new HashMap<>();
    site.detectors().forEach(d -> zones.put(d.id(), ZoneState.NORMAL));
    site.holdUpDevices().forEach(d -> zones.put(d.id(), ZoneState.NORMAL));
    site.keypads().forEach(d -> zones.put(d.id(), ZoneState.NORMAL));
    site.readers().forEach(d -> zones.put(d.id(), ZoneState.NORMAL));
    Map<String, Boolean> outputs = new LinkedHashMap<>();
    site.outputs().forEach(o -> outputs.put(o.id(), false));
    Map<String, Boolean> paths = new LinkedHashMap<>();
    site.transmission().paths().forEach(p -> paths.put(p.id(), true));
    return new PanelState(start, areas, zones, outputs, paths, List.of(), 0, Map.of());
  }

  public AreaState area(String id) {
    return areas.get(id);
  }

  public ZoneState zone(String id) {
    return zones.getOrDefault(id, ZoneState.NORMAL);
  }

  public boolean output(String id) {
    return outputs.getOrDefault(id, false);
  }

  @SuppressWarnings("unchecked")
  public <T> T feature(Class<T> type, T empty) {
    Object o = features.get(type);
    return o == null ? empty : (T) o;
  }

  public Optional<Instant> nextDeadline() {
    return deadlines.isEmpty() ? Optional.empty() : Optional.of(deadlines.get(0).at());
  }

  public Optional<Deadline> deadline(TimerKey key) {
    return deadlines.stream().filter(d -> d.key().equals(key)).findFirst();
  }

  // ---- copy-on-write helpers (used by Step) ----

  PanelState withNow(Instant t) {
    return new PanelState(t, areas, zones, outputs, paths, deadlines, nextSeq, features);
  }

  PanelState withArea(String id, AreaState s) {
    Map<String, AreaState> m = new LinkedHashMap<>(areas);
    m.put(id, s);
    return new PanelState(now, m, zones, outputs, paths, deadlines, nextSeq, features);
  }

  PanelState withZone(String id, ZoneState s) {
    Map<String, ZoneState> m = new HashMap<>(zones);
    m.put(id, s);
    return new PanelState(now, areas, m, outputs, paths, deadlines, nextSeq, features);
  }

  PanelState withOutput(String id, boolean on) {
    Map<String, Boolean> m = new LinkedHashMap<>(outputs);
    m.put(id, on);
    return new PanelState(now, areas, zones, m, paths, deadlines, nextSeq, features);
  }

  PanelState withPath(String id, boolean up) {
    Map<String, Boolean> m = new LinkedHashMap<>(paths);
    m.put(id, up);
    return new PanelState(now, areas, zones, outputs, m, deadlines, nextSeq, features);
  }

  PanelState withDeadlines(List<Deadline> d, long seq) {
    List<Deadline> sorted = new ArrayList<>(d);
    Collections.sort(sorted);
    return new PanelState(now, areas, zones, outputs, paths, sorted, seq, features);
  }

  PanelState withFeature(Class<?> type, Object value) {
    Map<Class<?>, Object> m = new HashMap<>(features);
    m.put(type, value);
    return new PanelState(now, areas, zones, outputs, paths, deadlines, nextSeq, m);
  }
}
