package org.vigil.arc.console.queue;

import java.time.Instant;

/**
 * Police response for the alarm's URN: {@code ACTIVE} (URN issued, response not withdrawn), {@code WITHDRAWN}
 * (too many false alarms, or the police's withdrawal recorded on the account), {@code NONE} (no URN: keyholder
 * response only), {@code NOT_FOR_DURESS} (a duress-only alarm on an account whose duress route is the ARC and the
 * keyholders). {@code dispatchedAt} once passed on. {@code status} is the handling engine's level for the URN
 * (LEVEL_1, WARNED, WITHDRAWAL_PENDING, WITHDRAWN, URN_DELETED, NO_URN), shown as the badge's detail.
 */
public record PoliceStatus(String urn, Response response, Instant dispatchedAt, String status) {
    public enum Response { ACTIVE, WITHDRAWN, NONE, NOT_FOR_DURESS }

    public PoliceStatus(String urn, Response response, Instant dispatchedAt) {
        this(urn, response, dispatchedAt, switch (response) {
            case ACTIVE, NOT_FOR_DURESS -> "LEVEL_1";
            case WITHDRAWN -> "WITHDRAWN";
            case NONE -> "NO_URN";
        });
    }

    public static PoliceStatus none() {
        return new PoliceStatus(null, Response.NONE, null);
    }

    public PoliceStatus dispatched(Instant at) {
        return new PoliceStatus(urn, response, at, status);
    }

    /** Whether the badge should stand out: police cannot be called, or response is at risk. */
    public boolean warning() {
        return dispatchedAt == null && (response == Response.WITHDRAWN || response == Response.NOT_FOR_DURESS
                || "WARNED".equals(status) || "WITHDRAWAL_PENDING".equals(status));
    }

    public String label() {
        if (dispatchedAt != null) return "police dispatched";
        return switch (response) {
            case ACTIVE -> "URN " + urn + switch (status == null ? "" : status) {
                case "WARNED" -> " (warned)";
                case "WITHDRAWAL_PENDING" -> " (withdrawal pending)";
                default -> "";
            };
            case WITHDRAWN -> "URN " + urn + ("URN_DELETED".equals(status) ? " deleted" : " withdrawn");
            case NONE -> "no URN";
            case NOT_FOR_DURESS -> "duress: ARC + keyholders, no police";
        };
    }
}
