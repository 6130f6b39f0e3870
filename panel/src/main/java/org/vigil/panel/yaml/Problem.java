package org.vigil.panel.yaml;

/** One thing wrong with an input file: where, which key path, and why. */
public record Problem(Loc loc, String path, String message) {
  @Override
  public String toString() {
    return loc + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message;
  }
}
