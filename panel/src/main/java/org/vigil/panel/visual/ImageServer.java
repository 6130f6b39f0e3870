package org.vigil.panel.visual;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Serves captured images to the ARC: {@code GET /images/<reference>/} lists the image file names
 * (text/plain, one per line), {@code GET /images/<reference>/<name>} returns one image. Anything else
 * is a 404; the reference and name are looked up, never used as paths.
 */
public final class ImageServer implements AutoCloseable {
  private final HttpServer server;
  private final URI base;

  private ImageServer(HttpServer server, URI base) {
    this.server = server;
    this.base = base;
  }

  /**
   * Starts serving {@code store} on {@code bind} (port 0: any free port).
   *
   * @param publicBase the base URI the ARC uses to reach this server, or null to use the bound address
   */
  public static ImageServer start(ImageStore store, InetSocketAddress bind, URI publicBase) throws IOException {
    HttpServer s = HttpServer.create(bind, 0);
    s.createContext("/images/", ex -> handle(store, ex));
    s.start();
    URI base = publicBase != null ? publicBase : URI.create("http://" + hostOf(s.getAddress()) + ":" + s.getAddress().getPort() + "/");
    return new ImageServer(s, base);
  }

  private static String hostOf(InetSocketAddress a) {
    String h = a.getAddress().getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }

  /** Where the ARC fetches the images of a capture. */
  public URI linkFor(String reference) {
    return base.resolve("images/" + reference + "/");
  }

  public URI base() {
    return base;
  }

  private static void handle(ImageStore store, HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET")) {
        send(ex, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String rest = ex.getRequestURI().getPath().substring("/images/".length());
      int slash = rest.indexOf('/');
      if (slash <= 0) {
        send(ex, 404, "text/plain", "no such capture".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String ref = rest.substring(0, slash);
      String name = rest.substring(slash + 1);
      if (name.isEmpty()) {
        List<StoredImage> l = store.list(ref);
        if (l.isEmpty()) {
          send(ex, 404, "text/plain", "no such capture".getBytes(StandardCharsets.UTF_8));
          return;
        }
        StringBuilder b = new StringBuilder();
        l.forEach(i -> b.append(i.name()).append('\n'));
        send(ex, 200, "text/plain; charset=utf-8", b.toString().getBytes(StandardCharsets.UTF_8));
        return;
      }
      Optional<StoredImage> img = store.get(ref, name);
      if (img.isEmpty()) send(ex, 404, "text/plain", "no such image".getBytes(StandardCharsets.UTF_8));
      else send(ex, 200, img.get().contentType(), img.get().data());
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
