package org.vigil.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.vigil.protocol.cid.ContactId;
import org.vigil.protocol.cid.ContactIdDtmf;
import org.vigil.protocol.sia.SiaParser;

/** Seeded mutations of real payloads: the payload parsers return a result, never throw. */
class PayloadFuzzTest {

  static final String[] SEEDS = {
    "#1234|Nri1/BA12", "#12345|Nri0000pi0006da10-25-18ti14:37:53UT0000^$PR,SCOMPARSA^",
    "#3080|Nti19:44/id1/ri4/RP", "#7878|Nri01^TOTAL^/LX901^centrale^", "#1234|NRR|Atest",
    "|Nri2/JC12", "#006969|Nri04/OP001NM", "#7099|1131 01 003", "#4F39|3401 01 057",
    "1234 18 1131 01 015 8",
  };
  static final String ALPHABET = "#|^/ N A ri id ti da 0123456789 :- BACLOP[]\u00ff\u0000";

  @Test
  void mutatedPayloadsGiveAResultNeverAnException() {
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder(SEEDS[r.nextInt(SEEDS.length)]);
      int edits = 1 + r.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = sb.isEmpty() ? 0 : r.nextInt(sb.length());
        char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
        switch (r.nextInt(3)) {
          case 0 -> { if (!sb.isEmpty()) sb.setCharAt(at, c); }
          case 1 -> sb.insert(at, c);
          default -> { if (!sb.isEmpty()) sb.deleteCharAt(at); }
        }
      }
      String s = sb.toString();
      try {
        assertThat(SiaParser.parse(s)).isNotNull();
        assertThat(ContactId.parse(s)).isNotNull();
        assertThat(ContactIdDtmf.parse(s)).isNotNull();
        assertThat(SignalEvents.ofSia(s)).isNotEmpty();
        assertThat(SignalEvents.ofContactId(s)).hasSize(1);
      } catch (RuntimeException | AssertionError ex) {
        if (failures.size() < 10) failures.add(ex + " on [" + s + "]");
      }
    }
    assertThat(failures).isEmpty();
  }
}
