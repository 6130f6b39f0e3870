package org.vigil.arc.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.arc.store.SignalRef;

/** The compact retransmission memory behaves like the plain map it replaced (research A.5: resends within the window). */
class RetransmissionCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

  private static byte[] key(int n) {
    // dedup keys are SHA-256 prefixes: spread the bits the same way
    long h = n * 0x9E3779B97F4A7C15L;
    return ByteBuffer.allocate(16).putLong(h).putLong(~h ^ n).array();
  }

  /** The reference: the LinkedHashMap semantics of the former implementation, without eviction. */
  private static final class Model {
    record E(SignalRef ref, Instant at) {}

    final Map<ByteBuffer, E> m = new LinkedHashMap<>();
    final Duration window;

    Model(Duration window) {
      this.window = window;
    }

    boolean recognise(byte[] k, Instant now, SignalRef newRef) {
      ByteBuffer b = ByteBuffer.wrap(k);
      E e = m.get(b);
      if (e != null && !e.at().plus(window).isBefore(now)) return true;
      m.remove(b);
      m.put(b, new E(newRef, now));
      return false;
    }

    void expire(Instant now) {
      Iterator<E> it = m.values().iterator();
      while (it.hasNext()) if (it.next().at().isBefore(now.minus(window))) it.remove();
    }
  }

  @Test
  void resendsWithinTheWindowAreRecognisedLikeTheMapBeforeSeededRandom() {
    for (long seed = 1; seed <= 5; seed++) {
      Random rnd = new Random(seed);
      Duration window = Duration.ofSeconds(60);
      RetransmissionCache cache = new RetransmissionCache(window, 10_000_000);
      Model model = new Model(window);
      Instant now = T0;
      int maxCapacity = 0;
      for (int step = 0; step < 60_000; step++) {
        // bursts make the ring grow, quiet spells make it shrink again
        int phase = (step / 15_000) % 2;
        now = now.plusMillis(phase == 0 ? rnd.nextInt(3) : 40 + rnd.nextInt(40));
        int op = rnd.nextInt(100);
        if (op < 80) {
          byte[] k = key(rnd.nextInt(phase == 0 ? 20_000 : 500));
          RetransmissionCache.Seen seen = cache.recognise(k, now);
          boolean expected = model.recognise(k, now, seen.ref());
          assertThat(seen.retransmission()).as("seed %d step %d", seed, step).isEqualTo(expected);
          if (expected) assertThat(seen.ref()).isSameAs(model.m.get(ByteBuffer.wrap(k)).ref());
        } else if (op < 85 && !model.m.isEmpty()) {
          // the write could not be queued: the newest entry is forgotten
          List<ByteBuffer> keys = new ArrayList<>(model.m.keySet());
          ByteBuffer last = keys.get(keys.size() - 1);
          cache.forget(last.array(), model.m.get(last).ref());
          model.m.remove(last);
        } else if (op < 90) {
          cache.expire(now);
          model.expire(now);
        } else {
          byte[] k = key(rnd.nextInt(20_000));
          RetransmissionCache.Seen a = cache.recognise(k, now);
          RetransmissionCache.Seen b = cache.recognise(k, now);
          model.recognise(k, now, a.ref());
          assertThat(b.retransmission()).isTrue();
          assertThat(b.ref()).isSameAs(a.ref());
        }
        maxCapacity = Math.max(maxCapacity, cache.capacity());
      }
      cache.expire(now);
      model.expire(now);
      assertThat(cache.size()).isEqualTo(model.m.size());
      assertThat(maxCapacity).as("grew under the burst").isGreaterThanOrEqualTo(8_192);
      assertThat(cache.capacity()).as("gave memory back after it").isLessThan(maxCapacity);
    }
  }

  @Test
  void aResendAfterTheWindowIsANewSignal() {
    RetransmissionCache cache = new RetransmissionCache(Duration.ofMinutes(10), 1000);
    assertThat(cache.recognise(key(1), T0).retransmission()).isFalse();
    assertThat(cache.recognise(key(1), T0.plus(Duration.ofMinutes(10))).retransmission()).isTrue();
    assertThat(cache.recognise(key(1), T0.plus(Duration.ofMinutes(10)).plusMillis(1)).retransmission()).isFalse();
  }

  @Test
  void boundedTheOldestGoFirst() {
    RetransmissionCache cache = new RetransmissionCache(Duration.ofMinutes(10), 64);
    for (int i = 0; i < 1000; i++) cache.recognise(key(i), T0.plusMillis(i));
    assertThat(cache.size()).isEqualTo(64);
    assertThat(cache.capacity()).isEqualTo(64);
    for (int i = 1000 - 64; i < 1000; i++) assertThat(cache.recognise(key(i), T0.plusSeconds(2)).retransmission()).isTrue();
    assertThat(cache.recognise(key(0), T0.plusSeconds(2)).retransmission()).isFalse();
  }

  @Test
  void signalsFromTheStoreAreRecognisedAfterARestartWithTheirIds() {
    RetransmissionCache cache = new RetransmissionCache(Duration.ofMinutes(10), 1000);
    cache.remember(ByteBuffer.wrap(key(7)), 4242, T0);
    RetransmissionCache.Seen seen = cache.recognise(key(7), T0.plusSeconds(30));
    assertThat(seen.retransmission()).isTrue();
    assertThat(seen.ref().id()).isEqualTo(4242);
    assertThat(cache.recognise(key(8), T0.plusSeconds(30)).retransmission()).isFalse();
  }

  @Test
  void expiryEmptiesTheMemoryAndShrinksIt() {
    RetransmissionCache cache = new RetransmissionCache(Duration.ofMinutes(1), 2_000_000);
    for (int i = 0; i < 100_000; i++) cache.recognise(key(i), T0.plusMillis(i / 10));
    assertThat(cache.size()).isEqualTo(100_000);
    assertThat(cache.capacity()).isGreaterThanOrEqualTo(100_000);
    for (int s = 0; s < 20; s++) cache.expire(T0.plus(Duration.ofMinutes(5)));
    assertThat(cache.size()).isZero();
    assertThat(cache.capacity()).isEqualTo(4096);
    assertThat(cache.recognise(key(5), T0.plus(Duration.ofMinutes(5))).retransmission()).isFalse();
  }
}
