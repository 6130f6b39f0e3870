package org.vigil.panel.engine;

/** Status of an area. */
public enum AreaStatus {
  UNSET,
  /** Setting initiated, waiting for completion (BS 8243 6.3 two-stage setting). */
  SETTING,
  SET,
  PART_SET,
  /** Entry procedure running (entry timer). */
  ENTRY
}
