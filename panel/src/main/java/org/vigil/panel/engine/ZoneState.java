package org.vigil.panel.engine;

/**
 * Conditions of one detector or hold-up device.
 *
 * @param inhibited omitted until the next unset (user inhibit or reinstatement, BS 8243 A.2)
 * @param isolated omitted until re-included
 */
public record ZoneState(boolean active, boolean tamper, boolean fault, boolean commsLost, boolean inhibited, boolean isolated) {
  public static final ZoneState NORMAL = new ZoneState(false, false, false, false, false, false);

  public ZoneState withActive(boolean v) {
    return new ZoneState(v, tamper, fault, commsLost, inhibited, isolated);
  }

  public ZoneState withTamper(boolean v) {
    return new ZoneState(active, v, fault, commsLost, inhibited, isolated);
  }

  public ZoneState withFault(boolean v) {
    return new ZoneState(active, tamper, v, commsLost, inhibited, isolated);
  }

  public ZoneState withCommsLost(boolean v) {
    return new ZoneState(active, tamper, fault, v, inhibited, isolated);
  }

  public ZoneState withInhibited(boolean v) {
    return new ZoneState(active, tamper, fault, commsLost, v, isolated);
  }

  public ZoneState withIsolated(boolean v) {
    return new ZoneState(active, tamper, fault, commsLost, inhibited, v);
  }

  public boolean omitted() {
    return inhibited || isolated;
  }
}
