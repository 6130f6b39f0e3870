package org.vigil.panel.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.config.Detector;
import org.vigil.panel.eventlog.EventClass;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.service.PanelUpdate;

/**
 * The engineer's walk test: which detectors have been seen active since the test started. It only
 * watches the panel (the engine's rules keep running: a set area still alarms), so it changes no
 * alarm behaviour. Start and end, with the detectors never seen, are logged.
 */
public final class WalkTest {
  static final String RULE = "EN50131-1 walk test (engineer, access level 3)";

  private final PanelService panel;
  private Instant started;
  private int user;
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  public WalkTest(PanelService panel) {
    this.panel = panel;
    panel.subscribe(this::onUpdate);
  }

  private synchronized void onUpdate(PanelUpdate u) {
    if (started == null) return;
    for (Detector d : panel.site().detectors()) {
      if (u.state().zone(d.id()).active()) seen.putIfAbsent(d.id(), u.at());
    }
  }

  public synchronized void start(int user) {
    if (started != null) return;
    started = panel.now();
    this.user = user;
    seen.clear();
    panel.eventLog().append(started, EventClass.MANDATORY, true, "walk test started by user " + user, RULE);
  }

  public synchronized void stop(int user) {
    if (started == null) return;
    List<String> missing = notSeen();
    panel.eventLog().append(panel.now(), EventClass.MANDATORY, true, "walk test ended by user " + user + ": " + seen.size() + " of "
        + panel.site().detectors().size() + " detectors seen" + (missing.isEmpty() ? "" : "; not seen: " + String.join(", ", missing)), RULE);
    started = null;
  }

  public synchronized boolean running() {
    return started != null;
  }

  public synchronized Instant started() {
    return started;
  }

  public synchronized Map<String, Instant> seen() {
    return Map.copyOf(seen);
  }

  public synchronized List<String> notSeen() {
    List<String> out = new ArrayList<>();
    for (Detector d : panel.site().detectors()) if (!seen.containsKey(d.id())) out.add(d.id());
    return out;
  }

  /** Who started the running test. */
  public synchronized int user() {
    return user;
  }
}
