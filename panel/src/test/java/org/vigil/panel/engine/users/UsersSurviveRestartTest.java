package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.service.StateSnapshots;

/** Users programmed at the keypad and the installer window survive a restart (state snapshot), without a code on disk. */
class UsersSurviveRestartTest {
  static final SiteConfig OFFICE = Sites.load("office-warehouse.yaml");

  @Test
  void programmedUsersAndInstallerWindow_surviveTheSnapshot_andNoCodeIsWritten(@TempDir Path dir) throws Exception {
    KeypadDriver p = new KeypadDriver(OFFICE, Instant.parse("2026-01-05T10:00:00Z"))
        .keys("kp-office", "12348030" + "3030")
        .keys("kp-office", "2222#65")
        .keys("kp-office", "12348031"); // half-typed sequence: not kept
    StateSnapshots snaps = new StateSnapshots(dir.resolve("state.json"));
    snaps.save(p.state);
    assertThat(Files.readString(dir.resolve("state.json"))).doesNotContain("3030");
    KeypadDriver restarted = new KeypadDriver(OFFICE, p.now);
    restarted.state = snaps.load();
    restarted.keys("kp-office", "3030{AWAY}");
    assertThat(restarted.state.area("office").status()).isEqualTo(AreaStatus.SETTING);
    restarted.keys("kp-office", "4140{OFF}");
    assertThat(restarted.lastDisplay()).doesNotContain("not authorised");
  }
}
