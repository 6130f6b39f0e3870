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
 * {@link Input.PathChanged} (which reports them as ATS faults over the remaining path), and a signal
 * the ARC refused (DUH) as {@link Input.SignalGivenUp} (reported locally).
 */
public final class PanelTransmission implements AutoCloseable {
  private final PanelEngine engine;
  private final InstantSource clock;
  private final Transmitter transmitter;
  private PanelState state;
  private final java.util.Map<String, String> displays = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Effect.LogEntry> logEntries = new java.util.concurrent.CopyOnWriteArrayList<>();

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
      public void undeliverable(QueuedEvent event, String path, String reason) {
        listener.undeliverable(event, path, reason);
        // Reported locally through the engine: mandatory event-log entry and a keypad fault.
        try {
          input(GivenUpReport.input(event, path, reason));
        } catch (IOException e) {
          listener.log(path, "given-up signal could not be reported: " + e, "store");
        }
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
      switch (e) {
        case Effect.Notification n -> transmitter.submit(n);
        case Effect.KeypadDisplay d -> displays.put(d.keypad(), d.text());
        case Effect.LogEntry l -> {
          logEntries.add(l);
          if (logEntries.size() > 1000) logEntries.remove(0);
        }
        default -> {}
      }
    }
    return r.effects();
  }

  /** What a keypad shows now (the last display effect). */
  public java.util.Optional<String> display(String keypad) {
    return java.util.Optional.ofNullable(displays.get(keypad));
  }

  /** The engine's log entries (the last 1000). */
  public List<Effect.LogEntry> logEntries() {
    return List.copyOf(logEntries);
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
