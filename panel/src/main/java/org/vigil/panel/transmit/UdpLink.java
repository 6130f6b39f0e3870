package org.vigil.panel.transmit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.KeyLookup;

/** A DC-09 path over UDP: one datagram per frame, answers read on a virtual thread. */
final class UdpLink implements Link {
  private final String path;
  private final int destination;
  private final InetSocketAddress target;
  private final Dc09Codec codec;
  private final KeyLookup keys;
  private final Consumer<TxInput> sink;
  private final ExecutorService writer;
  private final DatagramSocket socket;
  private volatile boolean closed;

  UdpLink(String path, int destination, String host, int port, Dc09Codec codec, KeyLookup keys, Consumer<TxInput> sink) throws SocketException {
    this.path = path;
    this.destination = destination;
    this.target = new InetSocketAddress(host, port);
    this.codec = codec;
    this.keys = keys;
    this.sink = sink;
    this.socket = new DatagramSocket();
    this.writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("tx-udp-" + path).factory());
    Thread.ofVirtual().name("tx-udp-read-" + path).start(this::read);
  }

  @Override
  public void send(byte[] frame) {
    if (closed) return;
    writer.execute(() -> {
      try {
        socket.send(new DatagramPacket(frame, frame.length, target));
      } catch (IOException e) {
        if (!closed) sink.accept(new TxInput.LinkFailed(path, TcpLink.describe(e), destination));
      }
    });
  }

  private void read() {
    byte[] buf = new byte[Dc09Codec.MAX_FRAME_BYTES + 16];
    while (!closed) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
        if (!p.getSocketAddress().equals(target)) continue; // not our receiver
        byte[] frame = Arrays.copyOfRange(buf, 0, p.getLength());
        sink.accept(new TxInput.Response(path, codec.decode(frame, keys), destination));
      } catch (IOException e) {
        if (closed) return;
        sink.accept(new TxInput.LinkFailed(path, TcpLink.describe(e), destination));
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    writer.shutdownNow();
    socket.close();
  }
}
