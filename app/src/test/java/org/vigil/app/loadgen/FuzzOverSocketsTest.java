package org.vigil.app.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.receiver.ReceiverLimits;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.Dc09StreamFramer;
import org.vigil.protocol.dc09.KeyLookup;

/**
 * Seeded byte-level mutation of valid frames on many connections at once, against the real ARC
 * (real sockets, real PostgreSQL), for a bounded time. The receiver must stay up, the clean
 * panels beside the fuzzers must keep getting ACKs, and every frame that is still valid after
 * mutation (judged by the same framer and codec the receiver uses) must be stored.
 */
class FuzzOverSocketsTest {
  static final long SEED = 20261122L;
  static final int FUZZ_CONNECTIONS = 24;
  static final Duration FUZZ_TIME = Duration.ofSeconds(8);
  static final Dc09Codec CODEC = Dc09Codec.standard();

  @TempDir Path data;

  /** One fuzzing connection: what it wrote, byte for byte. */
  static final class Fuzzer {
    final String account;
    final SplittableRandom random;
    final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    int mutated;
    int intact;

    Fuzzer(String account, long seed) {
      this.account = account;
      this.random = new SplittableRandom(seed);
    }

    byte[] validFrame(int n) {
      Dc09Frame f = Dc09Frame.builder(Dc09Id.SIA_DCS).sequence(n % 9999 + 1).line("1").account(account)
          .data("#" + account + "|Nri1/BA" + n).timestamp(Instant.now()).build();
      return CODEC.encode(f, null);
    }

    /** Half the frames go out intact; the others get one of a dozen kinds of damage. */
    byte[] next(int n) {
      byte[] f = validFrame(n);
      if (random.nextInt(2) == 0) {
        intact++;
        return f;
      }
      mutated++;
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int at = random.nextInt(f.length);
      switch (random.nextInt(12)) {
        case 0 -> { f[at] ^= (byte) (1 << random.nextInt(8)); b.writeBytes(f); }          // one bit flipped
        case 1 -> { f[at] = (byte) random.nextInt(256); b.writeBytes(f); }                // one byte replaced
        case 2 -> { b.write(f, 0, at); b.write(f, at + 1, f.length - at - 1); }            // one byte lost
        case 3 -> { b.write(f, 0, at); b.writeBytes(randomBytes(1 + random.nextInt(20))); b.write(f, at, f.length - at); }
        case 4 -> b.write(f, 0, at);                                                       // cut short
        case 5 -> { b.writeBytes(f); b.writeBytes(randomBytes(random.nextInt(30))); b.writeBytes(f); } // sent twice, junk between
        case 6 -> { b.writeBytes(randomBytes(random.nextInt(50))); b.write('\n'); b.writeBytes(f); }    // junk and a stray LF first
        case 7 -> { b.write(f, 0, at); b.write('\r'); b.write(f, at, f.length - at); }     // CR inside
        case 8 -> { b.write(f, 0, at); b.write('\n'); b.write(f, at, f.length - at); }     // LF inside
        case 9 -> { b.write('\n'); b.writeBytes(randomBytes(5_000)); }                      // longer than any frame
        case 10 -> { for (int i = 0; i < f.length; i++) if (random.nextInt(4) == 0) f[i] = (byte) Character.toLowerCase(f[i]); b.writeBytes(f); }
        default -> b.writeBytes(randomBytes(1 + random.nextInt(200)));                     // noise
      }
      return b.toByteArray();
    }

    byte[] randomBytes(int n) {
      byte[] r = new byte[n];
      for (int i = 0; i < n; i++) r[i] = (byte) random.nextInt(256);
      return r;
    }

    /** The frames the receiver will see on this stream that are valid signals for a known account, by data. */
    Set<String> validSignals(Set<String> knownAccounts, Instant now) {
      Set<String> out = new HashSet<>();
      Dc09StreamFramer framer = new Dc09StreamFramer(ReceiverLimits.defaults().maxFrameBytes());
      framer.feed(stream.toByteArray(), 0, stream.size(), frame -> {
        if (CODEC.decode(frame, KeyLookup.none()) instanceof Dc09Result.Decoded d) {
          Dc09Frame f = d.frame();
          boolean event = f.id() == Dc09Id.SIA_DCS || f.id() == Dc09Id.ADM_CID;
          boolean known = f.account() != null && knownAccounts.contains(f.account().toUpperCase(Locale.ROOT));
          boolean inWindow = f.timestampUtc().map(t -> Duration.between(t, now).abs().toSeconds() < 30).orElse(false);
          if (event && known && inWindow && !f.encrypted()) out.add(f.data());
        }
      });
      return out;
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void mutatedFramesOnManyConnectionsNeitherStopTheReceiverNorStarveCleanPanelsNorLoseValidFrames() throws Exception {
    try (ArcService arc = ArcService.start(ArcConfig.loopback(data))) {
      Set<String> fuzzAccounts = new HashSet<>();
      for (int i = 1; i <= FUZZ_CONNECTIONS; i++) fuzzAccounts.add(String.format("FZ%03d", i));
      for (String a : fuzzAccounts) arc.accounts().create(Account.of(a));
      List<SimulatedAccount> clean = AccountProvisioner.generate("OK", 10, null);
      for (SimulatedAccount a : clean) arc.accounts().create(Account.of(a.number()));
      arc.reloadAccounts();

      InetSocketAddress target = new InetSocketAddress("127.0.0.1", arc.dc09Port());
      LoadgenConfig config = new LoadgenConfig(target, clean, Mode.TCP, 50, Duration.ZERO, FUZZ_TIME.plusSeconds(4),
          Duration.ofSeconds(60), Duration.ofSeconds(5), List.of(InetAddress.getByName("127.0.0.1")), false, 1, SEED);
      try (LoadGenerator panels = new LoadGenerator(config, null)) {
        AtomicReference<LoadReport> report = new AtomicReference<>();
        Thread runner = Thread.ofPlatform().start(() -> {
          try {
            report.set(panels.run(null));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        Thread.sleep(2_000);
        long ackedBeforeFuzz = panels.acked();

        List<Fuzzer> fuzzers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + FUZZ_TIME.toNanos();
        int i = 0;
        for (String account : fuzzAccounts.stream().sorted().toList()) {
          Fuzzer f = new Fuzzer(account, SEED + i++);
          fuzzers.add(f);
          threads.add(Thread.ofPlatform().start(() -> fuzz(f, target, end)));
        }
        long ackedMidFuzz = 0;
        Thread.sleep(FUZZ_TIME.toMillis() / 2);
        ackedMidFuzz = panels.acked();
        for (Thread t : threads) t.join(Duration.ofSeconds(30));
        long ackedAfterFuzz = panels.acked();
        runner.join(Duration.ofSeconds(90));

        // The clean panels kept being answered all along, and every one of their frames was ACKed.
        assertThat(ackedMidFuzz).as("ACKs to clean panels in the first half of the fuzz").isGreaterThan(ackedBeforeFuzz);
        assertThat(ackedAfterFuzz).as("ACKs to clean panels in the second half").isGreaterThan(ackedMidFuzz);
        LoadReport r = report.get();
        assertThat(r.outstanding()).isZero();
        assertThat(r.errors()).as("errors seen by clean panels: %s", r.errorsByKind()).isZero();

        // The receiver is still up: a new connection is answered.
        try (Socket s = new Socket()) {
          s.connect(target, 5_000);
          s.setSoTimeout(30_000);
          Fuzzer probe = new Fuzzer("FZ001", 0);
          s.getOutputStream().write(probe.validFrame(999_999));
          List<byte[]> answers = new ArrayList<>();
          Dc09StreamFramer framer = new Dc09StreamFramer();
          byte[] buf = new byte[1024];
          while (answers.isEmpty()) {
            int n = s.getInputStream().read(buf);
            assertThat(n).as("answer from the receiver after the fuzz").isPositive();
            framer.feed(buf, 0, n, answers::add);
          }
          assertThat(((Dc09Result.Decoded) CODEC.decode(answers.get(0))).frame().id()).isEqualTo(Dc09Id.ACK);
        }

        // Every valid frame the fuzzers sent is stored.
        Instant now = Instant.now();
        Set<String> expected = new HashSet<>();
        int mutated = 0;
        for (Fuzzer f : fuzzers) {
          expected.addAll(f.validSignals(fuzzAccounts, now));
          mutated += f.mutated;
        }
        assertThat(mutated).as("mutated frames sent").isGreaterThan(100);
        assertThat(expected).as("valid frames among the fuzz").isNotEmpty();
        Map<String, Integer> stored = awaitStored(arc, expected, Duration.ofSeconds(60));
        for (String d : expected) assertThat(stored.getOrDefault(d, 0)).as("valid fuzz frame %s stored", d).isGreaterThanOrEqualTo(1);
      }
    }
  }

  /** Writes mutated frames until {@code end}, draining the answers on a second thread. */
  static void fuzz(Fuzzer f, InetSocketAddress target, long end) {
    try (Socket s = new Socket()) {
      s.connect(target, 5_000);
      s.setTcpNoDelay(true);
      InputStream in = s.getInputStream();
      Thread drain = Thread.ofPlatform().daemon(true).start(() -> {
        byte[] buf = new byte[8192];
        try {
          while (in.read(buf) >= 0) {
            // answers (ACK, NAK, DUH) are not checked here: the receiver may answer garbage or not
          }
        } catch (IOException ignored) {
          // closed at the end
        }
      });
      OutputStream out = s.getOutputStream();
      int n = 0;
      while (System.nanoTime() < end) {
        byte[] bytes = f.next(++n);
        out.write(bytes);
        f.stream.writeBytes(bytes); // only what was written counts
        Thread.sleep(10); // up to ~100 pieces/s per connection: busy panels, not a flood beyond the store's rate
      }
      out.flush();
      Thread.sleep(2_000); // let the receiver read to the end before we hang up
      s.shutdownOutput();
      drain.join(30_000);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("fuzz connection " + f.account + " failed: " + e, e);
    }
  }

  static Map<String, Integer> awaitStored(ArcService arc, Set<String> expected, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    Map<String, Integer> stored;
    do {
      stored = new HashMap<>();
      try (Connection c = arc.signals().dataSource().getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT data, count(*) FROM signal WHERE account_number LIKE 'FZ%' GROUP BY data")) {
        while (rs.next()) stored.put(rs.getString(1), rs.getInt(2));
      }
      if (stored.keySet().containsAll(expected)) return stored;
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return stored;
  }
}
