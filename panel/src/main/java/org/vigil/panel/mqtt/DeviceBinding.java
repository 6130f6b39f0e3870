package org.vigil.panel.mqtt;

import java.time.Duration;
import org.vigil.panel.config.MqttSettings.Preset;

/**
 * How one panel device is reached over MQTT.
 *
 * @param device the device id in the site file
 * @param kind the device's payload preset (which JSON fields mean what; the site file's {@code preset})
 * @param topic the state topic it publishes on
 * @param activeField the JSON field that says active or normal (detectors)
 * @param activeValue the field's value meaning active ({@code true}, {@code false} or a text); null = the kind's own rule
 * @param tamperField the JSON field for tamper; null = not read
 * @param faultField the JSON field for a device fault; null = not read
 * @param supervision this device's silence limit; null = the mapping's; zero = not supervised
 */
public record DeviceBinding(String device, Preset kind, String topic, String activeField, String activeValue, String tamperField, String faultField,
    Duration supervision) {

  /** The Zigbee2MQTT preset of a kind: its field, {@code tamper} and {@code battery_low}. */
  public DeviceBinding(String device, Preset kind, String topic) {
    this(device, kind, topic, defaultField(kind), null, "tamper", "battery_low", null);
  }

  public static String defaultField(Preset kind) {
    return switch (kind) {
      case CONTACT -> "contact";
      case OCCUPANCY -> "occupancy";
      case VIBRATION -> "vibration";
      case SWITCH -> "state";
      case HOLD_UP -> "action";
      case READER -> "card";
    };
  }

  /** Hold-up devices and readers only send events: silence says nothing about them. */
  public boolean eventOnly() {
    return kind == Preset.HOLD_UP || kind == Preset.READER;
  }
}
