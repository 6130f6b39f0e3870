package org.vigil.panel.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
  static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void anIntactLogVerifies(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("events.log");
    try (EventLog log = EventLog.open(f)) {
      for (int i = 0; i < 20; i++) log.append(T.plusSeconds(i), i % 3 == 0 ? EventClass.MANDATORY : EventClass.ROUTINE, true, "event " + i, "rule " + i);
    }
    EventLog.Verification v = EventLog.verify(f);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(20);
  }

  @Test
  void editingAnEntryIsDetectedWithItsLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("events.log");
    try (EventLog log = EventLog.open(f)) {
      for (int i = 0; i < 5; i++) log.append(T.plusSeconds(i), EventClass.MANDATORY, true, "hall set by user " + i, "");
    }
    Files.writeString(f, Files.readString(f).replace("hall set by user 2", "hall set by user 9"));
    EventLog.Verification v = EventLog.verify(f);
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).anyMatch(p -> p.startsWith("line 3") && p.contains("contents changed"));
  }

  @Test
  void removingAnEntryBreaksTheChain(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("events.log");
    try (EventLog log = EventLog.open(f)) {
      for (int i = 0; i < 5; i++) log.append(T.plusSeconds(i), EventClass.MANDATORY, true, "alarm " + i, "DD243 5.4.1");
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(f));
    lines.remove(2);
    Files.write(f, lines);
    assertThat(EventLog.verify(f).problems()).anyMatch(p -> p.contains("chain broken"));
  }

  @Test
  void mandatoryEventsAreNeverOverwrittenByRoutineOnes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("events.log");
    try (EventLog log = EventLog.open(f, 10)) {
      for (int i = 0; i < 5; i++) log.append(T.plusSeconds(i), EventClass.MANDATORY, true, "mandatory " + i, "EN 50131-1 8.10");
      for (int i = 0; i < 100; i++) log.append(T.plusSeconds(100 + i), EventClass.ROUTINE, false, "routine " + i, "");
      assertThat(log.entries().stream().filter(e -> e.eventClass() == EventClass.MANDATORY)).hasSize(5);
      assertThat(log.entries().stream().filter(e -> e.eventClass() == EventClass.ROUTINE)).hasSize(10);
      assertThat(log.entries().get(log.entries().size() - 1).message()).isEqualTo("routine 99");
    }
    EventLog.Verification v = EventLog.verify(f);
    assertThat(v.intact()).as(v.problems().toString()).isTrue();
    assertThat(v.dropped()).isEqualTo(90);
    try (EventLog again = EventLog.open(f, 10)) {
      LogEntry e = again.append(T.plusSeconds(500), EventClass.MANDATORY, true, "after reopen", "");
      assertThat(e.seq()).isEqualTo(106);
    }
    assertThat(EventLog.verify(f).intact()).isTrue();
  }

  @Test
  void aTornLastLineFromPowerLossIsCutAndTheCutIsLogged(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("events.log");
    try (EventLog log = EventLog.open(f)) {
      log.append(T, EventClass.MANDATORY, true, "hall set", "");
    }
    Files.write(f, "{\"seq\":2,\"at\":\"2026-11".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
    try (EventLog log = EventLog.open(f)) {
      assertThat(log.entries()).extracting(LogEntry::message).containsExactly("hall set",
          "event log: a partly written last entry (power loss) was removed");
    }
    assertThat(EventLog.verify(f).intact()).isTrue();
  }

  @Test
  void garbageLinesAreReportedNotThrown(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("events.log");
    Files.writeString(f, "not json at all\n");
    assertThat(EventLog.verify(f).problems()).singleElement().asString().startsWith("line 1: not a log entry");
  }
}
