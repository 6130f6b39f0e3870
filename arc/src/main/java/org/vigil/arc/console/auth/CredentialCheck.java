package org.vigil.arc.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a console operator's user name and password without opening a session: for programs calling the ARC's
 * HTTP API on its own port (HTTP Basic). Same rules as the console login: the per-name throttle, disabled operators
 * refused, the same work whether or not the name exists. A verified pair is remembered for
 * {@link #REMEMBER} (by its SHA-256, never in clear) so a script's calls do not each pay the slow password hash.
 */
public final class CredentialCheck {
    public static final Duration REMEMBER = Duration.ofMinutes(1);

    public sealed interface Result {
        record Verified(Operator operator) implements Result {}
        record Wrong() implements Result {}
        record Locked(Instant until) implements Result {}
    }

    private record Remembered(Operator operator, Instant until) {}

    private final OperatorStore operators;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher = new PasswordHasher(1000);
    private volatile String dummy;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public CredentialCheck(OperatorStore operators, LoginThrottle throttle) {
        this.operators = operators;
        this.throttle = throttle;
    }

    public Result check(String username, String password, Instant now) {
        String name = username == null ? "" : username.strip();
        Optional<Instant> locked = throttle.lockedUntil(name, now);
        if (locked.isPresent()) return new Result.Locked(locked.get());
        String key = digest(name.toLowerCase(java.util.Locale.ROOT) + "\u0000" + password);
        Remembered r = remembered.get(key);
        if (r != null && now.isBefore(r.until())) {
            // Re-read the operator: a role change or disabling applies at once.
            Optional<Operator> current = operators.find(name);
            if (current.isPresent() && current.get().enabled()) return new Result.Verified(current.get());
            remembered.remove(key);
        }
        Optional<OperatorStore.Stored> stored = operators.findWithHash(name);
        boolean ok = stored.isPresent() && stored.get().operator().enabled() && hasher.verify(password, stored.get().passwordHash());
        if (!ok) {
            if (stored.isEmpty()) hasher.verify(password, dummy());
            throttle.recordFailure(name, now);
            return throttle.lockedUntil(name, now).<Result>map(Result.Locked::new).orElse(new Result.Wrong());
        }
        throttle.recordSuccess(name);
        if (remembered.size() > 1000) remembered.clear();
        remembered.put(key, new Remembered(stored.get().operator(), now.plus(REMEMBER)));
        return new Result.Verified(stored.get().operator());
    }

    /** Whether any operator exists (a console has been started on this store at least once). */
    public boolean anyOperator() {
        return operators.count() > 0;
    }

    private String dummy() {
        if (dummy == null) dummy = new PasswordHasher().hash("not-a-password");
        return dummy;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
