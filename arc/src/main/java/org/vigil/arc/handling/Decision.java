package org.vigil.arc.handling;

import java.time.Instant;

/** One explained decision: what was decided, when, and the rule that made it. */
public record Decision(Instant at, String alarmId, String rule, String text) implements java.io.Serializable {}
