package org.vigil.panel.config;

/**
 * How alarms are restored after EN 50131-1 Table 6 and BS 8243 A.3 / BS 8473 (top-level {@code
 * restore:} key).
 *
 * @param antiCodeSecret the secret shared with the ARC for remote reset by anti-code (BS 8473): the
 *     panel shows a challenge, the ARC answers with the response computed from it and this secret.
 *     Null: no anti-code remote reset (the ARC can still restore over the alarm transmission link).
 *     Never printed: {@link #toString()} hides it.
 * @param antiCodeAttempts wrong responses accepted before the challenge is replaced by a new one
 */
public record RestorePolicy(String antiCodeSecret, int antiCodeAttempts) {
  public static final RestorePolicy DEFAULTS = new RestorePolicy(null, 3);

  @Override
  public String toString() {
    return "RestorePolicy[antiCodeSecret=" + (antiCodeSecret == null ? "none" : "hidden") + ", antiCodeAttempts=" + antiCodeAttempts + "]";
  }
}
