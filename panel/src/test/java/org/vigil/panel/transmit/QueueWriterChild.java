package org.vigil.panel.transmit;

import java.nio.file.Path;
import java.time.Instant;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.store.OutboundQueue;

/**
 * A panel process for {@link PanelKilledTest}: raises events into the queue as fast as it can and
 * prints each id once {@code enqueue} has returned (the event counts as raised), until it is killed.
 */
public final class QueueWriterChild {
  public static void main(String[] args) throws Exception {
    try (OutboundQueue q = OutboundQueue.open(Path.of(args[0]))) {
      for (int zone = 1; ; zone++) {
        var n = Codes.notification(Signal.INTRUDER, 130, "a1", 1, zone % 999, null, false, "test", "zone " + zone);
        OutboundQueue.Pending p = q.enqueue(Instant.now(), NotificationCodec.encode(n));
        System.out.println(p.id() + " " + p.sequence());
        System.out.flush();
      }
    }
  }
}
