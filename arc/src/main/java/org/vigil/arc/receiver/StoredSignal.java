package org.vigil.arc.receiver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A signal that is committed to the store, as published to alarm handling.
 *
 * @param signalId the store's id (stable; the console links to the evidence by it)
 * @param accountId the account's id
 * @param accountNumber the account number as the panel sent it (or as configured, for ARC signals)
 * @param origin PANEL for a received frame, ARC for a signal the receiver generated itself
 * @param receivedAt receiver time (for ARC signals: when the ARC detected the condition)
 * @param panelTime the frame's own timestamp, when it carried one
 * @param path the transmission path key ({@code R<rcvr>L<line>} or {@code ip:<address>})
 * @param technology the path's technology label from the account's supervision list, "" when unknown
 * @param events the decoded events; empty for a frame that carried none
 * @param imageLinks the values of the frame's {@code [V]} extended data blocks (links to images or
 *     audio for verification, research A.9), decoded as Windows-1252; empty when none
 */
public record StoredSignal(
    long signalId,
    long accountId,
    String accountNumber,
    Origin origin,
    Instant receivedAt,
    Optional<Instant> panelTime,
    String path,
    String technology,
    List<StoredEvent> events,
    List<String> imageLinks) {

  public enum Origin {
    PANEL,
    ARC
  }

  public StoredSignal {
    events = List.copyOf(events);
    imageLinks = imageLinks == null ? List.of() : List.copyOf(imageLinks);
  }

  public StoredSignal(long signalId, long accountId, String accountNumber, Origin origin, Instant receivedAt,
      Optional<Instant> panelTime, String path, String technology, List<StoredEvent> events) {
    this(signalId, accountId, accountNumber, origin, receivedAt, panelTime, path, technology, events, List.of());
  }
}
