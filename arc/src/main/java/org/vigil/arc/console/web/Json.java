package org.vigil.arc.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The console's own JSON mapping, so it does not depend on how the host Javalin is configured. */
public final class Json {
    public static final int MAX_BODY = 64 * 1024;
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Parses a request body that must be a JSON object; a clear 400 otherwise. */
    public static JsonNode object(String body) {
        if (body == null || body.isBlank()) throw new ConsoleException(400, "Request body must be a JSON object; it was empty.");
        if (body.length() > MAX_BODY) throw new ConsoleException(413, "Request body is larger than " + MAX_BODY + " bytes.");
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConsoleException(400, "Malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new ConsoleException(400, "Request body must be a JSON object.");
        return n;
    }

    /** Optional string field with a length limit; a non-string is a 400 naming the field. */
    public static String text(JsonNode obj, String field, int max, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new ConsoleException(400, "Field '" + field + "' is required.", Map.of(field, "required"));
            return null;
        }
        if (!v.isTextual()) throw new ConsoleException(400, "Field '" + field + "' must be a string.", Map.of(field, "must be a string"));
        String s = v.asText();
        if (s.length() > max) throw new ConsoleException(400, "Field '" + field + "' is longer than " + max + " characters.",
                Map.of(field, "at most " + max + " characters"));
        if (required && s.isBlank()) throw new ConsoleException(400, "Field '" + field + "' is required.", Map.of(field, "required"));
        return s;
    }

    public static Long longValue(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.canConvertToLong() || !v.isIntegralNumber()) throw new ConsoleException(400, "Field '" + field + "' must be an integer.", Map.of(field, "must be an integer"));
        return v.asLong();
    }

    public static boolean bool(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw new ConsoleException(400, "Field '" + field + "' must be true or false.", Map.of(field, "must be a boolean"));
        return v.asBoolean();
    }

    /** Rejects fields the endpoint does not know, so a typo is not silently ignored. */
    public static void onlyFields(JsonNode obj, String... allowed) {
        List<String> known = List.of(allowed);
        List<String> unknown = new ArrayList<>();
        obj.fieldNames().forEachRemaining(f -> { if (!known.contains(f)) unknown.add(f); });
        if (!unknown.isEmpty()) throw new ConsoleException(400, "Unknown field(s) " + unknown + "; allowed: " + known + ".");
    }
}
