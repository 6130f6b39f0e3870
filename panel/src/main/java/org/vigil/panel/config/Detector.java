package org.vigil.panel.config;

import java.util.List;

/**
 * A detector zone.
 *
 * @param zone zone number reported to the ARC (1-999)
 * @param coverage named regions of the site plan this detector covers; two detectors overlap when
 *     they share a region or one lists the other in {@code overlaps}
 * @param overlaps ids of detectors known to overlap with this one
 * @param position mounting position (for movement-detector spacing, DD243 5.4.2), or null
 * @param busId address on the detection bus, or null for a hard-wired zone
 */
public record Detector(
    String id,
    int zone,
    String area,
    String name,
    DetectorRole role,
    Technology technology,
    List<String> coverage,
    List<String> overlaps,
    Position position,
    String busId,
    int grade) {}
