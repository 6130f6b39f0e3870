package org.vigil.panel.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.testing.HandClock;
import org.vigil.panel.testing.RecordingUplink;
import org.vigil.panel.visual.ImageStore;

/**
 * The service resolves the engine's relative image link against the panel's image server before the HUA is queued
 * (the [V] the ARC fetches), sends no link when the panel serves no images, and reports a camera that never answers
 * to the ARC as a fault signal (Contact ID 330).
 */
class PanelServiceImageLinkTest {
  final HandClock clock = new HandClock(Instant.parse("2026-11-23T10:00:00Z"));
  final RecordingUplink uplink = new RecordingUplink();

  @Test
  void bs8243_5_3_1_theHuaLeavesWithTheImageServersLinkToItsCapture(@TempDir Path dir) throws Exception {
    PanelService.Visual visual = new PanelService.Visual(new ImageStore(), ref -> URI.create("http://192.0.2.10:8099/images/" + ref + "/"));
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
         PanelService p = PanelService.start(PanelServiceCaptureTest.site("http://127.0.0.1:" + silent.getLocalPort() + "/snapshot.png"), dir, clock, uplink, visual)) {
      p.apply(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));

      assertThat(uplink.sent).filteredOn(n -> n.signal() == Signal.HOLD_UP).singleElement().satisfies(n ->
          assertThat(n.verification()).startsWith("http://192.0.2.10:8099/images/hua-1-hd-counter-1-").endsWith("/"));

      // the camera never answers: after the capture's deadline the ARC gets a fault, not an alarm
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(uplink.sent).anySatisfy(n -> {
            assertThat(n.signal()).isEqualTo(Signal.FAULT);
            assertThat(n.cid()).isEqualTo(330);
            assertThat(n.text()).contains("hold-up camera trouble").contains("slow");
          }));
      assertThat(uplink.sent).filteredOn(n -> n.signal() == Signal.HOLD_UP || n.signal() == Signal.CONFIRMED_HOLD_UP).hasSize(1);
    }
  }

  @Test
  void withoutAnImageServerNoLinkIsSent(@TempDir Path dir) throws Exception {
    try (PanelService p = PanelService.start(PanelServiceCaptureTest.site("http://127.0.0.1:9/snapshot.png"), dir, clock, uplink)) {
      p.apply(new Input.HoldUpOperated("hd-counter-1", Input.HoldUpAction.PRESS_BOTH));

      assertThat(uplink.sent).filteredOn(n -> n.signal() == Signal.HOLD_UP).singleElement().satisfies(n -> assertThat(n.verification()).isNull());
    }
  }
}
