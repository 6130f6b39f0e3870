package org.vigil.panel.config;

import java.util.List;

/** An imaging device for visual confirmation (BS 8243 5.3): which regions it views, where to fetch images. */
public record Camera(String id, String name, List<String> covers, String snapshotUrl) {}
