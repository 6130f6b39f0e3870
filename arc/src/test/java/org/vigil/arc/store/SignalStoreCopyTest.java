package org.vigil.arc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.arc.testing.TestPostgres;

/** The group commit's binary COPY of signals stores exactly what the row says, and retries stay idempotent. */
class SignalStoreCopyTest {
  private Database db;
  private SignalStore store;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase(), null, null, 2);
    store = new SignalStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static StoreWrite.NewSignal signal(int n, String data, Instant panelTime, String receiver) {
    byte[] raw = ("raw" + n + "\u0000\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return new StoreWrite.NewSignal(new SignalRef(), new SignalRow(7, "PANEL", Instant.parse("2026-11-22T05:40:01.123456Z"),
        panelTime, "R1L2", "tcp 127.0.0.1:5000 #" + n, "SIA-DCS", n % 2 == 0, "%04d".formatted(n), receiver,
        receiver == null ? null : "2", "1234", data, "[X1]\n[Y2]", "[{\"code\":\"BA\",\"zone\":" + n + "}]", "",
        raw, new byte[] {1, 2, 3}, new byte[] {(byte) n, (byte) 0x80}));
  }

  @Test
  void copyStoresEveryColumnAsTheInsertWould() throws Exception {
    List<StoreWrite> batch = new ArrayList<>();
    batch.add(signal(1, "#1234|Nri1/BA001 zoné ✓", Instant.parse("2026-11-22T05:40:00Z"), "1"));
    batch.add(signal(2, "nul\u0000inside", null, null));
    batch.add(new StoreWrite.PathSeen(7, "R1L2", Instant.parse("2026-11-22T05:40:02Z")));
    store.write(batch);

    List<SignalStore.SignalView> back = store.signals(7L, 10);
    assertThat(back).hasSize(2);
    SignalStore.SignalView second = back.get(0);
    SignalStore.SignalView first = back.get(1);
    assertThat(first.id()).isEqualTo(((StoreWrite.NewSignal) batch.get(0)).ref().id()).isPositive();
    assertThat(first.receivedAt()).isEqualTo(Instant.parse("2026-11-22T05:40:01.123456Z"));
    assertThat(first.panelTime()).isEqualTo(Instant.parse("2026-11-22T05:40:00Z"));
    assertThat(first.data()).isEqualTo("#1234|Nri1/BA001 zoné ✓");
    assertThat(first.encrypted()).isFalse();
    assertThat(first.sequence()).isEqualTo("0001");
    assertThat(first.connection()).isEqualTo("tcp 127.0.0.1:5000 #1");
    assertThat(first.eventsJson()).contains("\"code\": \"BA\"");
    assertThat(first.raw()).isEqualTo(((StoreWrite.NewSignal) batch.get(0)).row().raw());
    assertThat(first.response()).containsExactly(1, 2, 3);
    // PostgreSQL text cannot hold NUL: replaced, as the INSERT path does; raw keeps the original
    assertThat(second.data()).isEqualTo("nul\uFFFDinside");
    assertThat(second.panelTime()).isNull();
    assertThat(second.encrypted()).isTrue();
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT receiver, line, xdata, dedup_key FROM signal ORDER BY id")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("1");
      assertThat(rs.getString(3)).isEqualTo("[X1]\n[Y2]");
      assertThat(rs.getBytes(4)).containsExactly(1, 0x80);
      rs.next();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.getString(2)).isNull();
    }
    assertThat(store.pathStates()).singleElement().satisfies(p -> assertThat(p.lastSeen())
        .isEqualTo(Instant.parse("2026-11-22T05:40:02Z")));
  }

  @Test
  void retryAfterAnAmbiguousCommitStoresEachSignalOnce() throws Exception {
    List<StoreWrite> batch = new ArrayList<>();
    for (int i = 1; i <= 50; i++) batch.add(signal(i, "#1234|Nri1/BA" + i, null, "1"));
    store.write(batch);
    // the connection broke after COMMIT: the batcher retries the same list
    store.assumeLastWriteAmbiguous();
    store.write(batch);
    assertThat(store.count("signal")).isEqualTo(50);
    // and the next batch goes through the fast path again
    List<StoreWrite> next = new ArrayList<>();
    for (int i = 51; i <= 60; i++) next.add(signal(i, "#1234|Nri1/BA" + i, null, "1"));
    store.write(next);
    assertThat(store.count("signal")).isEqualTo(60);
  }

  @Test
  void aLargeBatchGoesInOneCopy() throws Exception {
    List<StoreWrite> batch = new ArrayList<>();
    for (int i = 1; i <= 2_500; i++) batch.add(signal(i, "#1234|Nri1/BA" + "x".repeat(i % 300), null, "1"));
    store.write(batch);
    assertThat(store.count("signal")).isEqualTo(2_500);
  }
}
