package org.vigil.panel.visual;

import java.net.URI;
import java.util.List;
import org.vigil.protocol.dc09.ExtendedData;

/**
 * The outcome of one capture: the images stored, the cameras that failed, and where the ARC can
 * fetch the images.
 *
 * @param link the capture's index page (lists the image files), or null when no image arrived
 */
public record CaptureReport(String reference, List<StoredImage> images, List<CameraProblem> problems, URI link) {
  /** The DC-09 extended data block {@code [V<link>]} for the ARC (research A.9), or null. */
  public ExtendedData verification() {
    return link == null ? null : new ExtendedData('V', link.toString());
  }

  /** The engine input that records this report in the event log. */
  public org.vigil.panel.engine.Input.ImagesCaptured toInput(String device) {
    return new org.vigil.panel.engine.Input.ImagesCaptured(reference, device, images.size(), problems.stream().map(CameraProblem::toString).toList(), link == null ? null : link.toString());
  }

  public boolean complete() {
    return problems.isEmpty();
  }
}
