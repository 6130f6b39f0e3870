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
import org.vigil.panel.config.HoldUpType;
import org.vigil.panel.validate.Finding;
import org.vigil.panel.validate.Severity;

/**
 * Design checks of the hold-up alarm system, run by {@link org.vigil.panel.validate.DesignValidator}:
 * device design (BS 8243 4.5 a-e), sequential confirmation sources (5.4.1.2 b), audio coverage
 * (5.2.2) and visual coverage and image plan (5.3.1). The hold-up confirmation time range (5.4.1.2)
 * and duress (4.5 f-g) are checked with the other area settings by the design validator. Pure:
 * reads a {@link SiteConfig}, returns findings in site-file order.
 */
public final class HoldUpChecks {
  public static final Duration MAX_IMAGE_SPAN = Duration.ofSeconds(5);

  private final SiteConfig site;
  private final List<Finding> out = new ArrayList<>();

  private HoldUpChecks(SiteConfig site) {
    this.site = site;
  }

  public static List<Finding> check(SiteConfig site) {
    HoldUpChecks c = new HoldUpChecks(site);
    c.devices();
    c.sources();
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
          // A warning, not an error: the loader cannot tell "not dedicated" from "not stated" (default false).
          if (!h.dedicated()) add(Severity.WARNING, "BS8243 4.5(a)", path + ".dedicated", h.name() + ": hold-up keys on the CIE/keypad should be segregated from the main keys, dedicated and two-button: confirm with dedicated: true");
          if (h.keypad() == null) add(Severity.INFO, "BS8243 4.5(a)", path + ".keypad", h.name() + ": hold-up keys on the CIE itself (no keypad named)");
          if (!h.engineerEnabled()) add(Severity.WARNING, "BS8243 4.5(b)", path + ".engineer_enabled", h.name() + ": off (the default): HD keys on the CIE/ACE are engineer programmed only and raise no alarm until engineer_enabled: true");
          else add(Severity.INFO, "BS8243 4.5(b)", path + ".engineer_enabled", h.name() + ": enabled by the engineer");
        }
        default -> {}
      }
      boolean twoButton = h.type() != org.vigil.panel.config.HoldUpType.SINGLE_PUSH && h.type() != org.vigil.panel.config.HoldUpType.TIME_DELAY;
      if (twoButton && (h.syncWindow() == null || h.syncWindow().isZero() || h.syncWindow().isNegative())) {
        add(Severity.ERROR, "BS8243 4.5(a)", path + ".sync_window", h.name() + ": the synchronised-push window must be longer than zero");
      } else if (twoButton && h.syncWindow().compareTo(Duration.ofSeconds(5)) > 0) {
        add(Severity.WARNING, "BS8243 4.5(a)", path + ".sync_window", h.name() + ": a sync window of " + h.syncWindow().toSeconds() + " s is hardly a synchronised push (accidental operation)");
      }
      boolean checked = !site.cameras().isEmpty() || !site.holdUp().audioAreas().isEmpty();
      if (h.coverage().isEmpty() && checked) add(Severity.WARNING, "BS8243 5.2.2 / 5.3.1", path + ".coverage", h.name() + ": no coverage regions given, so audio and camera coverage cannot be checked");
    }
  }

  // ---- 5.4.1.2 (b) ----

  private void sources() {
    for (int i = 0; i < site.areas().size(); i++) {
      Area a = site.areas().get(i);
      List<HoldUpDevice> in = site.holdUpDevices().stream().filter(h -> h.area().equals(a.id()) && usable(h)).toList();
      if (in.size() == 1 && in.get(0).type() != HoldUpType.MULTI_ACTION && site.holdUpDevices().stream().filter(this::usable).count() == 1) {
        add(Severity.WARNING, "BS8243 5.4.1.2(b)", "areas[" + i + "]", "area " + a.id() + " has one hold-up device (" + in.get(0).name() + ") and the site no other: a sequentially confirmed HUA needs two HDs separately identifiable at the CIE, or a multi-action HD");
      }
    }
  }

  private boolean usable(HoldUpDevice h) {
    return !(h.type() == HoldUpType.ON_CIE && !h.engineerEnabled());
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
    // A visual confirmation facility is installed when there is a camera: then every HD's area of
    // coverage is viewed (5.3.1), unless holdup.visual_confirmation names the areas that have it.
    List<String> visualAreas = !has.visualAreas().isEmpty() ? has.visualAreas() : anyCamera ? site.areas().stream().map(Area::id).toList() : List.of();
    if (!has.visualAreas().isEmpty() && !anyCamera) {
      add(Severity.ERROR, "BS8243 5.3.1", "holdup.visual_confirmation", "visual confirmation is configured but the site has no camera");
      return;
    }
    for (int i = 0; i < site.holdUpDevices().size(); i++) {
      HoldUpDevice h = site.holdUpDevices().get(i);
      if (!visualAreas.contains(h.area()) || h.coverage().isEmpty()) continue;
      List<String> miss = missing(h.coverage(), site.cameras());
      if (!miss.isEmpty()) {
        add(Severity.ERROR, "BS8243 5.3.1", "holdup_devices[" + i + "].coverage", h.name() + ": no camera views " + String.join(", ", miss) + " (visual confirmation needs an imaging device viewing the whole area of coverage of every HD)");
      } else if (site.camerasFor(h).isEmpty()) {
        add(Severity.WARNING, "BS8243 5.3.4", "holdup_devices[" + i + "]", h.name() + ": no camera is assigned to area '" + h.area() + "' or covers its regions, so no images are captured");
      }
    }
  }
}
