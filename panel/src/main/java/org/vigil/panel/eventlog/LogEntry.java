package org.vigil.panel.eventlog;

import java.time.Instant;

/**
 * One entry of the panel's event log.
 *
 * @param seq position in the log, from 1, never reused
 * @param at when it happened (panel time)
 * @param eventClass mandatory (EN 50131) or routine
 * @param userVisible false for installer-only entries (access level 3)
 * @param message what happened, in words; never a code
 * @param rule the rule that made the decision, or "" for plain facts
 * @param prev hash of the previous entry ("" for the first one)
 * @param hash SHA-256 over this entry's fields and {@code prev}
 */
public record LogEntry(long seq, Instant at, EventClass eventClass, boolean userVisible, String message, String rule, String prev, String hash) {}
