package org.vigil.panel.transmit;

import java.time.Duration;

/**
 * Protocol timing of the transmitter (site-independent defaults; the ATS category sets the poll
 * interval and failure time per path in the site file).
 *
 * @param ackTimeout how long to wait for an ACK before retransmitting with the same sequence
 * @param attemptsPerPath attempts of one event on a path before failing over to the next path
 * @param retryDelay pause on a path after a failed attempt (connection refused, closed, garbage),
 *     so a dead receiver is not hammered
 * @param downPollInterval NULL poll interval on a failed path, to notice its return promptly
 * @param restoreAcks consecutive ACKs needed before a failed path is declared restored (damps a
 *     flapping path)
 * @param maxDuh DUH answers to one event before it is given up (recorded, reported locally)
 * @param connectTimeout TCP connect timeout of the shell
 */
public record TransmitSettings(
    Duration ackTimeout,
    int attemptsPerPath,
    Duration retryDelay,
    Duration downPollInterval,
    int restoreAcks,
    int maxDuh,
    Duration connectTimeout) {

  public static final TransmitSettings DEFAULT =
      new TransmitSettings(Duration.ofSeconds(10), 2, Duration.ofSeconds(2), Duration.ofSeconds(30), 2, 2, Duration.ofSeconds(5));

  public TransmitSettings {
    if (attemptsPerPath < 1 || restoreAcks < 1 || maxDuh < 1) throw new IllegalArgumentException("counts must be >= 1");
  }

  public TransmitSettings withAckTimeout(Duration d) {
    return new TransmitSettings(d, attemptsPerPath, retryDelay, downPollInterval, restoreAcks, maxDuh, connectTimeout);
  }

  public TransmitSettings withRetryDelay(Duration d) {
    return new TransmitSettings(ackTimeout, attemptsPerPath, d, downPollInterval, restoreAcks, maxDuh, connectTimeout);
  }

  public TransmitSettings withDownPollInterval(Duration d) {
    return new TransmitSettings(ackTimeout, attemptsPerPath, retryDelay, d, restoreAcks, maxDuh, connectTimeout);
  }
}
