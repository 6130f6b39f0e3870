package org.vigil.arc.console.auth;

/** What an operator may do. Each role includes everything the one before it may do. */
public enum Role {
    /** Works the alarm queue and reads accounts. */
    OPERATOR,
    /** Also edits accounts, releases alarms held by others and reads the audit trail. */
    SUPERVISOR,
    /** Also manages operator users. */
    ADMINISTRATOR;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static java.util.Optional<Role> parse(String s) {
        if (s == null) return java.util.Optional.empty();
        for (Role r : values()) if (r.name().equalsIgnoreCase(s.trim())) return java.util.Optional.of(r);
        return java.util.Optional.empty();
    }
}
