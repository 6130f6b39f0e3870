package org.vigil.panel.config;

/** Duress facility of an area (BS 8243 4.5 f-g: only where justified, engineer programmed, default off). */
public record Duress(boolean enabled, boolean engineerEnabled, String justification) {
  public static final Duress OFF = new Duress(false, false, null);
}
