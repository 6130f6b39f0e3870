package org.vigil.panel.transmit;

import java.time.Instant;
import org.vigil.panel.engine.Effect;

/**
 * A notification in the outbound queue.
 *
 * @param id queue number, increasing in the order raised
 * @param sequence DC-09 sequence number (0001-9999), kept for every retransmission
 */
public record QueuedEvent(long id, int sequence, Instant raisedAt, Effect.Notification notification) {}
