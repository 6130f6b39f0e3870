package org.vigil.arc.handling.scenario;

/** A scenario file that cannot be read, with where and why (e.g. "steps[3].signal.cid: not a number"). */
public final class ScenarioException extends Exception {
  private final String where;

  public ScenarioException(String where, String problem) {
    super(where + ": " + problem);
    this.where = where;
  }

  public String where() {
    return where;
  }
}
