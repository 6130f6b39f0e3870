package org.vigil.panel.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The site's {@code mqtt:} section: where the broker is, the topic bases and, per device, its topic
 * and JSON field mapping (docs/panel-service.md). Devices not listed follow the convention: topic
 * {@code <base_topic>/<id>} and the Zigbee2MQTT preset of their technology. Without the section the
 * whole convention applies ({@link #CONVENTION}).
 *
 * @param broker the broker's URL, e.g. {@code tcp://127.0.0.1:1883}; null = given on the command line
 * @param baseTopic device topics' base (Zigbee2MQTT's {@code base_topic})
 * @param haTopic base of the Home Assistant state and command topics ({@code <ha_topic>/<area>/state})
 * @param discoveryPrefix Home Assistant's discovery prefix
 * @param supervision a device silent this long is a supervision fault (never an alarm); zero = off
 */
public record MqttSettings(URI broker, String baseTopic, String haTopic, String discoveryPrefix, Duration supervision, List<MqttDevice> devices) {
  /** Zigbee2MQTT's own availability timeout for battery devices is 25 h: the same default. */
  public static final Duration DEFAULT_SUPERVISION = Duration.ofHours(25);

  public static final MqttSettings CONVENTION = new MqttSettings(null, "zigbee2mqtt", "vigil", "homeassistant", DEFAULT_SUPERVISION, List.of());

  public Optional<MqttDevice> device(String id) {
    return devices.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** JSON payload presets (Zigbee2MQTT exposes). */
  public enum Preset {
    /** {@code contact: false} = open (active). */
    CONTACT,
    /** {@code occupancy: true} = active. */
    OCCUPANCY,
    /** {@code vibration: true} (or {@code occupancy}) = active. */
    VIBRATION,
    /** {@code state: ON/LOCK} = active, {@code OFF/UNLOCK} = normal. */
    SWITCH,
    /** {@code action: press_both, press_one, second_action, release, reset}. */
    HOLD_UP,
    /** {@code card} and optional {@code pin}. */
    READER
  }

  /**
   * One device's mapping; null fields take the preset's default.
   *
   * @param topic the state topic (outputs: the command topic)
   * @param activeField the JSON field that says active/normal (detectors)
   * @param activeValue the value of that field meaning active: {@code true}, {@code false} or a text
   * @param tamperField the JSON field for tamper (default {@code tamper}); "none" = not read
   * @param faultField the JSON field for a device fault (default {@code battery_low}); "none" = not read
   * @param supervision this device's silence limit; zero = not supervised
   */
  public record MqttDevice(String id, String topic, Preset preset, String activeField, String activeValue, String tamperField, String faultField,
      Duration supervision) {}
}
