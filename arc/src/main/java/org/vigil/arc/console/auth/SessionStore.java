package org.vigil.arc.console.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions held in memory: a restart logs everyone out, which is acceptable for a console (and
 * safer than long-lived tokens). Idle sessions expire after 30 minutes, every session after 12 hours (a shift).
 */
public final class SessionStore {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Session open(Operator operator, Instant now) {
        if (sessions.size() > 1000) sessions.values().removeIf(x -> expired(x, now));
        Session s = new Session(token(), operator, token(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session for this id, touched; expired sessions are removed. */
    public Optional<Session> find(String id, Instant now) {
        if (id == null) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = s.touched(now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    private static boolean expired(Session s, Instant now) {
        return now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.createdAt().plus(ABSOLUTE));
    }

    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Ends every session of a user (disabled account, role change). */
    public void closeAllOf(String username) {
        sessions.values().removeIf(s -> s.operator().username().equals(username));
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
