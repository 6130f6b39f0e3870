package org.vigil.arc.console.queue;

import java.util.Optional;

/** Result of the call-back to the premises (BS 8243 7.4). */
public enum CallbackOutcome {
    SPOKE_CORRECT_PASSWORD("spoke to user, correct password"),
    SPOKE_WRONG_PASSWORD("spoke to user, wrong or no password"),
    NO_ANSWER("no answer"),
    LINE_BUSY("line busy"),
    VOICEMAIL("voicemail, message left");

    public final String label;

    CallbackOutcome(String label) {
        this.label = label;
    }

    public static Optional<CallbackOutcome> parse(String s) {
        if (s == null) return Optional.empty();
        for (CallbackOutcome c : values()) if (c.name().equalsIgnoreCase(s.trim())) return Optional.of(c);
        return Optional.empty();
    }
}
