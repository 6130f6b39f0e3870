package org.vigil.arc.console.audit;

import java.time.Instant;

/**
 * One line of evidence: who did what, when, on which alarm or account, and whether it was done or refused (with
 * the reason). Never contains a password or code.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String alarmId, String accountId,
                         Outcome outcome, String detail) {
    public enum Outcome { DONE, REFUSED }
}
