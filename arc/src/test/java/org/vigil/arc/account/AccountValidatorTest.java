package org.vigil.arc.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountValidatorTest {
  static Account with(String number, String key, KeyForm form) {
    return Account.of(number).withKey(key, form);
  }

  static List<String> fields(Account a) {
    return AccountValidator.problems(a).stream().map(AccountProblem::field).toList();
  }

  @Test
  void defaultsFollowTheDc09WindowOfPlus20MinusForty() {
    Account a = Account.of("1234");
    assertThat(a.windowFutureSeconds()).isEqualTo(20);
    assertThat(a.windowPastSeconds()).isEqualTo(40);
    assertThat(a.checkTimestamp()).isTrue();
    assertThat(AccountValidator.problems(a)).isEmpty();
  }

  @Test
  void hexKeysAre32Or48Or64HexDigits() {
    assertThat(fields(with("1234", "00112233445566778899AABBCCDDEEFF", KeyForm.HEX))).isEmpty();
    assertThat(fields(with("1234", "00112233445566778899AABBCCDDEEFF0011223344556677", KeyForm.HEX))).isEmpty();
    assertThat(fields(with("1234", "00112233445566778899AABBCCDDEEF", KeyForm.HEX))).containsExactly("key");
    assertThat(fields(with("1234", "00112233445566778899AABBCCDDEEFG", KeyForm.HEX))).containsExactly("key");
  }

  @Test
  void asciiKeysAre16Or24Or32PrintableCharacters() {
    assertThat(fields(with("1234", "FA415FA2FB3C7F13", KeyForm.ASCII))).isEmpty();
    assertThat(fields(with("1234", "short", KeyForm.ASCII))).containsExactly("key");
    assertThat(fields(with("1234", "FA415FA2FB3C7F1\u0001", KeyForm.ASCII))).containsExactly("key");
  }

  @Test
  void encryptionRequiredNeedsAKey() {
    Account a = new Account(0, "1234", "", "", "", "", "", null, null, true, true, 40, 20, Set.of(), List.of(), 30);
    assertThat(fields(a)).containsExactly("encryptionRequired");
  }

  @Test
  void badNumberReceiverLineWindowAndPathsAreEachReported() {
    Account a = new Account(0, "12", "XYZ", "1234567", "", "", "", null, null, false, true, -1, 20, Set.of(),
        List.of(new SupervisedPath("nonsense", 0, ""), new SupervisedPath("R1L1", 90, ""), new SupervisedPath("R1L1", 90, "")), 30);
    assertThat(fields(a)).contains("number", "receiver", "line", "windowPastSeconds", "supervision[nonsense]", "supervision[R1L1]");
  }

  @Test
  void theKeyNeverAppearsInTextOutput() {
    Account a = with("1234", "00112233445566778899AABBCCDDEEFF", KeyForm.HEX);
    assertThat(a.toString()).doesNotContain("00112233").contains("***");
    assertThat(a.label()).doesNotContain("00112233");
    assertThat(AccountDocument.of(a).key()).isNull();
    assertThat(AccountDocument.of(a).keyConfigured()).isTrue();
  }

  @Test
  void receiverAndLineCompareAsHexNumbers() {
    assertThat(Account.normaliseHex("001")).isEqualTo("1");
    assertThat(Account.normaliseHex("0")).isEqualTo("0");
    assertThat(Account.normaliseHex("c0ffd")).isEqualTo("C0FFD");
    assertThat(Account.normaliseHex(null)).isEmpty();
  }
}
