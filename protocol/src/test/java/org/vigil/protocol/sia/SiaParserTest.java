package org.vigil.protocol.sia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiaParserTest {

  static SiaBlock parsed(String data) {
    SiaParse p = SiaParser.parse(data);
    assertThat(p).as(p.toString()).isInstanceOf(SiaParse.Parsed.class);
    return ((SiaParse.Parsed) p).block();
  }

  @Test
  void accountAndOneEventWithArea() {
    SiaBlock b = parsed("#1234|Nri1/BA12");
    assertThat(b.account()).isEqualTo("1234");
    assertThat(b.events()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("BA");
      assertThat(e.number()).isEqualTo("12");
      assertThat(e.area()).isEqualTo("1");
    });
  }

  @Test
  void modifiersWithoutSeparatorsAsIoBrokerSendsThem() {
    SiaEvent e = parsed("#12345|Nri0000pi0006da10-25-18ti14:37:53UT0000^$PR,SCOMPARSA ,Centrale^")
        .events().get(0);
    assertThat(e.code()).isEqualTo("UT");
    assertThat(e.number()).isEqualTo("0000");
    assertThat(e.area()).isEqualTo("0000");
    assertThat(e.peripheral()).isEqualTo("0006");
    assertThat(e.date()).isEqualTo("10-25-18");
    assertThat(e.time()).isEqualTo("14:37:53");
    assertThat(e.text()).isEqualTo("$PR,SCOMPARSA ,Centrale");
  }

  @Test
  void timeUserAndAreaModifiersBeforeACodeWithoutNumber() {
    SiaEvent e = parsed("#3080|Nti19:44/id1/ri4/RP").events().get(0);
    assertThat(e.code()).isEqualTo("RP");
    assertThat(e.number()).isEmpty();
    assertThat(e.time()).isEqualTo("19:44");
    assertThat(e.user()).isEqualTo("1");
    assertThat(e.area()).isEqualTo("4");
  }

  @Test
  void areaNameTextAndEventTextAreKeptApart() {
    SiaEvent e = parsed("#7878|Nri01^TOTAL^/LX901^centrale d'alarme JA-106K(R)^").events().get(0);
    assertThat(e.code()).isEqualTo("LX");
    assertThat(e.number()).isEqualTo("901");
    assertThat(e.modifierText()).isEqualTo("TOTAL");
    assertThat(e.text()).isEqualTo("centrale d'alarme JA-106K(R)");
  }

  @Test
  void asciiBlockAfterTheEvent() {
    SiaBlock b = parsed("#1234|NRR|Atest");
    assertThat(b.events()).extracting(SiaEvent::code).containsExactly("RR");
    assertThat(b.asciiText()).isEqualTo("test");
  }

  @Test
  void leadingPipeWithoutAccountAndNoSlashBetweenAreaAndCode() {
    assertThat(parsed("|Nri2/JC12").account()).isNull();
    SiaEvent e = parsed("#123456|Nri1CL0^VX FRONTE ^").events().get(0);
    assertThat(e.code()).isEqualTo("CL");
    assertThat(e.number()).isEqualTo("0");
    assertThat(e.area()).isEqualTo("1");
    assertThat(e.text()).isEqualTo("VX FRONTE ");
  }

  @Test
  void trailingLettersAfterTheNumberAreKeptAsExtra() {
    SiaEvent e = parsed("#006969|Nri04/OP001NM").events().get(0);
    assertThat(e.code()).isEqualTo("OP");
    assertThat(e.number()).isEqualTo("001");
    assertThat(e.extra()).isEqualTo("NM");
  }

  @Test
  void severalEventsInOneBlockKeepTheAreaButNotTheUser() {
    List<SiaEvent> es = parsed("Nri1/id7/OP1/BA12/ri2/BA14").events();
    assertThat(es).extracting(SiaEvent::code).containsExactly("OP", "BA", "BA");
    assertThat(es).extracting(SiaEvent::area).containsExactly("1", "1", "2");
    assertThat(es).extracting(SiaEvent::user).containsExactly("7", null, null);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "#1234;0;account '#...' not followed by '|'",
    "#1234|X;6;expected 'N'",
    "Nri1;4;event block without an event code",
    "NBA1^open;4;text not closed",
    "NB1;1;expected a modifier",
    "NBA1Z|;4;",
  })
  void malformedBlocksGiveTheOffsetAndReason(String data, int offset, String reason) {
    SiaParse p = SiaParser.parse(data);
    if (reason == null) {
      assertThat(p).isInstanceOf(SiaParse.Parsed.class);
      return;
    }
    assertThat(p).isInstanceOf(SiaParse.Invalid.class);
    SiaParse.Invalid bad = (SiaParse.Invalid) p;
    assertThat(bad.offset()).isEqualTo(offset);
    assertThat(bad.reason()).contains(reason);
  }

  @Test
  void seededRandomBlocksRoundTripThroughEncodeAndParse() {
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(99);
    for (int i = 0; i < 5_000; i++) {
      SiaBlock block = randomBlock(r);
      String text = block.encode();
      assertThat(parsed(text)).as(text).isEqualTo(block);
    }
  }

  static SiaBlock randomBlock(RandomGenerator r) {
    boolean hasArea = r.nextBoolean();
    boolean hasTime = r.nextBoolean();
    List<SiaEvent> events = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      Map<String, String> mods = new LinkedHashMap<>();
      if (hasArea) mods.put("ri", String.valueOf(r.nextInt(3)));
      if (hasTime) mods.put("ti", String.format("%02d:%02d", r.nextInt(24), r.nextInt(60)));
      if (r.nextInt(3) == 0) mods.put("id", String.format("%03d", r.nextInt(1000)));
      String code = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
      String number = r.nextBoolean() ? String.valueOf(r.nextInt(1000)) : "";
      String text = r.nextInt(4) == 0 ? "Zone " + r.nextInt(99) : "";
      events.add(new SiaEvent(code, number, mods, text, "", ""));
    }
    // Keep modifiers in a stable order per block so persistence reproduces them.
    String account = r.nextBoolean() ? String.valueOf(1000 + r.nextInt(9000)) : null;
    String ascii = r.nextInt(5) == 0 ? "text " + r.nextInt(100) : null;
    return new SiaBlock(account, events, ascii);
  }
}
