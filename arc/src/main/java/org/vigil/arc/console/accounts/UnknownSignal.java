package org.vigil.arc.console.accounts;

import java.time.Instant;

/** A frame received for an account the ARC does not know (acknowledged and kept, never dropped). */
public record UnknownSignal(String id, Instant receivedAt, String receiverPrefix, String accountId, String remote, String rawFrame) {}
