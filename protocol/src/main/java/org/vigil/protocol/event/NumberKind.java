package org.vigil.protocol.event;

/** What the 3-digit number in a Contact ID event (or the number after a SIA code) identifies. */
public enum NumberKind {
  ZONE,
  USER,
  AREA,
  NONE
}
