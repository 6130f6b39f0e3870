package org.vigil.arc.images;

import java.util.List;

/**
 * What fetching one [V] link brought: the images and every problem met.
 *
 * @param attempts HTTP requests made (retries included)
 */
public record FetchOutcome(String link, Status status, List<FetchedImage> images, List<FetchProblem> problems, int attempts) {
  public enum Status {
    /** At least the expected number of images and no problem. */
    COMPLETE,
    /** Some images, but fewer than expected or with problems: the operator is told. */
    INCOMPLETE,
    /** No image at all. */
    FAILED,
    /** The [V] value is not a fetchable link; nothing was fetched. */
    MALFORMED
  }

  public FetchOutcome {
    images = List.copyOf(images);
    problems = List.copyOf(problems);
  }

  /** One line for the operator and the log. */
  public String summary() {
    String head = images.size() + " image(s) from " + link;
    if (problems.isEmpty()) return head;
    return head + "; " + String.join("; ", problems.stream().limit(4).map(FetchProblem::toString).toList()) + (problems.size() > 4 ? "; ..." : "");
  }
}
