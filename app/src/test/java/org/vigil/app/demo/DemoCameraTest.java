package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** The demo's stand-in camera: a valid PNG test card per snapshot, 404 for anything else. */
class DemoCameraTest {
  static final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSnapshotIsAValidPngTestCardThatChangesWithEveryFrame() throws Exception {
    byte[] a = DemoCamera.testCard(42, 1);
    byte[] b = DemoCamera.testCard(42, 2);
    assertThat(Arrays.copyOf(a, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    assertThat(a).isNotEqualTo(b);
    // IHDR: 320 x 240, 8-bit RGB, and every chunk's CRC is right.
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(a, 8, a.length - 8);
    byte[] idat = null;
    while (buf.hasRemaining()) {
      int len = buf.getInt();
      byte[] typeAndData = new byte[4 + len];
      buf.get(typeAndData);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      assertThat(buf.getInt()).isEqualTo((int) crc.getValue());
      String type = new String(typeAndData, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (type.equals("IHDR")) {
        java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(typeAndData, 4, len);
        assertThat(h.getInt()).isEqualTo(320);
        assertThat(h.getInt()).isEqualTo(240);
        assertThat(h.get()).isEqualTo((byte) 8);
        assertThat(h.get()).isEqualTo((byte) 2);
      }
      if (type.equals("IDAT")) idat = Arrays.copyOfRange(typeAndData, 4, 4 + len);
    }
    assertThat(idat).isNotNull();
    byte[] raw = new InflaterInputStream(new ByteArrayInputStream(idat)).readAllBytes();
    assertThat(raw).hasSize(240 * (1 + 320 * 3));
  }

  @Test
  void theCameraServesPngSnapshotsOnLoopbackAndNothingElse() throws Exception {
    try (DemoCamera cam = DemoCamera.start()) {
      HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(cam.snapshotUrl("cam-hall")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(cam.snapshotUrl("cam-hall").getHost()).isEqualTo("127.0.0.1");
      assertThat(cam.frames()).isEqualTo(1);
      for (String bad : new String[] {"cameras/", "cameras/../etc/passwd", "cameras/cam-hall/other.png", "elsewhere"}) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cam.base() + bad)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(bad).isEqualTo(404);
      }
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(cam.snapshotUrl("cam-hall")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(404);
      assertThat(cam.frames()).isEqualTo(1);
    }
  }
}
