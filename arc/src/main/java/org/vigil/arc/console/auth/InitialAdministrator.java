package org.vigil.arc.console.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * First start: when no operator exists, create {@code admin} (ADMINISTRATOR). The password is the one given
 * (flag {@code --admin-password}) or a random one that the caller prints once; it is never stored in clear.
 */
public final class InitialAdministrator {
    public static final String USERNAME = "admin";

    public record Created(String username, String password, boolean generated) {}

    private InitialAdministrator() {}

    /** Empty when operators already exist (nothing is printed then). */
    public static Optional<Created> ensure(OperatorStore store, PasswordHasher hasher, Optional<String> given, Instant now) {
        if (store.count() > 0) return Optional.empty();
        boolean generated = given.isEmpty() || given.get().isBlank();
        String password = generated ? PasswordHasher.randomPassword() : given.get();
        return store.create(USERNAME, "Administrator", Role.ADMINISTRATOR, hasher.hash(password), now)
                .map(op -> new Created(op.username(), password, generated));
    }
}
