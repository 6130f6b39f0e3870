package org.vigil.arc.handling;

/** Bearer technology of a transmission path; DD243 4.3(b) needs two different ones. */
public enum Technology {
  PSTN,
  IP,
  CELLULAR,
  RADIO,
  OTHER
}
