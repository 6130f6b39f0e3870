package org.vigil.panel.mqtt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.MqttSettings;
import org.vigil.panel.config.Output;
import org.vigil.panel.config.SiteConfig;

/**
 * The topic map of a site. From the site file's {@code mqtt:} section ({@link #of}); devices it does
 * not list, and every device when there is no section, follow the convention: {@code <base>/<id>}
 * with the Zigbee2MQTT preset of their technology, outputs commanded on {@code <base>/<id>/set},
 * Home Assistant discovery under {@code homeassistant/}.
 *
 * @param supervision a device silent this long is a supervision fault (never an alarm); zero = off
 * @param outputTopics output id -> command topic
 */
public record MqttMapping(String base, String stateBase, String discoveryPrefix, Duration supervision, Map<String, DeviceBinding> byTopic,
    Map<String, String> outputTopics) {
  /** Zigbee2MQTT's own availability timeout for battery devices is 25 h: we use the same default. */
  public static final Duration DEFAULT_SUPERVISION = MqttSettings.DEFAULT_SUPERVISION;

  /** Outputs by convention ({@code <base>/<id>/set}). */
  public MqttMapping(String base, String stateBase, String discoveryPrefix, Duration supervision, Map<String, DeviceBinding> byTopic) {
    this(base, stateBase, discoveryPrefix, supervision, byTopic, Map.of());
  }

  /** The site file's mapping ({@code mqtt:}), the convention where it says nothing. */
  public static MqttMapping of(SiteConfig site) {
    MqttSettings m = site.mqtt();
    return of(site, m.baseTopic(), m.supervision());
  }

  /** As {@link #of(SiteConfig)} with the base topic and supervision time given on the command line. */
  public static MqttMapping of(SiteConfig site, String base, Duration supervision) {
    MqttSettings m = site.mqtt();
    Map<String, DeviceBinding> byTopic = new LinkedHashMap<>();
    for (DeviceBinding conv : zigbee2mqtt(site, base, supervision).byTopic().values()) {
      DeviceBinding b = m.device(conv.device()).map(d -> {
        org.vigil.panel.config.MqttSettings.Preset kind = d.preset() == null ? conv.kind() : d.preset();
        return new DeviceBinding(conv.device(), kind, d.topic() == null ? conv.topic() : d.topic(),
            d.activeField() == null ? DeviceBinding.defaultField(kind) : d.activeField(), d.activeValue(),
            field(d.tamperField(), "tamper"), field(d.faultField(), "battery_low"), d.supervision());
      }).orElse(conv);
      byTopic.put(b.topic(), b);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Output o : site.outputs()) {
      String t = m.device(o.id()).map(MqttSettings.MqttDevice::topic).orElse(null);
      outputs.put(o.id(), t == null ? base + "/" + o.id() + "/set" : t);
    }
    return new MqttMapping(base, m.haTopic(), m.discoveryPrefix(), supervision, byTopic, outputs);
  }

  /** "none" switches a field off; null keeps the preset's. */
  private static String field(String given, String preset) {
    if (given == null) return preset;
    return given.equalsIgnoreCase("none") ? null : given;
  }

  public static MqttMapping zigbee2mqtt(SiteConfig site) {
    return zigbee2mqtt(site, "zigbee2mqtt", DEFAULT_SUPERVISION);
  }

  /** The convention alone (no site-file mapping). */
  public static MqttMapping zigbee2mqtt(SiteConfig site, String base, Duration supervision) {
    Map<String, DeviceBinding> m = new LinkedHashMap<>();
    for (Detector d : site.detectors()) {
      org.vigil.panel.config.MqttSettings.Preset k = switch (d.technology()) {
        case DOOR_CONTACT -> org.vigil.panel.config.MqttSettings.Preset.CONTACT;
        case VIBRATION, SEISMIC, GLASS_BREAK -> org.vigil.panel.config.MqttSettings.Preset.VIBRATION;
        case SWITCH -> org.vigil.panel.config.MqttSettings.Preset.SWITCH;
        default -> org.vigil.panel.config.MqttSettings.Preset.OCCUPANCY;
      };
      put(m, new DeviceBinding(d.id(), k, base + "/" + d.id()));
    }
    site.holdUpDevices().forEach(h -> put(m, new DeviceBinding(h.id(), org.vigil.panel.config.MqttSettings.Preset.HOLD_UP, base + "/" + h.id())));
    site.readers().forEach(r -> put(m, new DeviceBinding(r.id(), org.vigil.panel.config.MqttSettings.Preset.READER, base + "/" + r.id())));
    return new MqttMapping(base, "vigil", "homeassistant", supervision, m);
  }

  private static void put(Map<String, DeviceBinding> m, DeviceBinding b) {
    m.put(b.topic(), b);
  }

  public Optional<DeviceBinding> forTopic(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  public Optional<DeviceBinding> forDevice(String device) {
    return byTopic.values().stream().filter(b -> b.device().equals(device)).findFirst();
  }

  public String outputTopic(String output) {
    String t = outputTopics.get(output);
    return t != null ? t : base + "/" + output + "/set";
  }

  /** The silence limit of a device: its own, else the mapping's; zero = not supervised. */
  public Duration supervisionOf(DeviceBinding b) {
    return b.supervision() != null ? b.supervision() : supervision;
  }
}
