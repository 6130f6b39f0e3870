package org.vigil.arc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.Dc09StreamFramer;
import org.vigil.protocol.dc09.KeyLookup;

/** A panel in a test: builds frames with the protocol module and talks DC-09 over a real socket. */
public final class Dc09TestClient implements AutoCloseable {
  public static final Dc09Codec CODEC = Dc09Codec.standard();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Dc09StreamFramer framer = new Dc09StreamFramer();
  private final Deque<byte[]> received = new ArrayDeque<>();

  public Dc09TestClient(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** A clear SIA-DCS event frame for {@code account} with the given sequence and data, stamped {@code now}. */
  public static Dc09Frame sia(String account, int seq, String data, Instant now) {
    return Dc09Frame.builder(Dc09Id.SIA_DCS).sequence(seq).line("1").account(account).data(data).timestamp(now).build();
  }

  public static Dc09Frame cid(String account, int seq, String data, Instant now) {
    return Dc09Frame.builder(Dc09Id.ADM_CID).sequence(seq).line("1").account(account).data(data).timestamp(now).build();
  }

  public static Dc09Frame nullPoll(String account, Instant now) {
    return Dc09Frame.builder(Dc09Id.NULL).sequence(0).line("1").account(account).timestamp(now).build();
  }

  public static byte[] encode(Dc09Frame f) {
    return CODEC.encode(f, null);
  }

  public static byte[] encode(Dc09Frame f, Dc09Key key) {
    return CODEC.encode(f, key);
  }

  public void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends a frame and waits for one response. */
  public byte[] exchange(byte[] frame) throws IOException {
    send(frame);
    return read().orElseThrow(() -> new IOException("no response"));
  }

  /** The next response frame, or empty after the socket timeout / when the server closed. */
  public Optional<byte[]> read() throws IOException {
    byte[] buf = new byte[8192];
    while (received.isEmpty()) {
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      if (n < 0) return Optional.empty();
      framer.feed(buf, 0, n, received::add);
    }
    return Optional.of(received.poll());
  }

  public void timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /** True when the server has closed this connection (read returns end of stream). */
  public boolean closedByServer(int waitMillis) throws IOException {
    socket.setSoTimeout(waitMillis);
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  public static Dc09Frame decode(byte[] response) {
    return decode(response, null);
  }

  public static Dc09Frame decode(byte[] response, Dc09Key key) {
    Dc09Result r = CODEC.decode(response, key == null ? KeyLookup.none() : KeyLookup.always(key));
    if (r instanceof Dc09Result.Decoded d) return d.frame();
    throw new AssertionError("response does not decode: " + r + " " + Arrays.toString(response));
  }

  /** One UDP exchange. */
  public static Optional<byte[]> udp(int port, byte[] frame, int timeoutMillis) throws IOException {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(timeoutMillis);
      s.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), port));
      byte[] buf = new byte[2048];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        s.receive(p);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      return Optional.of(Arrays.copyOf(buf, p.getLength()));
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
