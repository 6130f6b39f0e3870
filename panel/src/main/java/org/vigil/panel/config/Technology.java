package org.vigil.panel.config;

import java.util.List;
import org.vigil.panel.yaml.Names;

/** Detection technology (DD243 5.4.1-5.4.3 reason about it). */
public enum Technology implements Names.Aliased {
  PIR(true, "passive_infrared"),
  DUAL_TECH(true, "dual_technology"),
  MICROWAVE(true, "mw"),
  DOOR_CONTACT(false, "magnetic_contact"),
  VIBRATION(false, "shock"),
  GLASS_BREAK(false, "glassbreak"),
  FOIL(false, "foil_on_glass"),
  BEAM(false, "active_infrared"),
  AUDIO(false, "audio_monitoring"),
  VIDEO_MOTION(false, "vmd"),
  PRESSURE(false, "air_pressure"),
  SEISMIC(false, "seismic"),
  /** Push-to-set buttons, shunt locks and key switches: not detectors, never confirm. */
  SWITCH(false, "button");

  private final boolean movement;
  private final String alias;

  Technology(boolean movement, String alias) {
    this.movement = movement;
    this.alias = alias;
  }

  /** A movement detector in the sense of DD243 5.4.2. */
  public boolean movement() {
    return movement;
  }

  @Override
  public List<String> aliases() {
    return List.of(alias);
  }
}
