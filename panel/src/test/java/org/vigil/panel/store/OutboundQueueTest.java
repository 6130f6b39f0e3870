package org.vigil.panel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundQueueTest {
  static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");
  @TempDir Path dir;

  static byte[] body(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> bodies(OutboundQueue q) {
    return q.pending().stream().map(p -> new String(p.body(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void unacknowledgedEventsSurviveARestartInTheOrderRaised() throws IOException {
    Path f = dir.resolve("q.log");
    try (OutboundQueue q = OutboundQueue.open(f)) {
      var a = q.enqueue(T0, body("a"));
      q.enqueue(T0, body("b"));
      q.enqueue(T0, body("c"));
      q.finish(a.id(), OutboundQueue.Outcome.ACKNOWLEDGED);
    }
    try (OutboundQueue q = OutboundQueue.open(f)) {
      assertThat(bodies(q)).containsExactly("b", "c");
      assertThat(q.pending()).extracting(OutboundQueue.Pending::sequence).containsExactly(2, 3);
      assertThat(q.recovery().clean()).isTrue();
      // New events continue the id and sequence counters: a restart never reuses a sequence.
      assertThat(q.enqueue(T0, body("d")).sequence()).isEqualTo(4);
    }
  }

  @Test
  void sequenceNumbersRunFrom0001To9999AndWrapTo0001() {
    assertThat(OutboundQueue.nextSequence(0)).isEqualTo(1);
    assertThat(OutboundQueue.nextSequence(9998)).isEqualTo(9999);
    assertThat(OutboundQueue.nextSequence(9999)).isEqualTo(1);
  }

  @Test
  void aTornTailIsTruncatedAndEverythingBeforeItKept() throws IOException {
    Path f = dir.resolve("q.log");
    try (OutboundQueue q = OutboundQueue.open(f)) {
      q.enqueue(T0, body("first"));
      q.enqueue(T0, body("second"));
    }
    long full = Files.size(f);
    // Power fails in the middle of the third append: half a record at the end.
    try (OutboundQueue q = OutboundQueue.open(f)) {
      q.enqueue(T0, body("third"));
    }
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(full + 7);
    }
    try (OutboundQueue q = OutboundQueue.open(f)) {
      assertThat(bodies(q)).containsExactly("first", "second");
      assertThat(q.recovery().truncatedBytes()).isEqualTo(7);
      assertThat(q.recovery().problems()).anySatisfy(p -> assertThat(p).contains("torn tail"));
    }
    assertThat(Files.size(f)).isEqualTo(full);
  }

  @Test
  void aCorruptRecordInTheMiddleIsSkippedAndTheRecordsAfterItKept() throws IOException {
    Path f = dir.resolve("q.log");
    long second;
    try (OutboundQueue q = OutboundQueue.open(f)) {
      q.enqueue(T0, body("first"));
      second = Files.size(f);
      q.enqueue(T0, body("second"));
      q.enqueue(T0, body("third"));
    }
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.seek(second + RecordLog.HEADER + 3);
      raf.write('X'); // flip a byte inside the second record's payload
    }
    try (OutboundQueue q = OutboundQueue.open(f)) {
      assertThat(bodies(q)).containsExactly("first", "third");
      assertThat(q.recovery().problems()).anySatisfy(p -> assertThat(p).contains("corrupt record"));
      assertThat(q.recovery().truncatedBytes()).isZero();
    }
  }

  @Test
  void aFileOfGarbageOpensEmptyWithAReportNotAnException() throws IOException {
    Path f = dir.resolve("q.log");
    byte[] junk = new byte[5000];
    new Random(7).nextBytes(junk);
    Files.write(f, junk);
    try (OutboundQueue q = OutboundQueue.open(f)) {
      assertThat(q.pending()).isEmpty();
      assertThat(q.recovery().truncatedBytes()).isEqualTo(5000);
      q.enqueue(T0, body("after"));
    }
    try (OutboundQueue q = OutboundQueue.open(f)) {
      assertThat(bodies(q)).containsExactly("after");
    }
  }

  @Test
  void everyCutPointOfTheFileRecoversAPrefixOfTheEvents() throws IOException {
    Path f = dir.resolve("q.log");
    try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
      for (int i = 0; i < 5; i++) q.enqueue(T0, body("e" + i));
    }
    byte[] all = Files.readAllBytes(f);
    for (int cut = 0; cut <= all.length; cut++) {
      Path g = dir.resolve("cut" + cut);
      Files.write(g, java.util.Arrays.copyOf(all, cut));
      try (OutboundQueue q = OutboundQueue.openUnsynced(g)) {
        List<String> got = bodies(q);
        assertThat(List.of("e0", "e1", "e2", "e3", "e4").subList(0, got.size())).isEqualTo(got);
      }
    }
  }

  @Test
  void finishedEventsAreCompactedAwayAndCountersKept() throws IOException {
    Path f = dir.resolve("q.log");
    try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
      for (int i = 0; i < OutboundQueue.COMPACT_AFTER + 10; i++) {
        var p = q.enqueue(T0, body("x" + i));
        q.finish(p.id(), OutboundQueue.Outcome.ACKNOWLEDGED);
      }
      q.enqueue(T0, body("kept"));
    }
    assertThat(Files.size(f)).isLessThan(20_000);
    try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
      assertThat(bodies(q)).containsExactly("kept");
      int seq = q.pending().get(0).sequence();
      assertThat(q.enqueue(T0, body("next")).sequence()).isEqualTo(seq + 1);
    }
  }

  static List<String> givenUp(OutboundQueue q) {
    return q.givenUp().stream().map(p -> new String(p.body(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void givenUpEventIsKeptInTheFileAcrossRestartAndCompactionNotSentAgain() throws IOException {
    Path f = dir.resolve("q.log");
    int lastSeq;
    try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
      var a = q.enqueue(T0, body("refused"));
      var b = q.enqueue(T0, body("acked"));
      q.enqueue(T0, body("waiting"));
      q.finish(a.id(), OutboundQueue.Outcome.UNDELIVERABLE);
      q.finish(b.id(), OutboundQueue.Outcome.ACKNOWLEDGED);
      assertThat(givenUp(q)).containsExactly("refused");
      lastSeq = q.enqueue(T0, body("last")).sequence();
    }
    for (int restart = 0; restart < 3; restart++) {
      try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
        assertThat(bodies(q)).containsExactly("waiting", "last");
        assertThat(givenUp(q)).containsExactly("refused");
        assertThat(q.givenUp().get(0).sequence()).isEqualTo(1);
      }
    }
    try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
      assertThat(q.enqueue(T0, body("next")).sequence()).isEqualTo(lastSeq + 1);
    }
  }

  @Test
  void givenUpEventsAreBoundedToTheMostRecent() throws IOException {
    Path f = dir.resolve("q.log");
    try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
      for (int i = 0; i < OutboundQueue.KEEP_GIVEN_UP + 5; i++) {
        q.finish(q.enqueue(T0, body("r" + i)).id(), OutboundQueue.Outcome.UNDELIVERABLE);
      }
    }
    try (OutboundQueue q = OutboundQueue.openUnsynced(f)) {
      assertThat(q.givenUp()).hasSize(OutboundQueue.KEEP_GIVEN_UP);
      assertThat(givenUp(q).get(0)).isEqualTo("r5");
      assertThat(q.pending()).isEmpty();
      // The counters survive although the last event is not pending.
      assertThat(q.enqueue(T0, body("n")).sequence()).isEqualTo(OutboundQueue.KEEP_GIVEN_UP + 6);
    }
  }
}
