package org.vigil.arc.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.handling.HandlingInput.SignalReceived;

class AccountBookTest {

  static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");

  @Test
  void signalForAnUnknownAccountIsReportedNotDropped() {
    AccountBook book = new AccountBook();
    AccountBook.Outcome o = book.apply("nope", new SignalReceived(StoredSignal.contactId("1", T0, 130, 1, "1", null, null)), T0);
    assertThat(o).isEqualTo(new AccountBook.Outcome.UnknownAccount("nope"));
  }

  @Test
  void tickFiresOnlyDueAccountsAndQueueSpansAccounts() {
    AccountBook book = new AccountBook();
    book.register(HandlingProfile.builder("A").build(), T0);
    book.register(HandlingProfile.builder("B").holdUpUrn("U").build(), T0);
    book.apply("A", new SignalReceived(StoredSignal.contactId("a1", T0, 130, 1, "1", null, null)), T0);
    book.apply("B", new SignalReceived(StoredSignal.contactId("b1", T0.plusSeconds(5), 122, 1, "9", "hd", null)), T0.plusSeconds(5));
    assertThat(book.queue()).extracting(Alarm::id).containsExactly("B-1", "A-1");

    assertThat(book.tick(T0.plusSeconds(119))).isEmpty();
    List<AccountBook.Outcome.Applied> fired = book.tick(T0.plusSeconds(120));
    assertThat(fired).extracting(AccountBook.Outcome.Applied::accountId).containsExactly("A");
    assertThat(fired.get(0).effects()).anyMatch(e -> e instanceof HandlingEffect.FilterExpired);
  }

  @Test
  void reRegisteringKeepsAlarmsAndChangesTheProfile() {
    AccountBook book = new AccountBook();
    book.register(HandlingProfile.builder("A").build(), T0);
    book.apply("A", new SignalReceived(StoredSignal.contactId("a1", T0, 130, 1, "1", null, null)), T0);
    book.register(HandlingProfile.builder("A").intruderUrn("URN-NEW").build(), T0.plusSeconds(1));
    AccountState s = book.state("A").orElseThrow();
    assertThat(s.openAlarms()).hasSize(1);
    assertThat(s.intruderResponse().urn()).isEqualTo("URN-NEW");
  }
}
