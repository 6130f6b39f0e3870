package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Encode then decode gives the same fields, over seeded random frames. */
class Dc09RoundTripTest {

  static RandomGenerator seeded(long seed) {
    return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
  }

  @Test
  void clearFramesRoundTrip() {
    RandomGenerator r = seeded(1);
    Dc09Codec codec = Dc09Codec.withRandom(r);
    for (int i = 0; i < 20_000; i++) {
      Dc09Frame f = RandomFrames.frame(r, false);
      byte[] bytes = codec.encode(f, null);
      Dc09Result back = codec.decode(bytes);
      assertThat(back).as("%s -> %s", f, Dc09Notation.format(bytes)).isInstanceOf(Dc09Result.Decoded.class);
      Dc09Result.Decoded d = (Dc09Result.Decoded) back;
      assertThat(d.frame()).isEqualTo(f);
      assertThat(d.deviations()).isEmpty();
      assertThat(d.frame().raw()).isEqualTo(bytes);
    }
  }

  static Stream<Arguments> keyKinds() {
    return Stream.of(128, 192, 256).flatMap(bits ->
        Stream.of(KeyForm.HEX, KeyForm.ASCII).map(form -> Arguments.of(bits, form)));
  }

  @ParameterizedTest(name = "AES-{0} {1} key")
  @MethodSource("keyKinds")
  void encryptedFramesRoundTripAtEveryKeySizeAndForm(int bits, KeyForm form) {
    RandomGenerator r = seeded(bits * 10L + form.ordinal());
    Dc09Codec codec = Dc09Codec.withRandom(r);
    for (int i = 0; i < 3_000; i++) {
      Dc09Key key = RandomFrames.key(r, bits, form);
      assertThat(key.bits()).isEqualTo(bits);
      Dc09Frame f = RandomFrames.frame(r, true);
      byte[] bytes = codec.encode(f, key);
      Dc09Result back = codec.decode(bytes, KeyLookup.always(key));
      assertThat(back).as("%s", f).isInstanceOf(Dc09Result.Decoded.class);
      assertThat(((Dc09Result.Decoded) back).frame()).isEqualTo(f);
      assertThat(((Dc09Result.Decoded) back).deviations()).isEmpty();
    }
  }

  @Test
  void padNeverContainsPipeOrBracketsAndMakesWholeBlocks() {
    RandomGenerator r = seeded(7);
    Dc09Key key = RandomFrames.key(r, 128, KeyForm.HEX);
    Dc09Codec codec = Dc09Codec.withRandom(r);
    for (int i = 0; i < 2_000; i++) {
      Dc09Frame f = RandomFrames.frame(r, true);
      byte[] bytes = codec.encode(f, key);
      String s = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      String hex = s.substring(s.lastIndexOf('[') + 1, s.length() - 1);
      assertThat(hex.length() % 32).isZero();
      byte[] plain = aesDecrypt(key, java.util.HexFormat.of().parseHex(hex));
      int pipe = 0;
      while (plain[pipe] != '|') {
        assertThat(plain[pipe]).isNotIn((byte) '[', (byte) ']');
        pipe++;
      }
      assertThat(pipe).isBetween(1, 16);
    }
  }

  @Test
  void differentPadsGiveDifferentCiphertextForTheSameFrame() {
    Dc09Key key = RandomFrames.key(seeded(3), 128, KeyForm.HEX);
    Dc09Frame f = RandomFrames.frame(seeded(4), true);
    Dc09Codec codec = Dc09Codec.withRandom(seeded(5));
    assertThat(codec.encode(f, key)).isNotEqualTo(codec.encode(f, key));
  }

  static byte[] aesDecrypt(Dc09Key key, byte[] ct) {
    try {
      javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
      c.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key.bytes(), "AES"),
          new javax.crypto.spec.IvParameterSpec(new byte[16]));
      return c.doFinal(ct);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
