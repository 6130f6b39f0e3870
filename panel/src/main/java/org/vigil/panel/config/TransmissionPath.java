package org.vigil.panel.config;

import java.time.Duration;

/**
 * One alarm transmission path (EN 50136-1).
 *
 * @param role primary or secondary
 * @param technology label such as ethernet, 4g, pstn (DD243 4.3 b: two paths of different
 *     technologies)
 * @param format SIA-DCS or ADM-CID inside DC-09
 * @param key AES key, or null for no encryption
 * @param keyForm hex or ascii
 * @param pollInterval supervision poll interval
 * @param failureTime time without poll acknowledgement after which the path is declared failed
 */
public record TransmissionPath(
    String id,
    Role role,
    String technology,
    String host,
    int port,
    Protocol protocol,
    Format format,
    String account,
    String receiver,
    String line,
    String key,
    KeyForm keyForm,
    Duration pollInterval,
    Duration failureTime) {

  public enum Role { PRIMARY, SECONDARY }

  public enum Protocol { TCP, UDP }

  public enum Format { SIA_DCS, ADM_CID }

  public enum KeyForm { HEX, ASCII }
}
