package org.vigil.protocol.dc09;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The accepted difference between a frame's timestamp and the receiver's clock (research A.7):
 * default up to 20 s in the future and 40 s in the past, the figures every implementation uses.
 */
public record TimestampWindow(Duration maxAhead, Duration maxBehind) {

  public static final TimestampWindow DEFAULT =
      new TimestampWindow(Duration.ofSeconds(20), Duration.ofSeconds(40));

  public TimestampWindow {
    Objects.requireNonNull(maxAhead, "maxAhead");
    Objects.requireNonNull(maxBehind, "maxBehind");
    if (maxAhead.isNegative() || maxBehind.isNegative()) {
      throw new IllegalArgumentException("window bounds must not be negative");
    }
  }

  /** Frame time minus receiver time, reading the frame time as UTC (positive = frame ahead). */
  public static Duration skew(LocalDateTime frameTime, Instant now) {
    return Duration.between(now, frameTime.toInstant(ZoneOffset.UTC));
  }

  public boolean accepts(LocalDateTime frameTime, Instant now) {
    Duration skew = skew(frameTime, now);
    return skew.compareTo(maxAhead) <= 0 && skew.negated().compareTo(maxBehind) <= 0;
  }

  /**
   * Checks a decoded frame: empty when it passes (frames without a timestamp pass: only encrypted
   * frames must carry one, and the decoder already enforces that), else TIMESTAMP_OUT_OF_WINDOW
   * with the skew.
   */
  public Optional<Dc09Error> check(Dc09Frame frame, Instant now) {
    if (frame.timestamp().isEmpty()) return Optional.empty();
    LocalDateTime t = frame.timestamp().get();
    if (accepts(t, now)) return Optional.empty();
    Duration skew = skew(t, now);
    Dc09Header h = new Dc09Header(
        (frame.encrypted() ? "*" : "") + frame.id().token(), frame.id(), frame.encrypted(),
        frame.sequence(), frame.receiver(), frame.line(), frame.accountMarker(), frame.account(),
        frame.crcForm());
    return Optional.of(new Dc09Error(Dc09Error.Kind.TIMESTAMP_OUT_OF_WINDOW,
        "frame time " + Dc09Timestamp.format(t) + " is " + describe(skew) + " receiver time "
            + "(window +" + maxAhead.toSeconds() + " s / -" + maxBehind.toSeconds() + " s)",
        -1, skew, h));
  }

  private static String describe(Duration skew) {
    long s = skew.toSeconds();
    return s >= 0 ? s + " s ahead of" : (-s) + " s behind";
  }
}
