package org.vigil.panel.config;

import java.util.List;

/**
 * A keypad (ACE) or the CIE's own keypad.
 *
 * @param inside mounted inside the supervised premises
 * @param publicView placement where the public could observe codes (6.4.1)
 */
public record Keypad(String id, String name, List<String> areas, boolean inside, boolean publicView, String busId) {}
