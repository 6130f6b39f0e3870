package org.vigil.panel.config;

/** A mounting position on the site plan, in metres. */
public record Position(double x, double y) {
  public double distanceTo(Position o) {
    return Math.hypot(x - o.x, y - o.y);
  }
}
