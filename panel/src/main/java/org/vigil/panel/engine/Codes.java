package org.vigil.panel.engine;

import org.vigil.panel.config.Detector;
import org.vigil.panel.config.DetectorRole;
import org.vigil.protocol.event.EventCatalogue;
import org.vigil.protocol.event.EventCode;

/**
 * Builds ARC notifications with their Contact ID and SIA codes from the one event catalogue
 * ({@link EventCatalogue}).
 */
public final class Codes {
  private Codes() {}

  /** The Contact ID code for an intruder alarm from this detector (entry/exit 134, interior 132, 24 h 133). */
  public static int intruderCode(Detector d) {
    if (d == null) return 130;
    return switch (d.role()) {
      case FINAL_EXIT, ENTRY_ROUTE -> 134;
      case INTERIOR -> 132;
      case H24 -> 133;
      default -> 130;
    };
  }

  public static Effect.Notification notification(
      Signal signal, int cid, String area, int partition, Integer zone, Integer user, boolean restore, String rule, String text) {
    EventCode code = EventCatalogue.byContactId(cid).orElse(null);
    String sia = null;
    if (code != null) {
      sia = restore ? code.siaRestore() : code.siaEvent();
      // Open/close rows: the event form is the opening, the restore form the closing.
      if (signal == Signal.CLOSE) sia = code.siaRestore();
      if (signal == Signal.OPEN) sia = code.siaEvent();
    }
    boolean qualifier3 = restore || signal == Signal.CLOSE;
    return new Effect.Notification(signal, area, partition, zone, user, qualifier3, code == null ? null : cid, sia, rule, text);
  }

  public static Effect.Notification notification(Signal signal, String area, int partition, Integer zone, Integer user, boolean restore, String rule, String text) {
    return notification(signal, signal.contactId(), area, partition, zone, user, restore, rule, text);
  }

  static boolean entryRole(DetectorRole r) {
    return r == DetectorRole.FINAL_EXIT || r == DetectorRole.ENTRY_ROUTE;
  }
}
