package org.vigil.panel.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.store.OutboundQueue;
import org.vigil.panel.transmit.QueuedEvent;
import org.vigil.panel.transmit.TransmitSettings;
import org.vigil.panel.transmit.Transmitter;

/**
 * The DC-09 transmitter as the panel service's uplink: every signal is on disk in the outbound
 * queue when {@link #send} returns and is resent (also after a restart) until the ARC acknowledges
 * it. Path failures and returns are passed to {@code pathChanged} (the service feeds them to the
 * engine as {@code Input.PathChanged}).
 */
public final class TransmitterUplink implements Uplink {
  private static final Logger LOG = LoggerFactory.getLogger(TransmitterUplink.class);
  private final Transmitter transmitter;
  private final Transmission tx;

  private TransmitterUplink(Transmitter t, Transmission tx) {
    this.transmitter = t;
    this.tx = tx;
  }

  public static TransmitterUplink start(Transmission tx, Path queueFile, InstantSource clock, BiConsumer<String, Boolean> pathChanged) throws IOException {
    OutboundQueue queue = OutboundQueue.open(queueFile);
    Transmitter t = Transmitter.start(tx, TransmitSettings.DEFAULT, queue, clock, new Transmitter.Listener() {
      @Override
      public void pathChanged(String path, boolean up, String reason) {
        LOG.info("path {} {}: {}", path, up ? "up" : "down", reason);
        pathChanged.accept(path, up);
      }

      @Override
      public void delivered(QueuedEvent event, String path, Instant at) {
        LOG.debug("event {} acknowledged on {}", event.id(), path);
      }

      @Override
      public void undeliverable(QueuedEvent event, String reason) {
        LOG.warn("event {} undeliverable: {}", event.id(), reason);
      }

      @Override
      public void log(String path, String message, String rule) {
        LOG.info("transmitter{}: {} [{}]", path == null ? "" : " " + path, message, rule);
      }
    });
    return new TransmitterUplink(t, tx);
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
    return sb.toString();
  }

  @Override
  public void close() {
    transmitter.close();
  }
}
