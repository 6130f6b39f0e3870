package org.vigil.panel.config;

import java.util.List;

/**
 * An audio listening device (ALD) for audio confirmation (BS 8243 5.2.2).
 *
 * @param covers named regions of the site plan within its expected range
 */
public record AudioDevice(String id, String name, String area, List<String> covers) {}
