package org.vigil.panel.config;

import java.util.List;

/** A part-set mode of an area: its name (the keypad command letter, e.g. B) and the detectors it omits. */
public record PartSet(String name, List<String> omit, boolean confirmsToArc) {}
