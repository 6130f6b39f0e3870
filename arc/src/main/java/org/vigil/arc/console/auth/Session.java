package org.vigil.arc.console.auth;

import java.time.Instant;

/** A logged-in operator. The id travels in an HttpOnly cookie; the CSRF token in forms and headers. */
public record Session(String id, Operator operator, String csrfToken, Instant createdAt, Instant lastSeen) {
    public Session touched(Instant now) {
        return new Session(id, operator, csrfToken, createdAt, now);
    }
}
