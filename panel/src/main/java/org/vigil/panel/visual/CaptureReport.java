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

  public boolean complete() {
    return problems.isEmpty();
  }
}
