package org.vigil.panel.service;

import java.time.Instant;
import org.vigil.panel.engine.Effect;

/**
 * Where the panel service hands signals for the ARC. The DC-09 transmitter ({@code
 * org.vigil.panel.transmit.Transmitter}) is the real one; {@link #NONE} is for a panel without
 * signalling. {@link #send} must not block for long: the engine waits.
 */
public interface Uplink extends AutoCloseable {
  Uplink NONE = new Uplink() {
    @Override
    public void send(Effect.Notification n, Instant raisedAt) {}

    @Override
    public String describe() {
      return "no signalling";
    }
  };

  void send(Effect.Notification n, Instant raisedAt);

  default String describe() {
    return getClass().getSimpleName();
  }

  @Override
  default void close() {}
}
