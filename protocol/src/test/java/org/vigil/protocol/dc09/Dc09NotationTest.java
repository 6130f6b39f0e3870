package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class Dc09NotationTest {

  @Test
  void namedAndHexBytesAreParsed() {
    assertThat(Dc09Notation.parse("<LF><0xD1>K0029\"NULL\"<CR><0x00>").orElseThrow())
        .containsExactly(0x0A, 0xD1, 'K', '0', '0', '2', '9', '"', 'N', 'U', 'L', 'L', '"', 0x0D, 0);
  }

  @Test
  void charactersThatAreNotBytesAreRefused() {
    assertThat(Dc09Notation.parse("<LF>\u20ac<CR>")).isEmpty();
  }

  @Test
  void formatThenParseGivesTheSameBytes() {
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
    for (int i = 0; i < 2_000; i++) {
      byte[] b = new byte[r.nextInt(60)];
      r.nextBytes(b);
      assertThat(Dc09Notation.parse(Dc09Notation.format(b)).orElseThrow()).isEqualTo(b);
    }
  }
}
