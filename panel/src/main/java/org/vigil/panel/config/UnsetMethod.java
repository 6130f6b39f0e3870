package org.vigil.panel.config;

import java.util.List;
import org.vigil.panel.yaml.Names;

/** Unsetting method, numbered as in BS 8243:2010 6.4.2-6.4.6 (seed 002). */
public enum UnsetMethod implements Names.Aliased {
  /** 6.4.2 prevention of entry before the IAS is unset (unlocking the initial entry door unsets). */
  LOCK_UNSETS("6.4.2"),
  /** 6.4.3 prevention of entry before all means of confirmation are disabled. */
  LOCK_DISABLES_CONFIRMATION("6.4.3"),
  /** 6.4.4 opening the initial entry door disables all means of confirmation. */
  DOOR_DISABLES_CONFIRMATION("6.4.4"),
  /** 6.4.5 completion of unsetting using a digital key. */
  DIGITAL_KEY("6.4.5"),
  /** 6.4.6 unsetting in conjunction with the ARC. */
  ARC("6.4.6"),
  /** EN 50131 timed entry with a code at a keypad (not acceptable under BS 8243). */
  TIMED_ENTRY("en50131");

  private final String clause;

  UnsetMethod(String clause) {
    this.clause = clause;
  }

  public String clause() {
    return clause;
  }

  @Override
  public List<String> aliases() {
    return List.of(clause, "bs8243_" + clause);
  }
}
