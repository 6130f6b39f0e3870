package org.vigil.panel.transmit;

import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;

/**
 * Turns a signal the transmitter gave up (the ARC answered DUH) into the engine input that reports
 * it locally: a mandatory event-log entry and a keypad fault ({@code PathSupervision}). A duress
 * signal is reported at installer level only (no trace on a user-facing output).
 */
public final class GivenUpReport {
  private GivenUpReport() {}

  public static Input.SignalGivenUp input(QueuedEvent e, String path, String reason) {
    Effect.Notification n = e.notification();
    return new Input.SignalGivenUp(path, e.id(), describe(n, e), reason, n.signal() == Signal.DURESS);
  }

  /** The signal as an installer reads it: kind, area, zone or user, Contact ID / SIA code, when raised. */
  static String describe(Effect.Notification n, QueuedEvent e) {
    StringBuilder b = new StringBuilder(n.signal().name().toLowerCase().replace('_', ' '));
    if (n.restore()) b.append(" restore");
    if (n.area() != null) b.append(" area ").append(n.area());
    if (n.zone() != null) b.append(" zone ").append(n.zone());
    if (n.user() != null) b.append(" user ").append(n.user());
    if (n.cid() != null) b.append(", Contact ID ").append(n.cid());
    if (n.sia() != null) b.append(", SIA ").append(n.sia());
    b.append(", sequence ").append(String.format("%04d", e.sequence())).append(", raised ").append(e.raisedAt());
    return b.toString();
  }
}
