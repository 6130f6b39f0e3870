package org.vigil.panel.engine.transmission;

import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.Step;

/**
 * Transmission path state: a path going down or up is an ATS fault signal (sent over the remaining
 * path; at the ARC two such faults or a fault plus an alarm count as confirmed, DD243 4.3).
 */
public final class PathSupervision implements Feature {
  @Override
  public void on(Input input, Step step) {
    if (!(input instanceof Input.PathChanged(String id, boolean up))) return;
    TransmissionPath p = step.site().transmission().paths().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    if (p == null) {
      step.log("state of unknown transmission path '" + id + "' ignored", "config: undefined id", false);
      return;
    }
    Boolean was = step.state().paths().get(id);
    if (was != null && was == up) return;
    step.path(id, up);
    int cid = p.role() == TransmissionPath.Role.PRIMARY ? 351 : 352;
    step.notify(Codes.notification(Signal.ATS_FAULT, cid, null, 0, null, null, up, "EN50136-1 path supervision; DD243 4.3",
        "path " + id + " (" + p.technology() + ") " + (up ? "restored" : "failed")));
    step.log("transmission path " + id + (up ? " restored" : " failed"), "EN50136-1", true);
  }
}
