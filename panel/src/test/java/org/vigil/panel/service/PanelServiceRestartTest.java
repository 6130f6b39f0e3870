package org.vigil.panel.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.eventlog.EventLog;
import org.vigil.panel.testing.HandClock;
import org.vigil.panel.testing.RecordingUplink;

class PanelServiceRestartTest {
  static final Path BANK = Path.of("..", "examples", "bank.yaml");

  static SiteConfig bank() {
    return SiteLoader.load(BANK).orThrow();
  }

  final HandClock clock = new HandClock(Instant.parse("2026-11-23T19:00:00Z"));
  final RecordingUplink uplink = new RecordingUplink();

  void keys(PanelService p, String keypad, String keys) {
    for (char c : keys.toCharArray()) p.apply(new Input.KeyPressed(keypad, String.valueOf(c)));
  }

  /** Sets the banking hall the BS 8243 6.3(a) way: code + A, door opened and closed, shunt lock locked. */
  void setHall(PanelService p) {
    keys(p, "kp-hall", "314159A");
    clock.advance(Duration.ofSeconds(20));
    p.apply(new Input.DetectorActive("front-door"));
    clock.advance(Duration.ofSeconds(5));
    p.apply(new Input.DetectorNormal("front-door"));
    clock.advance(Duration.ofSeconds(5));
    p.apply(new Input.DetectorActive("front-lock"));
  }

  @Test
  void restartRestoresTheExactStateAndAnArmedAreaStaysSet(@TempDir Path dir) throws Exception {
    PanelState before;
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      assertThat(p.restored()).isFalse();
      setHall(p);
      // Let the time-limited set-complete indication (DD243 6.3) end, so no deadline is pending.
      clock.advance(Duration.ofSeconds(10));
      p.apply(new Input.Tick());
      before = p.state();
      assertThat(before.area("hall").status()).isEqualTo(AreaStatus.SET);
    }
    clock.advance(Duration.ofMinutes(3));
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      assertThat(p.restored()).isTrue();
      assertThat(p.state().area("hall")).isEqualTo(before.area("hall"));
      assertThat(p.state().zones()).isEqualTo(before.zones());
      assertThat(p.state().deadlines()).isEqualTo(before.deadlines());
      assertThat(p.state().features()).isEqualTo(before.features());
      assertThat(p.logMessages()).anyMatch(m -> m.startsWith("panel restarted: state restored") && m.contains("hall set"));
    }
  }

  @Test
  void restartIsReportedToTheArcAsSystemReset(@TempDir Path dir) throws Exception {
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      assertThat(uplink.sent).anyMatch(n -> n.cid() != null && n.cid() == PanelService.CID_SYSTEM_RESET);
    }
    uplink.sent.clear();
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      assertThat(uplink.sent).singleElement().satisfies(n -> {
        assertThat(n.cid()).isEqualTo(305);
        assertThat(n.rule()).isEqualTo("EN 50131-1 8.10");
      });
    }
  }

  @Test
  void timersThatRanOutWhileThePanelWasOffFireAtRestartInOrder(@TempDir Path dir) throws Exception {
    java.util.List<org.vigil.panel.engine.Deadline> pending;
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      setHall(p);
      clock.advance(Duration.ofMinutes(10));
      // An intruder in the set hall: the bell rings for bell_duration (15 min) and timers start.
      p.apply(new Input.DetectorActive("pir-hall"));
      assertThat(p.state().output("bell")).isTrue();
      pending = p.state().deadlines();
      assertThat(pending).isNotEmpty();
    }
    clock.advance(Duration.ofHours(13));
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      // The bell's 15 minutes ended while the panel was off: it is off after the restart.
      assertThat(p.state().output("bell")).isFalse();
      // Every deadline that was pending has fired; none is left in the past.
      assertThat(p.state().deadlines()).noneMatch(d -> pending.contains(d));
      assertThat(p.state().deadlines()).allMatch(d -> d.at().isAfter(clock.instant()));
      assertThat(p.state().area("hall").status()).isEqualTo(AreaStatus.SET);
    }
  }

  @Test
  void aDamagedSnapshotIsReportedAndThePanelStartsUnset(@TempDir Path dir) throws Exception {
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      setHall(p);
    }
    Path snap = dir.resolve("state.json");
    String text = Files.readString(snap);
    Files.writeString(snap, text.replace("SET", "UNSET"));
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      assertThat(p.restored()).isFalse();
      assertThat(p.state().area("hall").status()).isEqualTo(AreaStatus.UNSET);
      assertThat(p.logMessages()).anyMatch(m -> m.contains("could not be used") && m.contains("checksum"));
    }
    assertThat(EventLog.verify(dir.resolve("events.log")).intact()).isTrue();
  }

  @Test
  void aHalfTypedCodeIsNeverWrittenToTheSnapshot(@TempDir Path dir) throws Exception {
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      keys(p, "kp-hall", "3141");
      assertThat(Files.readString(dir.resolve("state.json"))).doesNotContain("3141");
    }
  }

  @Test
  void keysTypedAreNeverWrittenToTheEventLog(@TempDir Path dir) throws Exception {
    try (PanelService p = PanelService.start(bank(), dir, clock, uplink)) {
      setHall(p);
      keys(p, "kp-hall", "999999A");
    }
    String log = Files.readString(dir.resolve("events.log"));
    assertThat(log).doesNotContain("314159").doesNotContain("999999");
    assertThat(uplink.sent).noneMatch(n -> n.signal() == Signal.DURESS);
  }
}
