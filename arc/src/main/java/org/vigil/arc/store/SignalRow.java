package org.vigil.arc.store;

import java.time.Instant;

/**
 * The stored evidence of one signal: raw bytes, decoded fields, both clocks, path and the response.
 *
 * @param origin PANEL for received frames, ARC for signals the receiver generated (path faults)
 * @param eventsJson the decoded events as a JSON array
 * @param xdata extended data blocks verbatim, newline separated
 * @param deviations undeclared quirks seen on this frame, comma separated ("" when none)
 * @param dedupKey retransmission key (null for ARC signals)
 */
public record SignalRow(
    long accountId,
    String origin,
    Instant receivedAt,
    Instant panelTime,
    String path,
    String connection,
    String token,
    boolean encrypted,
    String sequence,
    String receiver,
    String line,
    String accountNumber,
    String data,
    String xdata,
    String eventsJson,
    String deviations,
    byte[] raw,
    byte[] response,
    byte[] dedupKey) {}
