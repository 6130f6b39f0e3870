package org.vigil.panel.config;

import java.time.Duration;

/**
 * Site-wide timers.
 *
 * @param bellDuration how long external WDs sound (UK practice: at most 15-20 min)
 * @param bellDelay delay before external WDs sound after an alarm
 * @param entryWarning minimum time an indicator/WD operates before an alarm during entry is notified
 *     (EN 50131-1 8.3.8.2, BS 8243 6.4.5 b: 30 s)
 * @param settingIndication time-limited indication that setting has completed (DD243 6.3)
 * @param busFailureWindow time within which communication failures of several bus devices count as
 *     one multiple failure (BS 8243 H.3.1(3))
 */
public record Timers(
    Duration bellDuration, Duration bellDelay, Duration entryWarning, Duration settingIndication, Duration busFailureWindow) {
  /** Sounders cut off within 20 minutes (UK police policy, standards.md 1.8). */
  public static final Duration MAX_BELL = Duration.ofMinutes(20);

  public static final Timers DEFAULTS =
      new Timers(Duration.ofMinutes(15), Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60));
}
