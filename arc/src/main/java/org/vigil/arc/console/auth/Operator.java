package org.vigil.arc.console.auth;

import java.time.Instant;

/** A console user. The password hash never leaves the auth package's store. */
public record Operator(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {}
