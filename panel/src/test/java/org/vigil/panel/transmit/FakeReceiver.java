package org.vigil.panel.transmit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.Dc09Responses;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.Dc09StreamFramer;
import org.vigil.protocol.dc09.KeyForm;
import org.vigil.protocol.dc09.KeyLookup;

/** A small TCP test double of an ARC receiver with a switchable bad behaviour. */
final class FakeReceiver implements AutoCloseable {
  enum Mode { ACK, SILENT, ACK_THEN_CLOSE, CLOSE, GARBAGE, NAK, DUH }

  final ServerSocket server;
  volatile Mode mode = Mode.ACK;
  volatile Duration clockSkew = Duration.ZERO;
  final Dc09Key key;
  final Dc09Codec codec = Dc09Codec.standard();
  final Dc09Responses responses = new Dc09Responses(codec);
  /** Every frame decoded (events and polls), in arrival order. */
  final List<Dc09Frame> received = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger rejected = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  FakeReceiver(String key) throws IOException {
    this(key, 0);
  }

  FakeReceiver(String key, int port) throws IOException {
    this.key = key == null ? null : Dc09Key.parse(key, KeyForm.HEX);
    this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  List<Dc09Frame> events() {
    return received.stream().filter(f -> f.id() != org.vigil.protocol.dc09.Dc09Id.NULL).toList();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        open.add(s);
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    Dc09StreamFramer framer = new Dc09StreamFramer();
    byte[] buf = new byte[4096];
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        for (byte[] frame : framer.feed(java.util.Arrays.copyOf(buf, n))) {
          if (!answer(frame, out)) return;
        }
      }
    } catch (IOException ignored) {
      // connection ends
    }
  }

  /** Answers one frame; false to close the connection. */
  private boolean answer(byte[] bytes, OutputStream out) throws IOException {
    Instant now = Instant.now().plus(clockSkew);
    Dc09Result r = codec.decode(bytes, KeyLookup.always(key));
    Mode m = mode;
    if (r instanceof Dc09Result.Rejected) {
      rejected.incrementAndGet();
      if (m == Mode.SILENT) return true;
      out.write(responses.nak(now));
      out.flush();
      return true;
    }
    Dc09Frame f = ((Dc09Result.Decoded) r).frame();
    switch (m) {
      case SILENT -> {
        received.add(f);
        return true;
      }
      case CLOSE -> {
        received.add(f);
        return false;
      }
      case GARBAGE -> out.write("\n0000\"???\"garbage\r".getBytes());
      case NAK -> out.write(responses.nak(now));
      case DUH -> out.write(responses.duh(f));
      case ACK, ACK_THEN_CLOSE -> {
        if (f.timestamp().isPresent() && !org.vigil.protocol.dc09.TimestampWindow.DEFAULT.accepts(f.timestamp().get(), now)) {
          out.write(responses.nak(now));
          out.flush();
          return true;
        }
        received.add(f);
        out.write(responses.ack(f, key, now));
      }
    }
    out.flush();
    return m != Mode.ACK_THEN_CLOSE;
  }

  /** Drops every open connection (the receiver restarts or the network cuts). */
  void dropConnections() {
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    dropConnections();
  }
}
