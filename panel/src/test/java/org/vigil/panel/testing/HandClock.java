package org.vigil.panel.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock moved by hand: tests never depend on wall-clock speed. */
public final class HandClock implements InstantSource {
  private volatile Instant now;

  public HandClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }
}
