package org.vigil.panel.mqtt;

import java.time.Duration;

/**
 * How one panel device is reached over MQTT.
 *
 * @param device the device id in the site file
 * @param kind what sort of device it is (which JSON fields mean what)
 * @param topic the state topic it publishes on
 * @param activeField the JSON field that says active or normal (detectors)
 * @param activeValue the field's value meaning active ({@code true}, {@code false} or a text); null = the kind's own rule
 * @param tamperField the JSON field for tamper; null = not read
 * @param faultField the JSON field for a device fault; null = not read
 * @param supervision this device's silence limit; null = the mapping's; zero = not supervised
 */
public record DeviceBinding(String device, Kind kind, String topic, String activeField, String activeValue, String tamperField, String faultField,
    Duration supervision) {

  /** The Zigbee2MQTT preset of a kind: its field, {@code tamper} and {@code battery_low}. */
  public DeviceBinding(String device, Kind kind, String topic) {
    this(device, kind, topic, defaultField(kind), null, "tamper", "battery_low", null);
  }

  public static String defaultField(Kind kind) {
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
    return kind == Kind.HOLD_UP || kind == Kind.READER;
  }

  public enum Kind {
    /** Zigbee2MQTT door/window contact: {@code contact: false} means open (active). */
    CONTACT,
    /** Zigbee2MQTT motion sensor: {@code occupancy: true} means active. */
    OCCUPANCY,
    /** Vibration/seismic/glass-break: {@code vibration} or {@code occupancy} true means active. */
    VIBRATION,
    /** Switch, shunt lock, key switch: {@code state} ON or LOCK means active. */
    SWITCH,
    /** Hold-up device: {@code action} press_both, press_one, second_action, release, reset. */
    HOLD_UP,
    /** Card reader: {@code card} and optional {@code pin}. */
    READER
  }
}
