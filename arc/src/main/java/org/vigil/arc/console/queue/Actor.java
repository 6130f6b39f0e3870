package org.vigil.arc.console.queue;

import org.vigil.arc.console.auth.Role;

/** Who acts on an alarm. */
public record Actor(String username, Role role) {}
