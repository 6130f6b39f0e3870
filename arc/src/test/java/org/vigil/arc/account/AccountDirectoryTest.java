package org.vigil.arc.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountDirectoryTest {
  static Account acct(long id, String number, String r, String l) {
    return new Account(id, number, r, l, "", "", "", null, null, false, true, 40, 20, Set.of(), List.of(), 30);
  }

  @Test
  void accountNumbersMatchCaseInsensitively() {
    AccountDirectory d = new AccountDirectory();
    d.replaceAll(List.of(acct(1, "FOC7688", "", "")));
    assertThat(d.lookup(null, null, "foc7688")).map(Account::id).contains(1L);
  }

  @Test
  void anAccountForASpecificReceiverAndLineWinsOverAnyAndOthersNeverMatch() {
    AccountDirectory d = new AccountDirectory();
    d.replaceAll(List.of(acct(1, "1234", "", ""), acct(2, "1234", "1", "2"), acct(3, "1234", "5", "")));
    assertThat(d.lookup("01", "002", "1234")).map(Account::id).contains(2L);
    assertThat(d.lookup("5", "9", "1234")).map(Account::id).contains(3L);
    assertThat(d.lookup(null, null, "1234")).map(Account::id).contains(1L);
    assertThat(d.lookup("7", null, "1234")).map(Account::id).contains(1L);
    assertThat(d.lookup(null, null, "9999")).isEmpty();
  }

  @Test
  void sameNumberOnOtherLinesOnlyIsUnknown() {
    AccountDirectory d = new AccountDirectory();
    d.replaceAll(List.of(acct(2, "1234", "1", "2")));
    assertThat(d.lookup("1", "3", "1234")).isEmpty();
  }
}
