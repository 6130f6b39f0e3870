package org.vigil.arc.console.web;

import java.util.Map;

/** A clear, typed refusal of a request; becomes a JSON error (API) or a message on the page (console). */
public final class ConsoleException extends RuntimeException {
    private final int status;
    private final Map<String, String> fields;

    public ConsoleException(int status, String message) {
        this(status, message, Map.of());
    }

    public ConsoleException(int status, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.fields = Map.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
