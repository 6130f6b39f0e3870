package org.vigil.panel.config;

import java.util.List;

/**
 * A digital key reader (3.1.15): card/tag reader, optionally with a PIN pad, optionally at a door.
 *
 * @param door detector id of the door contact of the door it controls, or null
 * @param lockOutput output id of the door lock it releases, or null
 * @param pinPad whether it accepts card + PIN
 */
public record Reader(String id, String name, List<String> areas, boolean inside, String door, String lockOutput, boolean pinPad, String busId) {}
