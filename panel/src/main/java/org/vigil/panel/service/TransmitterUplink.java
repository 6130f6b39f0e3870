package org.vigil.panel.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.store.OutboundQueue;
import org.vigil.panel.transmit.GivenUpReport;
import org.vigil.panel.transmit.QueuedEvent;
import org.vigil.panel.transmit.TransmitSettings;
import org.vigil.panel.transmit.Transmitter;

/**
 * The DC-09 transmitter as the panel service's uplink: every signal is on disk in the outbound
 * queue when {@link #send} returns and is resent (also after a restart) until the ARC acknowledges
 * it. What the engine must hear goes to the attached consumer ({@link #attach}): path failures and
 * returns ({@code Input.PathChanged}, reported as ATS faults) and signals the ARC refused ({@code
 * Input.SignalGivenUp}, reported locally in the event log and on the keypads).
 */
public final class TransmitterUplink implements Uplink {
  private static final Logger LOG = LoggerFactory.getLogger(TransmitterUplink.class);
  private final Transmitter transmitter;
  private final Transmission tx;

  private final AtomicInteger givenUp;
  private final AtomicReference<String> lastGivenUp;

  private final Inbox inbox;

  private TransmitterUplink(Transmitter t, Transmission tx, AtomicInteger givenUp, AtomicReference<String> lastGivenUp, Inbox inbox) {
    this.inbox = inbox;
    this.transmitter = t;
    this.tx = tx;
    this.givenUp = givenUp;
    this.lastGivenUp = lastGivenUp;
  }

  /**
   * Starts the transmitter; only path changes reach the engine. Prefer {@link #start(Transmission,
   * Path, InstantSource, Consumer)}: with this form a signal the ARC refused is reported in the
   * service log and the installer view ({@link #describe()}) but not in the event log.
   */
  public static TransmitterUplink start(Transmission tx, Path queueFile, InstantSource clock, BiConsumer<String, Boolean> pathChanged) throws IOException {
    return start(tx, queueFile, clock, in -> {
      if (in instanceof Input.PathChanged(String path, boolean up)) pathChanged.accept(path, up);
    });
  }

  /**
   * Starts the transmitter. {@code toEngine} receives what the panel engine must hear: {@link
   * Input.PathChanged} when a path fails or returns (reported as ATS faults), {@link
   * Input.SignalGivenUp} when the ARC refused a signal (DUH; reported locally: mandatory event-log
   * entry and keypad fault). Hand them to {@code PanelService.submit}.
   */
  public static TransmitterUplink start(Transmission tx, Path queueFile, InstantSource clock, Consumer<Input> toEngine) throws IOException {
    TransmitterUplink u = start(tx, queueFile, clock, TransmitSettings.DEFAULT);
    u.attach(toEngine);
    return u;
  }

  /**
   * Starts the transmitter before the panel service exists (the service needs the uplink to
   * start): what the engine must hear is held until {@link #attach} (e.g. {@code
   * uplink.attach(panel::submit)} right after {@code PanelService.start}), so a path fault or a
   * refused signal in the first moments is not lost.
   */
  public static TransmitterUplink start(Transmission tx, Path queueFile, InstantSource clock, TransmitSettings settings) throws IOException {
    OutboundQueue queue = OutboundQueue.open(queueFile);
    Inbox toEngine = new Inbox();
    AtomicInteger givenUp = new AtomicInteger(queue.givenUp().size());
    AtomicReference<String> lastGivenUp = new AtomicReference<>();
    Transmitter t = Transmitter.start(tx, settings, queue, clock, new Transmitter.Listener() {
      @Override
      public void pathChanged(String path, boolean up, String reason) {
        LOG.info("path {} {}: {}", path, up ? "up" : "down", reason);
        toEngine.accept(new Input.PathChanged(path, up));
      }

      @Override
      public void delivered(QueuedEvent event, String path, Instant at) {
        LOG.debug("event {} acknowledged on {}", event.id(), path);
      }

      @Override
      public void undeliverable(QueuedEvent event, String path, String reason) {
        LOG.warn("event {} undeliverable: {}", event.id(), reason);
        givenUp.incrementAndGet();
        lastGivenUp.set(event.raisedAt() + " event " + event.id() + " (" + reason + ")");
        toEngine.accept(GivenUpReport.input(event, path, reason));
      }

      @Override
      public void log(String path, String message, String rule) {
        LOG.info("transmitter{}: {} [{}]", path == null ? "" : " " + path, message, rule);
      }
    });
    return new TransmitterUplink(t, tx, givenUp, lastGivenUp, toEngine);
  }

  /** Where the transmitter's engine inputs go; those raised before {@link #attach} wait here. */
  private static final class Inbox implements Consumer<Input> {
    private final java.util.List<Input> early = new java.util.ArrayList<>();
    private Consumer<Input> sink;

    @Override
    public synchronized void accept(Input in) {
      if (sink != null) sink.accept(in);
      else if (early.size() < 1000) early.add(in);
      else LOG.error("engine input dropped before the panel was attached: {}", in);
    }

    synchronized void attach(Consumer<Input> s) {
      sink = s;
      early.forEach(s);
      early.clear();
    }
  }

  /**
   * Sends the transmitter's engine inputs ({@link Input.PathChanged}, {@link Input.SignalGivenUp}) to
   * {@code toEngine}, first those held since the start.
   */
  public void attach(Consumer<Input> toEngine) {
    inbox.attach(toEngine);
  }

  @Override
  public void send(Effect.Notification n, Instant raisedAt) {
    try {
      transmitter.submit(n);
    } catch (IOException e) {
      // The queue is on the panel's own disk: if it fails the signal cannot be kept, say so loudly.
      LOG.error("signal {} could not be queued for the ARC: {}", n.signal(), e.toString());
    }
  }

  public Transmitter transmitter() {
    return transmitter;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("DC-09 to account " + tx.account() + " over");
    tx.paths().forEach(p -> {
      sb.append(' ').append(p.id()).append('=');
      for (int i = 0; i < p.destinations().size(); i++) {
        sb.append(i == 0 ? "" : ",").append(p.protocol().name().toLowerCase()).append("://").append(p.destinations().get(i));
      }
    });
    int pending = transmitter.pending().size();
    if (pending > 0) sb.append("; ").append(pending).append(" signal(s) waiting for the ARC");
    // A refused signal stays visible to the installer (the queue file keeps it).
    int n = givenUp.get();
    if (n > 0) {
      sb.append("; FAULT: ").append(n).append(" signal(s) refused by the ARC (DUH) and given up, kept in the outbound queue file");
      if (lastGivenUp.get() != null) sb.append(", last ").append(lastGivenUp.get());
    }
    return sb.toString();
  }

  @Override
  public void close() {
    transmitter.close();
  }
}
