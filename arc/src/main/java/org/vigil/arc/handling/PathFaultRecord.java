package org.vigil.arc.handling;

import java.time.Instant;

/** A transmission path fault seen in the current set period (DD243 4.3 evidence). */
public record PathFaultRecord(String pathId, Technology technology, Instant at, boolean restored, String source) implements java.io.Serializable {
  PathFaultRecord restore() {
    return new PathFaultRecord(pathId, technology, at, true, source);
  }
}
