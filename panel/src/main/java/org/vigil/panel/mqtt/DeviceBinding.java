package org.vigil.panel.mqtt;

/**
 * How one panel device is reached over MQTT.
 *
 * @param device the device id in the site file
 * @param kind what sort of device it is (which JSON fields mean what)
 * @param topic the state topic it publishes on
 */
public record DeviceBinding(String device, Kind kind, String topic) {
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
