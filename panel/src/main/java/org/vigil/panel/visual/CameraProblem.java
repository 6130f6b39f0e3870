package org.vigil.panel.visual;

/** A camera that did not deliver one image of a capture, and why. Reported, never thrown. */
public record CameraProblem(String camera, int index, Kind kind, String detail) {
  public enum Kind {
    /** The camera id is not in the site, or has no snapshot URL. */
    UNKNOWN_CAMERA,
    /** Connection refused, host unknown, reset. */
    UNREACHABLE,
    /** No answer within the image timeout. */
    SLOW,
    /** Answered with an HTTP status other than 200. */
    HTTP_ERROR,
    /** Answered 200 but not with an image (content type not image/*, or empty). */
    NOT_AN_IMAGE
  }

  @Override
  public String toString() {
    return camera + " image " + index + ": " + kind.name().toLowerCase().replace('_', ' ') + " (" + detail + ")";
  }
}
