package org.vigil.panel.transmit;

import java.time.Duration;
import java.util.List;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.config.TransmissionPath.Format;
import org.vigil.panel.config.TransmissionPath.KeyForm;
import org.vigil.panel.config.TransmissionPath.Protocol;
import org.vigil.panel.config.TransmissionPath.Role;

/** Transmission configurations built in code for tests. */
final class Paths {
  static final String KEY = "000102030405060708090A0B0C0D0E0F";
  static final String OTHER_KEY = "F0E0D0C0B0A090807060504030201000";

  private Paths() {}

  static TransmissionPath path(String id, Role role, String tech, int port, Format format, String key, Duration poll, Duration failure) {
    return new TransmissionPath(id, role, tech, "127.0.0.1", port, Protocol.TCP, format, "1234", "1", "2", key, KeyForm.HEX, poll, failure);
  }

  static TransmissionPath udp(String id, Role role, int port, Duration poll, Duration failure) {
    return new TransmissionPath(id, role, "ethernet", "127.0.0.1", port, Protocol.UDP, Format.SIA_DCS, "1234", "1", "2", null, KeyForm.HEX, poll, failure);
  }

  /** A TCP path to a receiver pair (or list) on loopback, tried in this order. */
  static TransmissionPath pair(String id, Role role, Format format, String key, Duration poll, Duration failure, int... ports) {
    List<TransmissionPath.Destination> ds = new java.util.ArrayList<>();
    for (int port : ports) ds.add(new TransmissionPath.Destination("127.0.0.1", port));
    return path(id, role, role == Role.PRIMARY ? "ethernet" : "cellular", ports[0], format, key, poll, failure).withDestinations(ds);
  }

  static Transmission dual(int primaryPort, int secondaryPort, Duration poll, Duration failure) {
    return new Transmission("1234", "DP2", List.of(
        path("ip", Role.PRIMARY, "ethernet", primaryPort, Format.SIA_DCS, null, poll, failure),
        path("cell", Role.SECONDARY, "cellular", secondaryPort, Format.ADM_CID, null, poll, failure)));
  }

  static Transmission single(TransmissionPath p) {
    return new Transmission("1234", "SP4", List.of(p));
  }
}
