package org.vigil.arc.receiver;

import java.net.InetSocketAddress;

/**
 * Where a frame came from: transport, remote address and a connection number (TCP) so the evidence
 * shows which frames shared a connection.
 *
 * <p>A class rather than a record so the label, stored with every signal, is built once per
 * connection and not once per frame.
 */
public final class Peer {
  private final String transport;
  private final InetSocketAddress remote;
  private final long connectionId;
  private final String address;
  private final String label;

  public Peer(String transport, InetSocketAddress remote, long connectionId) {
    this.transport = transport;
    this.remote = remote;
    this.connectionId = connectionId;
    this.address = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    this.label = transport + " " + address + ":" + remote.getPort() + (connectionId > 0 ? " #" + connectionId : "");
  }

  public String transport() {
    return transport;
  }

  public InetSocketAddress remote() {
    return remote;
  }

  public long connectionId() {
    return connectionId;
  }

  /** The remote IP address text (the path key when a frame has no R and no L). */
  public String address() {
    return address;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
