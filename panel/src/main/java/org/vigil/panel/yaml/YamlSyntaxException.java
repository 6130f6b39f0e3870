package org.vigil.panel.yaml;

/** Malformed YAML: not a stack trace for the user, a position and a reason. */
public final class YamlSyntaxException extends Exception {
  private final Loc loc;

  public YamlSyntaxException(Loc loc, String message) {
    super(message);
    this.loc = loc;
  }

  public Loc loc() {
    return loc;
  }
}
