package org.vigil.arc.account;

import java.util.Objects;

/**
 * One supervised transmission path of an account.
 *
 * @param path the path key as the receiver derives it from a frame: {@code R<rcvr>L<line>} with
 *     normalised hex (e.g. {@code R1L1}, {@code L7}), {@code ip:<address>} when the frame carries
 *     neither R nor L, or {@code *} for "every path this account uses"
 * @param intervalSeconds the panel's poll interval on this path; a fault is raised after interval +
 *     the account's grace period without any frame on the path
 * @param technology free label (ethernet, cellular, ...) passed on to alarm handling (DD243 4.3 needs
 *     to know whether two faulted paths use different technologies)
 */
public record SupervisedPath(String path, int intervalSeconds, String technology) {
  public SupervisedPath {
    Objects.requireNonNull(path, "path");
    technology = technology == null ? "" : technology;
  }

  public boolean matchesAny() {
    return "*".equals(path);
  }
}
