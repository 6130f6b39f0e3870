package org.vigil.panel.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * EN 50136-1 alarm transmission system categories: single path SP1-SP6 and dual path DP1-DP4, with
 * the reporting time (the longest a path failure may go undetected) each sets for its primary and
 * secondary path. These defaults are the commonly quoted values (research standards.md 2.2 and
 * dc09-and-arc.md A.12, marked unverified there): T1 32 d, T2 25 h, T3 5 h, T4 180 s, T5 90 s, T6
 * 20 s; every path may override them in the site file.
 */
public enum AtsCategory {
  SP1(false, 1, Duration.ofDays(32), null),
  SP2(false, 2, Duration.ofHours(25), null),
  SP3(false, 3, Duration.ofHours(5), null),
  SP4(false, 4, Duration.ofSeconds(180), null),
  SP5(false, 5, Duration.ofSeconds(90), null),
  SP6(false, 6, Duration.ofSeconds(20), null),
  DP1(true, 1, Duration.ofHours(25), Duration.ofHours(25)),
  DP2(true, 2, Duration.ofHours(5), Duration.ofHours(25)),
  DP3(true, 3, Duration.ofSeconds(180), Duration.ofHours(25)),
  DP4(true, 4, Duration.ofSeconds(90), Duration.ofHours(5));

  /** Standard rule reference printed with decisions based on this table. */
  public static final String RULE = "EN50136-1 Table 3 (reporting time; defaults unverified)";

  private final boolean dual;
  private final int level;
  private final Duration primaryReporting;
  private final Duration secondaryReporting;

  AtsCategory(boolean dual, int level, Duration primary, Duration secondary) {
    this.dual = dual;
    this.level = level;
    this.primaryReporting = primary;
    this.secondaryReporting = secondary;
  }

  public static Optional<AtsCategory> parse(String s) {
    if (s == null) return Optional.empty();
    try {
      return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean dual() {
    return dual;
  }

  /** 1-6 within SP, 1-4 within DP. */
  public int level() {
    return level;
  }

  /**
   * Time without an acknowledgement after which a path is declared failed. A single-path category
   * gives its one value to a secondary path too (the site then has an extra path beyond the
   * category, supervised as strictly).
   */
  public Duration reportingTime(TransmissionPath.Role role) {
    if (role == TransmissionPath.Role.SECONDARY && secondaryReporting != null) return secondaryReporting;
    return primaryReporting;
  }

  /**
   * Default NULL poll interval: a third of the reporting time, so two lost polls (or their ACKs)
   * still leave one more chance before the path is declared failed.
   */
  public Duration pollInterval(TransmissionPath.Role role) {
    return reportingTime(role).dividedBy(3);
  }

  /**
   * The least category a grade needs (EN 50131-1 Table 10 as quoted in research standards.md 2.2,
   * unverified): grade 1 none, grade 2 SP2 or DP1, grade 3 SP4 or DP2, grade 4 SP5 or DP3.
   */
  public static int minimumLevel(int grade, boolean dual) {
    return switch (grade) {
      case 1 -> 0;
      case 2 -> dual ? 1 : 2;
      case 3 -> dual ? 2 : 4;
      default -> dual ? 3 : 5;
    };
  }

  /** Whether this category meets the grade. */
  public boolean meetsGrade(int grade) {
    return level >= minimumLevel(grade, dual);
  }
}
