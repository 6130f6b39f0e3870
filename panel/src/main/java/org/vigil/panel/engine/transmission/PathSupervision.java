package org.vigil.panel.engine.transmission;

import java.util.Locale;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;

/**
 * Transmission path state: a path going down or up is an ATS fault signal (sent over the remaining
 * path; at the ARC two such faults or a fault plus an alarm count as confirmed, DD243 4.3).
 */
public final class PathSupervision implements Feature {

  /** The codes of a path fault by the path's technology (research B.2: CID 350-357, SIA LT/YC/NT). */
  public record FaultCode(int cid, String sia, String siaRestore) {}

  /**
   * Radio paths (cellular, 4G, LTE, GPRS, radio) report Contact ID 353 "long range radio transmitter
   * fault" (SIA YC/YK); telephone lines 351/352 "telco 1/2" (SIA LT/LR); IP paths 351/352 by role
   * (Contact ID has no IP code) with SIA NT/NR "network failure/restoral".
   */
  public static FaultCode faultCode(TransmissionPath p) {
    String t = p.technology() == null ? "" : p.technology().toLowerCase(Locale.ROOT);
    int telco = p.role() == TransmissionPath.Role.PRIMARY ? 351 : 352;
    if (t.matches(".*(cell|4g|5g|3g|2g|lte|gprs|gsm|radio|umts|nb-?iot).*")) return new FaultCode(353, "YC", "YK");
    if (t.matches(".*(pstn|telco|phone|dial|atm|isdn|line).*")) return new FaultCode(telco, "LT", "LR");
    return new FaultCode(telco, "NT", "NR");
  }

  /** Rule of the local report of a signal the ARC would not take. */
  public static final String RULE_GIVEN_UP = "DC-09 DUH: record, report locally, do not retry forever";

  /** What a keypad shows when a signal was given up. */
  public static final String GIVEN_UP_DISPLAY = "Fault: ARC refused a signal - call installer";

  @Override
  public void on(Input input, Step step) {
    if (input instanceof Input.SignalGivenUp g) {
      givenUp(g, step);
      return;
    }
    if (!(input instanceof Input.PathChanged(String id, boolean up))) return;
    TransmissionPath p = step.site().transmission().paths().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    if (p == null) {
      step.log("state of unknown transmission path '" + id + "' ignored", "config: undefined id", false);
      return;
    }
    Boolean was = step.state().paths().get(id);
    if (was != null && was == up) return;
    step.path(id, up);
    FaultCode code = faultCode(p);
    Effect.Notification n = Codes.notification(Signal.ATS_FAULT, code.cid(), null, 0, null, null, up, "EN50136-1 path supervision; DD243 4.3",
        "path " + id + " (" + p.technology() + ") " + (up ? "restored" : "failed"));
    step.notify(new Effect.Notification(n.signal(), n.area(), n.partition(), n.zone(), n.user(), n.restore(), n.cid(),
        up ? code.siaRestore() : code.sia(), n.rule(), n.text()));
    step.log("transmission path " + id + (up ? " restored" : " failed"), "EN50136-1", true);
  }

  /**
   * A signal the ARC's receivers refused (DUH) is never dropped silently: a mandatory log entry says
   * which signal and what became of it, and the keypads show a fault (not for duress: no trace on any
   * user-facing output).
   */
  private static void givenUp(Input.SignalGivenUp g, Step step) {
    step.log("signal to the ARC given up after " + g.reason() + ": " + g.what() + " (queue event " + g.event()
        + (g.path() == null ? "" : ", last path " + g.path()) + "); kept in the outbound queue file as undeliverable,"
        + " Contact ID 354 failure to communicate sent to the ARC", RULE_GIVEN_UP, !g.hidden());
    if (g.hidden()) return;
    for (Keypad k : step.site().keypads()) {
      if (!k.publicView()) step.display(k.id(), GIVEN_UP_DISPLAY);
    }
  }
}
