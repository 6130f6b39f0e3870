package org.vigil.arc.receiver;

import java.util.List;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.event.SignalEvents;

/** Turns a decoded frame into the events alarm handling sees (decoding is the protocol module's). */
final class SignalEventMapping {
  private SignalEventMapping() {}

  static List<StoredEvent> events(Dc09Frame f) {
    return SignalEvents.of(f).stream().map(StoredEvent::of).toList();
  }
}
