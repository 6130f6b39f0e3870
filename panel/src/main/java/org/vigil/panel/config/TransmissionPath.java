package org.vigil.panel.config;

import java.time.Duration;
import java.util.List;

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
 * @param destinations the receivers of this path in the order they are tried (an ARC's receiver
 *     pair: primary and backup receiver); {@code host}/{@code port} are always the first. Empty or
 *     null means the single destination {@code host:port}.
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
    Duration failureTime,
    List<Destination> destinations) {

  public TransmissionPath {
    if (destinations == null || destinations.isEmpty()) {
      destinations = host == null ? List.of() : List.of(new Destination(host, port));
    } else {
      destinations = List.copyOf(destinations);
      host = destinations.get(0).host();
      port = destinations.get(0).port();
    }
  }

  /** A path with one destination, {@code host:port}. */
  public TransmissionPath(String id, Role role, String technology, String host, int port, Protocol protocol, Format format, String account,
      String receiver, String line, String key, KeyForm keyForm, Duration pollInterval, Duration failureTime) {
    this(id, role, technology, host, port, protocol, format, account, receiver, line, key, keyForm, pollInterval, failureTime, List.of());
  }

  /** The same path sending to these receivers, in this order. */
  public TransmissionPath withDestinations(List<Destination> list) {
    return new TransmissionPath(id, role, technology, host, port, protocol, format, account, receiver, line, key, keyForm, pollInterval,
        failureTime, list);
  }

  /** One receiver address of a path. */
  public record Destination(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  public enum Role { PRIMARY, SECONDARY }

  public enum Protocol { TCP, UDP }

  public enum Format { SIA_DCS, ADM_CID }

  public enum KeyForm { HEX, ASCII }
}
