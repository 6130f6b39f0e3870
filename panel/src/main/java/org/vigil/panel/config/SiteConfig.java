package org.vigil.panel.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.yaml.Loc;

/**
 * One site: everything the panel, the validator and the simulator need. Immutable; produced only by
 * {@link SiteLoader}, which has already checked every reference.
 *
 * @param source the file it came from (null when built in code)
 * @param sourceMap key path (e.g. {@code areas[0].intruder_confirmation_time}) to position
 * @param holdUp hold-up system settings (audio/visual confirmation, image capture)
 * @param codes code, lockout and quick-arm rules (top-level {@code codes:} key)
 * @param restore restore rules: anti-code secret for the BS 8473 remote reset ({@code restore:} key)
 * @param mqtt MQTT broker, topics and per-device field mapping ({@code mqtt:}); never null: the convention when absent
 */
public record SiteConfig(
    SiteInfo site,
    List<Area> areas,
    List<Detector> detectors,
    List<HoldUpDevice> holdUpDevices,
    List<Keypad> keypads,
    List<Reader> readers,
    List<Camera> cameras,
    List<Output> outputs,
    Timers timers,
    List<User> users,
    Transmission transmission,
    Path source,
    Map<String, Loc> sourceMap,
    HoldUpSystem holdUp,
    CodePolicy codes,
    RestorePolicy restore,
    MqttSettings mqtt) {

  public SiteConfig {
    if (restore == null) restore = RestorePolicy.DEFAULTS;
    if (mqtt == null) mqtt = MqttSettings.CONVENTION;
  }

  /** Without {@code restore:} and {@code mqtt:} sections (defaults: no anti-code, MQTT by convention). */
  public SiteConfig(SiteInfo site, List<Area> areas, List<Detector> detectors, List<HoldUpDevice> holdUpDevices, List<Keypad> keypads,
      List<Reader> readers, List<Camera> cameras, List<Output> outputs, Timers timers, List<User> users, Transmission transmission, Path source,
      Map<String, Loc> sourceMap, HoldUpSystem holdUp, CodePolicy codes) {
    this(site, areas, detectors, holdUpDevices, keypads, readers, cameras, outputs, timers, users, transmission, source, sourceMap, holdUp, codes,
        RestorePolicy.DEFAULTS, MqttSettings.CONVENTION);
  }

  /** Without an {@code mqtt:} section: devices on MQTT follow the convention. */
  public SiteConfig(SiteInfo site, List<Area> areas, List<Detector> detectors, List<HoldUpDevice> holdUpDevices, List<Keypad> keypads,
      List<Reader> readers, List<Camera> cameras, List<Output> outputs, Timers timers, List<User> users, Transmission transmission, Path source,
      Map<String, Loc> sourceMap, HoldUpSystem holdUp, CodePolicy codes, RestorePolicy restore) {
    this(site, areas, detectors, holdUpDevices, keypads, readers, cameras, outputs, timers, users, transmission, source, sourceMap, holdUp, codes,
        restore, MqttSettings.CONVENTION);
  }

  /** The same site with other transmission paths (e.g. the demo points them at its own ARC). */
  public SiteConfig withTransmission(Transmission t) {
    return new SiteConfig(site, areas, detectors, holdUpDevices, keypads, readers, cameras, outputs, timers, users, t, source, sourceMap, holdUp, codes, restore, mqtt);
  }

  /** The same site with another code policy. */
  public SiteConfig withCodes(CodePolicy c) {
    return new SiteConfig(site, areas, detectors, holdUpDevices, keypads, readers, cameras, outputs, timers, users, transmission, source, sourceMap, holdUp, c, restore, mqtt);
  }

  /** The same site with another MQTT mapping. */
  public SiteConfig withMqtt(MqttSettings m) {
    return new SiteConfig(site, areas, detectors, holdUpDevices, keypads, readers, cameras, outputs, timers, users, transmission, source, sourceMap, holdUp, codes, restore, m);
  }

  public Optional<User> user(int number) {
    return users.stream().filter(u -> u.number() == number).findFirst();
  }

  public Optional<Area> area(String id) {
    return areas.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public Optional<Detector> detector(String id) {
    return detectors.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Optional<HoldUpDevice> holdUpDevice(String id) {
    return holdUpDevices.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Optional<Keypad> keypad(String id) {
    return keypads.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Optional<Reader> reader(String id) {
    return readers.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Optional<Camera> camera(String id) {
    return cameras.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** Cameras assigned to the area of a hold-up device, or viewing a region the device covers (5.3.4). */
  public List<Camera> camerasFor(HoldUpDevice h) {
    return cameras.stream().filter(c -> c.areas().contains(h.area()) || c.covers().stream().anyMatch(h.coverage()::contains)).toList();
  }

  public Optional<Output> output(String id) {
    return outputs.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public List<Detector> detectorsIn(String area) {
    return detectors.stream().filter(d -> d.area().equals(area)).toList();
  }

  public List<Output> outputsFor(String area, OutputType type) {
    return outputs.stream().filter(o -> o.type() == type && (o.areas().isEmpty() || o.areas().contains(area))).toList();
  }

  /** Every device id (detectors, HDs, keypads, readers, cameras, outputs) with its kind. */
  public Map<String, String> deviceIds() {
    Map<String, String> m = new LinkedHashMap<>();
    detectors.forEach(d -> m.put(d.id(), "detector"));
    holdUpDevices.forEach(d -> m.put(d.id(), "hold-up device"));
    keypads.forEach(d -> m.put(d.id(), "keypad"));
    readers.forEach(d -> m.put(d.id(), "reader"));
    cameras.forEach(d -> m.put(d.id(), "camera"));
    outputs.forEach(d -> m.put(d.id(), "output"));
    holdUp.audioDevices().forEach(d -> m.put(d.id(), "audio device"));
    return m;
  }

  /** Position of a key path in the source file, or the file start. */
  public Loc locate(String path) {
    String file = source == null ? "<site>" : source.toString();
    String p = path;
    while (p != null && !p.isEmpty()) {
      Loc l = sourceMap.get(p);
      if (l != null) return l;
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.substring(0, cut) : null;
    }
    return new Loc(file, 1, 1);
  }
}
