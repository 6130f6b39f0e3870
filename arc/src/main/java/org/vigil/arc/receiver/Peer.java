package org.vigil.arc.receiver;

import java.net.InetSocketAddress;

/**
 * Where a frame came from: transport, remote address and a connection number (TCP) so the evidence
 * shows which frames shared a connection.
 */
public record Peer(String transport, InetSocketAddress remote, long connectionId) {
  /** The remote IP address text (the path key when a frame has no R and no L). */
  public String address() {
    return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
  }

  public String label() {
    return transport + " " + address() + ":" + remote.getPort() + (connectionId > 0 ? " #" + connectionId : "");
  }
}
