package org.vigil.arc.images;

/** Something that kept an image from the operator; shown on the alarm, never thrown. */
public record FetchProblem(Kind kind, String detail) {
  public enum Kind {
    /** The [V] value is not a link the ARC fetches. */
    MALFORMED_LINK,
    /** Connection refused, reset, host unknown. */
    UNREACHABLE,
    /** No complete answer in time. */
    TIMEOUT,
    /** An HTTP status other than 200 (after the retries). */
    HTTP_ERROR,
    /** The answer is not an image (content type or content). */
    NOT_AN_IMAGE,
    /** The answer is larger than the cap. */
    TOO_LARGE,
    /** The link lists more images than the ARC keeps for one signal. */
    TOO_MANY,
    /** Fewer images than BS 8243 5.3.1 asks (three per HUA). */
    TOO_FEW
  }

  /** Worth asking again: the panel may still be capturing, or the network may come back. */
  public boolean retryable() {
    return kind == Kind.UNREACHABLE || kind == Kind.TIMEOUT || kind == Kind.HTTP_ERROR;
  }

  /** The same problem noting how many requests were made. */
  public FetchProblem after(int attempts) {
    return attempts <= 1 || !retryable() ? this : new FetchProblem(kind, detail + " (" + attempts + " attempts)");
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
  }
}
