package org.vigil.app.loadgen;

/** How the simulated panels carry DC-09. */
public enum Mode {
  /** One TCP connection per panel, kept open (the usual IP panel). */
  TCP,
  /** A new TCP connection for every message, closed after its answer (panels that dial per event). */
  TCP_PER_MESSAGE,
  /** One datagram per message, answered by one datagram. */
  UDP
}
