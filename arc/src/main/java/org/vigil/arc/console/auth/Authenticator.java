package org.vigil.arc.console.auth;

import java.time.Instant;
import java.util.Optional;

/** Password login with the per-user throttle. Never says whether the user name exists. */
public final class Authenticator {
    public sealed interface LoginResult {
        record LoggedIn(Session session) implements LoginResult {}
        record WrongCredentials() implements LoginResult {}
        record Locked(Instant until) implements LoginResult {}
    }

    private final OperatorStore operators;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final String dummy;

    public Authenticator(OperatorStore operators, SessionStore sessions, LoginThrottle throttle, PasswordHasher hasher) {
        this.operators = operators;
        this.sessions = sessions;
        this.throttle = throttle;
        this.hasher = hasher;
        this.dummy = hasher.hash("not-a-password");
    }

    public LoginResult login(String username, String password, Instant now) {
        Optional<Instant> locked = throttle.lockedUntil(username, now);
        if (locked.isPresent()) return new LoginResult.Locked(locked.get());
        Optional<OperatorStore.Stored> stored = operators.findWithHash(username == null ? "" : username.trim());
        boolean ok = stored.isPresent() && stored.get().operator().enabled()
                && hasher.verify(password, stored.get().passwordHash());
        if (!ok) {
            if (stored.isEmpty()) hasher.verify(password, dummy); // same work whether or not the name exists
            throttle.recordFailure(username, now);
            return throttle.lockedUntil(username, now).<LoginResult>map(LoginResult.Locked::new)
                    .orElse(new LoginResult.WrongCredentials());
        }
        throttle.recordSuccess(username);
        return new LoginResult.LoggedIn(sessions.open(stored.get().operator(), now));
    }

}
