package org.vigil.arc.console.queue;

import java.time.Instant;

/**
 * Police response for the alarm's URN: {@code ACTIVE} (URN issued, response not withdrawn), {@code WITHDRAWN}
 * (too many false alarms), {@code NONE} (no URN: keyholder response only). {@code dispatchedAt} once passed on.
 */
public record PoliceStatus(String urn, Response response, Instant dispatchedAt) {
    public enum Response { ACTIVE, WITHDRAWN, NONE }

    public static PoliceStatus none() {
        return new PoliceStatus(null, Response.NONE, null);
    }

    public PoliceStatus dispatched(Instant at) {
        return new PoliceStatus(urn, response, at);
    }

    public String label() {
        if (dispatchedAt != null) return "police dispatched";
        return switch (response) {
            case ACTIVE -> "URN " + urn;
            case WITHDRAWN -> "URN " + urn + " withdrawn";
            case NONE -> "no URN";
        };
    }
}
