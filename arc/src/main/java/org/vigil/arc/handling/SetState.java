package org.vigil.arc.handling;

/** Set (closed) state of the premises as the ARC knows it from open/close signals. */
public enum SetState {
  UNKNOWN,
  SET,
  UNSET
}
