package org.vigil.panel.config;

import java.time.Duration;
import java.util.Map;

/**
 * Site rules for codes and keypads (top-level {@code codes:} key).
 *
 * @param length required PIN length 4-8, or 0 for "any length 4-8" (the grade minimum is applied by the
 *     validator either way)
 * @param minDiffers minimum number of differs per grade, overriding {@link #DEFAULT_MIN_DIFFERS}
 * @param duressNeighbours codes within this distance of a duress code are disallowed (EN 50131-3
 *     8.3.2.2.1), so a slip of one digit cannot send a duress
 * @param lockoutAttempts wrong codes in a row before the keypad locks (default 10)
 * @param lockoutTime how long the keypad stays locked (at least 90 s)
 * @param lockoutSignal whether a lockout is signalled to the ARC (SIA JA, Contact ID 461)
 * @param quickArm whether [#] + AWAY/STAY/INSTANT arms without a code (reported as user 000)
 * @param engineerAccess how long a level-2 authorisation of installer access lasts (EN 50131 level 3
 *     needs level 2 authorisation, time-limited); zero means installer codes need no authorisation
 */
public record CodePolicy(
    int length,
    Map<Integer, Long> minDiffers,
    int duressNeighbours,
    int lockoutAttempts,
    Duration lockoutTime,
    boolean lockoutSignal,
    boolean quickArm,
    Duration engineerAccess) {

  /** Commonly quoted figures per grade [UNVERIFIED: EN 50131-1 Table 3 not seen], see standards.md 1.3. */
  public static final Map<Integer, Long> DEFAULT_MIN_DIFFERS = Map.of(1, 1_000L, 2, 10_000L, 3, 100_000L, 4, 1_000_000L);

  public static final Duration MIN_LOCKOUT = Duration.ofSeconds(90);

  public static final CodePolicy DEFAULTS =
      new CodePolicy(0, DEFAULT_MIN_DIFFERS, 1, 10, MIN_LOCKOUT, false, false, Duration.ofHours(24));

  public long minDiffers(int grade) {
    return minDiffers.getOrDefault(grade, DEFAULT_MIN_DIFFERS.getOrDefault(grade, 10_000L));
  }
}
