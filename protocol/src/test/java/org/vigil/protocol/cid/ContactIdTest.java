package org.vigil.protocol.cid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactIdTest {

  @Test
  void admCidBodyWithAccountPrefix() {
    var p = (ContactIdParse.Parsed) ContactId.parse("#7099|1131 01 003");
    assertThat(p.account()).isEqualTo("7099");
    assertThat(p.event()).isEqualTo(new ContactIdEvent(1, "131", "01", "003"));
    assertThat(p.event().code()).isEqualTo(131);
    assertThat(ContactId.format("7099", p.event())).isEqualTo("#7099|1131 01 003");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "#7099;0;not followed by '|'",
    "#7099|1131 01 03;6;11 characters",
    "#7099|1131-01 003;10;expected a space",
    "1x31 01 003;1;expected a digit",
  })
  void malformedAdmCidBodiesGiveOffsetAndReason(String data, int offset, String reason) {
    var bad = (ContactIdParse.Invalid) ContactId.parse(data);
    assertThat(bad.offset()).isEqualTo(offset);
    assertThat(bad.reason()).contains(reason);
  }

  @ParameterizedTest
  @CsvSource({"1234 18 1131 01 015 8, 1", "1234 18 3131 01 015 6, 3"})
  void publishedDtmfMessagesVerify(String text, int qualifier) {
    var v = (ContactIdDtmf.Result.Valid) ContactIdDtmf.parse(text);
    assertThat(v.message().account()).isEqualTo("1234");
    assertThat(v.message().messageType()).isEqualTo("18");
    assertThat(v.message().event()).isEqualTo(new ContactIdEvent(qualifier, "131", "01", "015"));
    assertThat(v.message().format()).isEqualTo(text);
  }

  @Test
  void wrongChecksumIsRejectedWithTheExpectedDigit() {
    var bad = (ContactIdDtmf.Result.Invalid) ContactIdDtmf.parse("1234 18 1131 01 015 7");
    assertThat(bad.offset()).isEqualTo(15);
    assertThat(bad.reason()).contains("expected 8");
  }

  @Test
  void wrongLengthAndNonDtmfDigitsAreRejected() {
    assertThat(ContactIdDtmf.parse("1234 18 1131 01 015")).isInstanceOf(ContactIdDtmf.Result.Invalid.class);
    var bad = (ContactIdDtmf.Result.Invalid) ContactIdDtmf.parse("12A4 18 1131 01 015 8");
    assertThat(bad.offset()).isEqualTo(2);
  }

  @Test
  void checkDigitZeroCountsAsTenAndFifteenIsF() {
    // Sum of values for "123418113101015" is 52 -> 8 (published). Zero-valued digits count 10.
    assertThat(ContactIdDtmf.checkDigit("123418113101015")).isEqualTo('8');
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
    for (int i = 0; i < 10_000; i++) {
      ContactIdEvent e = new ContactIdEvent(1 + 2 * r.nextInt(2), String.format("%03d", r.nextInt(1000)),
          String.format("%02d", r.nextInt(100)), String.format("%03d", r.nextInt(1000)));
      ContactIdDtmf m = ContactIdDtmf.of(String.format("%04d", r.nextInt(10000)), "18", e);
      int sum = 0;
      for (char c : (m.format().replace(" ", "")).toCharArray()) sum += ContactIdDtmf.value(c);
      assertThat(sum % 15).isZero();
      assertThat(ContactIdDtmf.parse(m.format())).isEqualTo(new ContactIdDtmf.Result.Valid(m));
    }
  }
}
