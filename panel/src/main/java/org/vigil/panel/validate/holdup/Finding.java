package org.vigil.panel.validate.holdup;

import org.vigil.panel.yaml.Loc;

/**
 * One design finding about the hold-up alarm system, with the rule that makes it and where in the
 * site file it comes from.
 *
 * @param path key path in the site file, e.g. {@code holdup_devices[2].type}
 */
public record Finding(Severity severity, String rule, String path, Loc loc, String message) {
  public enum Severity {
    /** The design does not meet the rule: refuse to commission. */
    ERROR,
    /** Allowed, but needs a reason or a look. */
    WARNING,
    /** How the panel will behave, for the as-fitted document. */
    NOTE
  }

  @Override
  public String toString() {
    return loc + ": " + severity.name().toLowerCase() + " [" + rule + "] " + path + ": " + message;
  }
}
