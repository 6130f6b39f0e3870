package org.vigil.arc.handling;

/** The alarm filtering delay of BS8243 7.5.3 for one alarm. */
public enum FilterState {
  /** Never filtered (hold-up, technical). */
  NONE,
  RUNNING,
  EXPIRED,
  /** Stopped early: a hold-up joined, or the four override conditions held. */
  CANCELLED,
  /** Not applied from the start because the four override conditions held. */
  NOT_APPLIED
}
