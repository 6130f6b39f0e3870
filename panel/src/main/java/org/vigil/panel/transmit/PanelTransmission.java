package org.vigil.panel.transmit;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.StepResult;
import org.vigil.panel.store.OutboundQueue;

/**
 * The panel engine wired to the transmitter, for a real-time service ({@code vigil panel}) and the
 * loopback measurements: every notification of an engine step is durably queued before {@link
 * #input} returns, and the transmitter's path failures and returns are fed back to the engine as
 * {@link Input.PathChanged} (which reports them as ATS faults over the remaining path).
 */
public final class PanelTransmission implements AutoCloseable {
  private final PanelEngine engine;
  private final InstantSource clock;
  private final Transmitter transmitter;
  private PanelState state;

  private PanelTransmission(SiteConfig site, OutboundQueue queue, TransmitSettings settings, InstantSource clock, Transmitter.Listener listener)
      throws IOException {
    this.engine = new PanelEngine(site);
    this.clock = clock;
    this.state = engine.initial(clock.instant());
    Transmitter.Listener both = new Transmitter.Listener() {
      @Override
      public void pathChanged(String path, boolean up, String reason) {
        listener.pathChanged(path, up, reason);
        try {
          input(new Input.PathChanged(path, up));
        } catch (IOException e) {
          listener.log(path, "path change could not be queued: " + e, "store");
        }
      }

      @Override
      public void delivered(QueuedEvent event, String path, Instant at) {
        listener.delivered(event, path, at);
      }

      @Override
      public void undeliverable(QueuedEvent event, String reason) {
        listener.undeliverable(event, reason);
      }

      @Override
      public void log(String path, String message, String rule) {
        listener.log(path, message, rule);
      }
    };
    this.transmitter = Transmitter.start(site.transmission(), settings, queue, clock, both);
  }

  public static PanelTransmission start(SiteConfig site, OutboundQueue queue, TransmitSettings settings, InstantSource clock, Transmitter.Listener listener)
      throws IOException {
    return new PanelTransmission(site, queue, settings, clock, listener);
  }

  /** Steps the engine; its notifications are on disk, in order, when this returns. */
  public synchronized List<Effect> input(Input in) throws IOException {
    Instant now = clock.instant();
    if (now.isBefore(state.now())) now = state.now();
    StepResult r = engine.step(state, in, now);
    state = r.state();
    for (Effect e : r.effects()) {
      if (e instanceof Effect.Notification n) transmitter.submit(n);
    }
    return r.effects();
  }

  public synchronized PanelState state() {
    return state;
  }

  public Transmitter transmitter() {
    return transmitter;
  }

  @Override
  public void close() {
    transmitter.close();
  }
}
