package org.vigil.panel.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.service.Uplink;

/** Keeps every signal the panel sends. */
public final class RecordingUplink implements Uplink {
  public final List<Effect.Notification> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(Effect.Notification n, Instant raisedAt) {
    sent.add(n);
  }
}
