package org.vigil.arc.console.queue;

import java.util.Optional;

/** Result of the call-back to the premises (BS8243 7.4); {@link #engineName} is the ARC II engine's outcome. */
public enum CallbackOutcome {
    SPOKE_CORRECT_PASSWORD("spoke to user, correct code word, all well", "FALSE"),
    SPOKE_WRONG_PASSWORD("spoke to user, wrong or duress code word", "WRONG_CODE_WORD"),
    GENUINE_DISTRESS("caller confirms genuine hold-up or sounds distressed", "GENUINE"),
    NO_ANSWER("no answer", "NO_ANSWER"),
    LINE_BUSY("line busy", "NO_ANSWER"),
    VOICEMAIL("voicemail, message left", "NO_ANSWER");

    public final String label;
    public final String engineName;

    CallbackOutcome(String label, String engineName) {
        this.label = label;
        this.engineName = engineName;
    }

    public static Optional<CallbackOutcome> parse(String s) {
        if (s == null) return Optional.empty();
        for (CallbackOutcome c : values()) if (c.name().equalsIgnoreCase(s.trim())) return Optional.of(c);
        return Optional.empty();
    }
}
