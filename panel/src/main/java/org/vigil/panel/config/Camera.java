package org.vigil.panel.config;

import java.util.List;

/**
 * An imaging device for visual confirmation (BS 8243 5.3): which regions it views, which areas it is
 * assigned to, and where to fetch a snapshot (HTTP GET returning one image).
 *
 * @param covers named regions of the site plan the camera views (5.3.1 coverage check)
 * @param areas areas whose hold-up devices trigger an image capture from this camera (5.3.4)
 */
public record Camera(String id, String name, List<String> covers, String snapshotUrl, List<String> areas) {}
