package org.vigil.panel.mqtt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.panel.config.Detector;
import org.vigil.panel.config.SiteConfig;

/**
 * The topic map of a site: by default every device publishes on {@code <base>/<device-id>} with
 * Zigbee2MQTT payloads (preset by detector technology), outputs are commanded on
 * {@code <base>/<output-id>/set} and Home Assistant discovery goes under {@code homeassistant/}.
 *
 * @param supervision a device silent this long is a supervision fault (never an alarm)
 */
public record MqttMapping(String base, String stateBase, String discoveryPrefix, Duration supervision, Map<String, DeviceBinding> byTopic) {
  /** Zigbee2MQTT's own availability timeout for battery devices is 25 h: we use the same default. */
  public static final Duration DEFAULT_SUPERVISION = Duration.ofHours(25);

  public static MqttMapping zigbee2mqtt(SiteConfig site) {
    return zigbee2mqtt(site, "zigbee2mqtt", DEFAULT_SUPERVISION);
  }

  public static MqttMapping zigbee2mqtt(SiteConfig site, String base, Duration supervision) {
    Map<String, DeviceBinding> m = new LinkedHashMap<>();
    for (Detector d : site.detectors()) {
      DeviceBinding.Kind k = switch (d.technology()) {
        case DOOR_CONTACT -> DeviceBinding.Kind.CONTACT;
        case VIBRATION, SEISMIC, GLASS_BREAK -> DeviceBinding.Kind.VIBRATION;
        case SWITCH -> DeviceBinding.Kind.SWITCH;
        default -> DeviceBinding.Kind.OCCUPANCY;
      };
      put(m, new DeviceBinding(d.id(), k, base + "/" + d.id()));
    }
    site.holdUpDevices().forEach(h -> put(m, new DeviceBinding(h.id(), DeviceBinding.Kind.HOLD_UP, base + "/" + h.id())));
    site.readers().forEach(r -> put(m, new DeviceBinding(r.id(), DeviceBinding.Kind.READER, base + "/" + r.id())));
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
    return base + "/" + output + "/set";
  }
}
