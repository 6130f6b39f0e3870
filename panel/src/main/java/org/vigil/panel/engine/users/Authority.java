package org.vigil.panel.engine.users;

import java.util.Optional;
import org.vigil.panel.engine.AreaState;
import org.vigil.panel.engine.AreaStatus;

/**
 * Who may arm, disarm and bypass a partition (seed 001). Pure: every answer is empty (allowed) or a
 * {@link Refusal} with the user-facing reason and the rule.
 */
public final class Authority {
  /** The user number quick arm reports as (Vista). */
  public static final int QUICK_ARM_USER = 0;

  private Authority() {}

  /** Every level 0-6 may arm a partition it has access to. */
  public static Optional<Refusal> arm(int level) {
    if (level < 0) return Optional.of(new Refusal("No access to this area", "Vista: authority per partition"));
    return Optional.empty();
  }

  /**
   * Disarming: master and lower codes are interchangeable within a partition, except operator C (only
   * what it armed itself); the installer code cannot disarm what another code or quick arm armed.
   */
  public static Optional<Refusal> disarm(int level, int user, AreaState area) {
    if (level < 0) return Optional.of(new Refusal("No access to this area", "Vista: authority per partition"));
    if (area.status() == AreaStatus.UNSET) return Optional.empty();
    boolean armedBySelf = area.user() == user;
    if (level == AuthorityLevel.OPERATOR_C.number() && !armedBySelf) {
      return Optional.of(new Refusal("Code may disarm only if it armed", "Vista: operator C disarms only if armed with the same code"));
    }
    if (level == AuthorityLevel.INSTALLER.number() && !armedBySelf) {
      String by = area.user() == QUICK_ARM_USER ? "quick arm" : "another code";
      return Optional.of(new Refusal("Installer code cannot disarm (armed by " + by + ")", "Vista: installer code cannot disarm a system armed by another code or quick arm"));
    }
    return Optional.empty();
  }

  public static Optional<Refusal> bypass(int level) {
    if (level < 0) return Optional.of(new Refusal("No access to this area", "Vista: authority per partition"));
    if (!AuthorityLevel.of(level).mayBypass()) {
      return Optional.of(new Refusal("Code may not bypass", "Vista: operator B/C and duress codes cannot bypass"));
    }
    return Optional.empty();
  }
}
