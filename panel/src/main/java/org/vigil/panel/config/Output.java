package org.vigil.panel.config;

import java.time.Duration;
import java.util.List;

/** An output. {@code duration} limits warning devices (null: the site's bell duration). */
public record Output(String id, String name, OutputType type, List<String> areas, Duration duration, String busId) {}
