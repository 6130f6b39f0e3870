package org.vigil.arc.console.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong-password rate limit per user name: after {@value #FREE_ATTEMPTS} consecutive failures the name is locked
 * for one minute, doubling with each further failure up to 15 minutes. Locked attempts are refused even with the
 * right password, so guessing gains nothing. A success resets the count. Time is an input.
 */
public final class LoginThrottle {
    public static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** When the name is locked at {@code now}, until when. */
    public Optional<Instant> lockedUntil(String username, Instant now) {
        Failures f = failures.get(key(username));
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) return Optional.empty();
        return Optional.of(f.lockedUntil());
    }

    public void recordFailure(String username, Instant now) {
        // Random user names must not grow memory without bound: forget names that are not locked.
        if (failures.size() > MAX_TRACKED) failures.values().removeIf(f -> f.lockedUntil() == null || !now.isBefore(f.lockedUntil()));
        failures.compute(key(username), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = null;
            if (count >= FREE_ATTEMPTS) {
                long factor = 1L << Math.min(10, count - FREE_ATTEMPTS);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                if (lock.compareTo(MAX_LOCK) > 0) lock = MAX_LOCK;
                until = now.plus(lock);
            }
            return new Failures(count, until);
        });
    }

    public void recordSuccess(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
