package org.vigil.panel.transmit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09StreamFramer;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * A DC-09 path over TCP: one connection kept open across frames (DC-09 2013: closing is optional),
 * reopened on the next send when the receiver closed it. Plain blocking sockets on virtual threads.
 */
final class TcpLink implements Link {
  private final String path;
  private final int destination;
  private final String host;
  private final int port;
  private final Duration connectTimeout;
  private final Dc09Codec codec;
  private final KeyLookup keys;
  private final Consumer<TxInput> sink;
  private final ExecutorService writer;
  private volatile Socket socket;
  private volatile boolean awaiting;
  private volatile boolean closed;

  TcpLink(String path, int destination, String host, int port, Duration connectTimeout, Dc09Codec codec, KeyLookup keys, Consumer<TxInput> sink) {
    this.path = path;
    this.destination = destination;
    this.host = host;
    this.port = port;
    this.connectTimeout = connectTimeout;
    this.codec = codec;
    this.keys = keys;
    this.sink = sink;
    this.writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("tx-tcp-" + path + "-" + destination).factory());
  }

  @Override
  public void send(byte[] frame) {
    if (closed) return;
    writer.execute(() -> write(frame));
  }

  private void write(byte[] frame) {
    Socket s = socket;
    try {
      if (s == null || s.isClosed()) {
        s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        socket = s;
        Socket reading = s;
        Thread.ofVirtual().name("tx-tcp-read-" + path).start(() -> read(reading));
      }
      awaiting = true;
      OutputStream out = s.getOutputStream();
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      drop(s);
      if (!closed) sink.accept(new TxInput.LinkFailed(path, describe(e), destination));
    }
  }

  private void read(Socket s) {
    Dc09StreamFramer framer = new Dc09StreamFramer();
    byte[] buf = new byte[4096];
    try (InputStream in = s.getInputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        framer.feed(buf, 0, n, new Dc09StreamFramer.Sink() {
          @Override
          public void frame(byte[] frame) {
            awaiting = false;
            sink.accept(new TxInput.Response(path, codec.decode(frame, keys), destination));
          }
        });
      }
      gone(s, "connection closed by receiver");
    } catch (IOException e) {
      gone(s, describe(e));
    }
  }

  private void gone(Socket s, String why) {
    boolean current = s == socket;
    drop(s);
    if (current && awaiting && !closed) {
      awaiting = false;
      sink.accept(new TxInput.LinkFailed(path, why, destination));
    }
  }

  private void drop(Socket s) {
    if (s == null) return;
    if (socket == s) socket = null;
    try {
      s.close();
    } catch (IOException ignored) {
      // closing a broken socket
    }
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  @Override
  public void close() {
    closed = true;
    writer.shutdownNow();
    drop(socket);
  }
}
