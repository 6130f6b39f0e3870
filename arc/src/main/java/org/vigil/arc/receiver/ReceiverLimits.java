package org.vigil.arc.receiver;

import java.time.Duration;

/**
 * Limits that keep one misbehaving peer from hurting the others.
 *
 * @param idleTimeout a TCP connection that sends nothing for this long is closed (panels poll far
 *     more often; a half-open or silent connection otherwise holds a file descriptor forever)
 * @param maxConnections TCP connections accepted at once; more are closed at once
 * @param maxInFlightPerConnection frames read but not yet answered on one connection; beyond it the
 *     receiver stops reading that connection until answers catch up (back-pressure, not loss)
 * @param maxFramesPerSecondPerConnection frames one connection may send per second; beyond it reading
 *     pauses for the rest of the second
 * @param maxFrameBytes longest frame accepted from a stream (DC-09 maximum by default)
 */
public record ReceiverLimits(
    Duration idleTimeout,
    int maxConnections,
    int maxInFlightPerConnection,
    int maxFramesPerSecondPerConnection,
    int maxFrameBytes) {

  public static ReceiverLimits defaults() {
    return new ReceiverLimits(Duration.ofMinutes(5), 18_000, 256, 2_000,
        org.vigil.protocol.dc09.Dc09Codec.MAX_FRAME_BYTES);
  }
}
