package org.vigil.arc.handling;

import java.time.Instant;
import java.util.Set;

/**
 * The account's running hold-up confirmation time (BS8243 5.4.1.2, 7.3.2): started by the first hold-up
 * signal, a second one from another device (or a multi-action device) before {@code expiresAt} confirms.
 */
public record HoldUpWindow(Instant startedAt, Instant expiresAt, Set<String> devices, String alarmId) implements java.io.Serializable {
  public HoldUpWindow {
    devices = Set.copyOf(devices);
  }
}
