package org.vigil.arc.console.queue;

import java.util.Optional;

/**
 * Why an alarm was closed; the same names as the ARC II engine's {@code org.vigil.arc.handling.CloseCause}.
 * False causes count against the URN (BS 8473). {@code FALSE_ALERT} is set by filtering, never chosen.
 */
public enum CloseCause {
    GENUINE("genuine: criminal attack, attempt or hold-up", true),
    FALSE_USER_ERROR("false alarm: user error", true),
    FALSE_EQUIPMENT("false alarm: equipment fault", true),
    FALSE_ENVIRONMENT("false alarm: environmental", true),
    FALSE_UNKNOWN("false alarm: cause unknown", true),
    FALSE_ALERT("false alert (cancelled during filtering)", false),
    TEST("engineer test or known works", true),
    TECHNICAL_RESOLVED("technical alarm resolved", true);

    public final String label;
    /** Whether an operator may choose it. */
    public final boolean selectable;

    CloseCause(String label, boolean selectable) {
        this.label = label;
        this.selectable = selectable;
    }

    public static Optional<CloseCause> parse(String s) {
        if (s == null) return Optional.empty();
        for (CloseCause c : values()) if (c.selectable && c.name().equalsIgnoreCase(s.trim())) return Optional.of(c);
        return Optional.empty();
    }
}
