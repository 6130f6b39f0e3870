package org.vigil.arc.console.queue;

import java.util.Optional;

/** Why an alarm was closed. Counted against the URN's false-alarm record when {@code falseAlarm}. */
public enum CloseCause {
    GENUINE_INTRUSION("genuine: criminal attack or attempt", false),
    GENUINE_HOLD_UP("genuine: hold-up", false),
    FALSE_USER_ERROR("false alarm: user error", true),
    FALSE_EQUIPMENT("false alarm: equipment fault", true),
    FALSE_ENVIRONMENT("false alarm: environmental", true),
    CANCELLED_AUTHORISED("cancelled by authorised user", false),
    TEST("test signal", false),
    CAUSE_UNKNOWN("cause unknown", true);

    public final String label;
    public final boolean falseAlarm;

    CloseCause(String label, boolean falseAlarm) {
        this.label = label;
        this.falseAlarm = falseAlarm;
    }

    public static Optional<CloseCause> parse(String s) {
        if (s == null) return Optional.empty();
        for (CloseCause c : values()) if (c.name().equalsIgnoreCase(s.trim())) return Optional.of(c);
        return Optional.empty();
    }
}
