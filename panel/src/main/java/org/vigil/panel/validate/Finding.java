package org.vigil.panel.validate;

import org.vigil.panel.yaml.Loc;

/** One result of the design check, citing the clause that makes it. */
public record Finding(Severity severity, String rule, String path, Loc loc, String message) {
  @Override
  public String toString() {
    return loc + ": " + severity.name().toLowerCase() + ": " + message + " [" + rule + "]" + (path == null || path.isEmpty() ? "" : " (" + path + ")");
  }
}
