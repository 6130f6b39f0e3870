package org.vigil.arc.receiver;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pure supervision rule for one path (research A.12): every frame on the path restarts its
 * timer; a path silent for longer than its interval plus a grace period is faulted; the next frame
 * restores it. Time is an input: nothing here reads a clock.
 */
public final class PathSupervision {
  public static final String RULE_FAULT = "DC-09 link supervision (NULL polls, research A.12): no frame within interval + grace";
  public static final String RULE_RESTORE = "DC-09 link supervision (NULL polls, research A.12): frame received on a faulted path";

  private PathSupervision() {}

  /**
   * State of one supervised path.
   *
   * @param lastSeen last frame received on the path, null when never
   * @param deadline the instant at which silence becomes a fault
   */
  public record PathState(
      long accountId, String path, String technology, Duration interval, Duration grace,
      Instant lastSeen, Instant deadline, boolean faulted) {

    /** A path that is expected from {@code since} on (new account, or the ARC's own start). */
    public static PathState expected(long accountId, String path, String technology, Duration interval,
        Duration grace, Instant lastSeen, boolean faulted, Instant since) {
      Instant base = lastSeen == null || lastSeen.isBefore(since) ? since : lastSeen;
      return new PathState(accountId, path, technology, interval, grace, lastSeen, base.plus(interval).plus(grace), faulted);
    }
  }

  /** What supervision decided, with the rule that made it. */
  public sealed interface Change {
    PathState state();

    String rule();

    record Faulted(PathState state, Instant at, Duration silentFor, String rule) implements Change {}

    record Restored(PathState state, Instant at, String rule) implements Change {}
  }

  public record Step(PathState state, Optional<Change> change) {}

  /** A frame arrived on the path at {@code now}. */
  public static Step onFrame(PathState s, Instant now) {
    Instant last = s.lastSeen() == null || now.isAfter(s.lastSeen()) ? now : s.lastSeen();
    PathState next = new PathState(s.accountId(), s.path(), s.technology(), s.interval(), s.grace(), last,
        last.plus(s.interval()).plus(s.grace()), false);
    if (s.faulted()) return new Step(next, Optional.of(new Change.Restored(next, now, RULE_RESTORE)));
    return new Step(next, Optional.empty());
  }

  /** Time passed: fault the path when its deadline is reached. */
  public static Step onTick(PathState s, Instant now) {
    if (s.faulted() || now.isBefore(s.deadline())) return new Step(s, Optional.empty());
    PathState next = new PathState(s.accountId(), s.path(), s.technology(), s.interval(), s.grace(), s.lastSeen(),
        s.deadline(), true);
    Duration silent = s.lastSeen() == null ? s.interval().plus(s.grace()) : Duration.between(s.lastSeen(), now);
    return new Step(next, Optional.of(new Change.Faulted(next, now, silent, RULE_FAULT)));
  }

  /** The account's interval or grace changed: keep what was seen, recompute the deadline. */
  public static PathState reconfigure(PathState s, String technology, Duration interval, Duration grace, Instant now) {
    Instant base = s.lastSeen() == null ? now : s.lastSeen();
    return new PathState(s.accountId(), s.path(), technology, interval, grace, s.lastSeen(),
        base.plus(interval).plus(grace), s.faulted());
  }
}
