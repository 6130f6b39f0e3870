package org.vigil.protocol.dc09;

/**
 * The clear-text part of a frame as far as it could be read: enough to look up a key, to echo the
 * addressing in a DUH, or to tell an engineer which panel sent a rejected frame. Fields that could
 * not be read are null.
 *
 * @param idToken the token between the quotes as received, including a leading {@code *}; null
 *     when the frame was rejected before the token was read (CRC, length)
 * @param id the known id, or null when the token is unknown
 */
public record Dc09Header(
    String idToken,
    Dc09Id id,
    boolean encrypted,
    String sequence,
    String receiver,
    String line,
    char accountMarker,
    String account,
    CrcForm crcForm) {}
