package org.vigil.panel.validate.holdup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.AudioDevice;
import org.vigil.panel.config.Camera;
import org.vigil.panel.config.HoldUpDevice;
import org.vigil.panel.config.HoldUpSystem;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.validate.holdup.Finding.Severity;

/**
 * Design checks of the hold-up alarm system: device design (BS 8243 4.5 a-g), the hold-up
 * confirmation time (5.4.1.2), audio coverage (5.2.2) and visual coverage and image plan (5.3.1).
 * Pure: reads a {@link SiteConfig}, returns findings in site-file order.
 */
public final class HoldUpChecks {
  public static final Duration MIN_HCT = Duration.ofHours(8);
  public static final Duration MAX_HCT = Duration.ofHours(20);
  public static final Duration MAX_IMAGE_SPAN = Duration.ofSeconds(5);

  private final SiteConfig site;
  private final List<Finding> out = new ArrayList<>();

  private HoldUpChecks(SiteConfig site) {
    this.site = site;
  }

  public static List<Finding> check(SiteConfig site) {
    HoldUpChecks c = new HoldUpChecks(site);
    c.devices();
    c.areas();
    c.audio();
    c.visual();
    return List.copyOf(c.out);
  }

  private void add(Severity s, String rule, String path, String message) {
    out.add(new Finding(s, rule, path, site.locate(path), message));
  }

  // ---- 4.5 a-e ----

  private void devices() {
    for (int i = 0; i < site.holdUpDevices().size(); i++) {
      HoldUpDevice h = site.holdUpDevices().get(i);
      String path = "holdup_devices[" + i + "]";
      switch (h.type()) {
        case SINGLE_PUSH -> add(Severity.ERROR, "BS8243 4.5(c)", path + ".type", h.name() + ": single-action single-push devices should not be used; fit a two-button device with synchronised push");
        case TIME_DELAY -> add(Severity.ERROR, "BS8243 4.5(d)", path + ".type", h.name() + ": time-delay trigger devices should not be used");
        case PORTABLE -> {
          if (!h.dedicated()) add(Severity.ERROR, "BS8243 4.5(e)", path + ".dedicated", h.name() + ": a portable (wireless) HD should be dedicated, with no other function");
        }
        case ON_CIE -> {
          if (!h.dedicated()) add(Severity.ERROR, "BS8243 4.5(a)", path + ".dedicated", h.name() + ": hold-up keys on the CIE/keypad should be segregated from the main keys and dedicated (set dedicated: true once they are)");
          if (h.keypad() == null) add(Severity.NOTE, "BS8243 4.5(a)", path + ".keypad", h.name() + ": hold-up keys on the CIE itself (no keypad named)");
          if (!h.engineerEnabled()) add(Severity.NOTE, "BS8243 4.5(b)", path + ".engineer_enabled", h.name() + ": off (the default); the keys raise no alarm until the engineer enables them");
          else add(Severity.NOTE, "BS8243 4.5(b)", path + ".engineer_enabled", h.name() + ": enabled by the engineer");
        }
        default -> {}
      }
      boolean twoButton = h.type() != org.vigil.panel.config.HoldUpType.SINGLE_PUSH && h.type() != org.vigil.panel.config.HoldUpType.TIME_DELAY;
      if (twoButton && (h.syncWindow() == null || h.syncWindow().isZero() || h.syncWindow().isNegative())) {
        add(Severity.ERROR, "BS8243 4.5(a)", path + ".sync_window", h.name() + ": the synchronised-push window must be longer than zero");
      } else if (twoButton && h.syncWindow().compareTo(Duration.ofSeconds(5)) > 0) {
        add(Severity.WARNING, "BS8243 4.5(a)", path + ".sync_window", h.name() + ": a sync window of " + h.syncWindow().toSeconds() + " s is hardly a synchronised push (accidental operation)");
      }
      if (h.coverage().isEmpty()) add(Severity.WARNING, "BS8243 5.2.2 / 5.3.1", path + ".coverage", h.name() + ": no coverage regions given, so audio and camera coverage cannot be checked");
    }
  }

  // ---- 4.5 f-g, 5.4.1.2 ----

  private void areas() {
    for (int i = 0; i < site.areas().size(); i++) {
      Area a = site.areas().get(i);
      String path = "areas[" + i + "]";
      Duration hct = a.holdUpConfirmationTime();
      if (hct != null && (hct.compareTo(MIN_HCT) < 0 || hct.compareTo(MAX_HCT) > 0)) {
        add(Severity.ERROR, "BS8243 5.4.1.2", path + ".holdup_confirmation_time", "the hold-up confirmation time must be 8 h to 20 h, found " + org.vigil.panel.yaml.Durations.format(hct));
      }
      if (a.duress() != null && a.duress().enabled()) {
        if (!a.duress().engineerEnabled()) add(Severity.ERROR, "BS8243 4.5(g)", path + ".duress.engineer_enabled", "the duress facility is engineer programmed only (default off): set engineer_enabled: true when the engineer has enabled it");
        if (a.duress().justification() == null || a.duress().justification().isBlank()) {
          add(Severity.ERROR, "BS8243 4.5(f)", path + ".duress.justification", "duress codes only where the risk makes them necessary and the response authority permits them: record why in 'justification'");
        }
      }
    }
  }

  // ---- 5.2.2 ----

  private void audio() {
    HoldUpSystem has = site.holdUp();
    for (String area : has.audioAreas()) {
      List<AudioDevice> alds = has.audioDevices().stream().filter(d -> d.area().equals(area)).toList();
      if (alds.isEmpty()) {
        add(Severity.ERROR, "BS8243 5.2.2", "holdup.audio_confirmation", "area '" + area + "' has audio confirmation but no audio listening device (holdup.audio_devices)");
        continue;
      }
      for (int i = 0; i < site.holdUpDevices().size(); i++) {
        HoldUpDevice h = site.holdUpDevices().get(i);
        if (!h.area().equals(area) || h.coverage().isEmpty()) continue;
        String path = "holdup_devices[" + i + "].coverage";
        AudioDevice best = null;
        for (AudioDevice d : alds) if (d.covers().containsAll(h.coverage())) best = best == null || d.covers().size() > best.covers().size() ? d : best;
        if (best == null) {
          add(Severity.ERROR, "BS8243 5.2.2", path, h.name() + " is not within the range of an audio listening device (regions not covered: " + String.join(", ", missing(h.coverage(), alds)) + ")");
        } else if (best.covers().size() <= new HashSet<>(h.coverage()).size()) {
          add(Severity.WARNING, "BS8243 5.2.2", path, "the coverage of " + best.name() + " should be greater than that of " + h.name() + " (it is only equal)");
        }
      }
      Set<String> regions = regionsOf(area);
      equipment(area, regions, alds, has.cieLocation(), "holdup.cie_location", "the CIE");
      equipment(area, regions, alds, has.notificationLocation(), "holdup.notification_location", "the notification equipment");
    }
  }

  private void equipment(String area, Set<String> regions, List<AudioDevice> alds, String location, String path, String what) {
    if (location == null) {
      add(Severity.WARNING, "BS8243 5.2.2", path, "area '" + area + "' has audio confirmation: give the region where " + what + " is, so its audio coverage can be checked");
      return;
    }
    if (!regions.contains(location)) return; // not in this area
    if (alds.stream().noneMatch(d -> d.covers().contains(location))) {
      add(Severity.ERROR, "BS8243 5.2.2", path, what + " (in '" + location + "', area '" + area + "' with audio confirmation) is not within the range of an audio listening device");
    }
  }

  /** Regions belonging to an area: those covered by its detectors, HDs, ALDs and cameras assigned to it. */
  private Set<String> regionsOf(String area) {
    Set<String> r = new LinkedHashSet<>();
    site.detectors().stream().filter(d -> d.area().equals(area)).forEach(d -> r.addAll(d.coverage()));
    site.holdUpDevices().stream().filter(d -> d.area().equals(area)).forEach(d -> r.addAll(d.coverage()));
    site.holdUp().audioDevices().stream().filter(d -> d.area().equals(area)).forEach(d -> r.addAll(d.covers()));
    return r;
  }

  private static List<String> missing(List<String> wanted, List<? extends Object> devices) {
    Set<String> covered = new HashSet<>();
    for (Object o : devices) {
      if (o instanceof AudioDevice a) covered.addAll(a.covers());
      if (o instanceof Camera c) covered.addAll(c.covers());
    }
    return wanted.stream().filter(w -> !covered.contains(w)).toList();
  }

  // ---- 5.3.1 ----

  private void visual() {
    HoldUpSystem has = site.holdUp();
    boolean anyCamera = !site.cameras().isEmpty();
    if (anyCamera || !has.visualAreas().isEmpty()) {
      if (has.imageCount() < 3) add(Severity.ERROR, "BS8243 5.3.1", "holdup.images.count", "at least three images after a HUA: one at the HUA and two more within 5 s (found " + has.imageCount() + ")");
      if (has.imageWithin().compareTo(MAX_IMAGE_SPAN) > 0) add(Severity.ERROR, "BS8243 5.3.1", "holdup.images.within", "the images after the first must follow within 5 s of the HUA (found " + org.vigil.panel.yaml.Durations.format(has.imageWithin()) + ")");
    }
    for (int i = 0; i < site.cameras().size(); i++) {
      Camera c = site.cameras().get(i);
      if (c.snapshotUrl() == null) add(Severity.ERROR, "BS8243 5.3.4", "cameras[" + i + "].snapshot_url", c.name() + ": no snapshot_url, so no images can be sent to the ARC");
    }
    for (String area : has.visualAreas()) {
      List<Camera> cams = site.cameras().stream().filter(c -> c.areas().contains(area)).toList();
      if (cams.isEmpty()) {
        add(Severity.ERROR, "BS8243 5.3.1", "holdup.visual_confirmation", "area '" + area + "' has visual confirmation but no camera assigned to it (cameras[].areas)");
        continue;
      }
      for (int i = 0; i < site.holdUpDevices().size(); i++) {
        HoldUpDevice h = site.holdUpDevices().get(i);
        if (!h.area().equals(area) || h.coverage().isEmpty()) continue;
        List<String> miss = missing(h.coverage(), cams);
        if (!miss.isEmpty()) {
          add(Severity.ERROR, "BS8243 5.3.1", "holdup_devices[" + i + "].coverage", "no camera of area '" + area + "' views the whole coverage of " + h.name() + " (not viewed: " + String.join(", ", miss) + ")");
        }
      }
    }
  }
}
