package org.vigil.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * The demo's stand-in for the site's IP cameras: {@code GET /cameras/<id>/snapshot.png} answers a
 * generated test card (colour bars tinted per camera, a marker that moves with every snapshot so the
 * operator sees the three images of a capture differ). Loopback only. The PNG is written by hand
 * (no java.desktop, no fonts needed on a headless machine).
 */
public final class DemoCamera implements AutoCloseable {
  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  private static final Pattern PATH = Pattern.compile("/cameras/([A-Za-z0-9_-]{1,64})/snapshot\\.png");

  private final HttpServer server;
  private final AtomicInteger frames = new AtomicInteger();

  private DemoCamera(HttpServer server) {
    this.server = server;
  }

  /** Starts on 127.0.0.1, any free port. */
  public static DemoCamera start() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DemoCamera c = new DemoCamera(s);
    s.createContext("/cameras/", c::handle);
    s.start();
    return c;
  }

  /** Where camera {@code id}'s snapshot is. */
  public URI snapshotUrl(String id) {
    return URI.create(base() + "cameras/" + id + "/snapshot.png");
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Snapshots served so far. */
  public int frames() {
    return frames.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Matcher m = PATH.matcher(ex.getRequestURI().getPath());
      if (!ex.getRequestMethod().equals("GET") || !m.matches()) {
        byte[] b = "no such camera snapshot".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(404, b.length);
        ex.getResponseBody().write(b);
        return;
      }
      byte[] png = testCard(m.group(1).hashCode(), frames.incrementAndGet());
      ex.getResponseHeaders().set("Content-Type", "image/png");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(200, png.length);
      ex.getResponseBody().write(png);
    }
  }

  /** A 320x240 RGB test card: eight colour bars tinted by {@code seed}, a white marker placed by {@code frame}. */
  static byte[] testCard(int seed, int frame) {
    int[][] bars = {{192, 192, 192}, {192, 192, 0}, {0, 192, 192}, {0, 192, 0}, {192, 0, 192}, {192, 0, 0}, {0, 0, 192}, {16, 16, 16}};
    int tr = (seed & 0x3F), tg = ((seed >> 6) & 0x3F), tb = ((seed >> 12) & 0x3F);
    int markerX = (frame * 37) % (WIDTH - 40);
    byte[] raw = new byte[HEIGHT * (1 + WIDTH * 3)];
    int i = 0;
    for (int y = 0; y < HEIGHT; y++) {
      raw[i++] = 0; // filter: none
      for (int x = 0; x < WIDTH; x++) {
        int r, g, b;
        if (y < HEIGHT * 2 / 3) {
          int[] c = bars[x * bars.length / WIDTH];
          r = Math.min(255, c[0] + tr);
          g = Math.min(255, c[1] + tg);
          b = Math.min(255, c[2] + tb);
        } else if (y > HEIGHT * 3 / 4 && y < HEIGHT - 10 && x >= markerX && x < markerX + 40) {
          r = g = b = 255;
        } else {
          r = g = b = x * 255 / WIDTH; // grey ramp
        }
        raw[i++] = (byte) r;
        raw[i++] = (byte) g;
        raw[i++] = (byte) b;
      }
    }
    try {
      ByteArrayOutputStream z = new ByteArrayOutputStream();
      try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
        d.write(raw);
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(WIDTH).putInt(HEIGHT).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
      chunk(png, "IDAT", z.toByteArray());
      chunk(png, "IEND", new byte[0]);
      return png.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // in-memory streams do not fail
    }
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(t);
    out.write(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
