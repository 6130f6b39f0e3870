package org.vigil.arc.handling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small imperative shell around {@link AccountHandling} for many accounts: holds one
 * {@link AccountState} per account, applies inputs, ticks only the accounts whose deadline has come, and
 * gives the cross-account queue. Not thread-safe: one thread (or one partition) owns a book. The live
 * ARC persists states through the store; the simulator uses a book on its virtual clock.
 */
public final class AccountBook {

  /** Outcome of applying an input to an account. */
  public sealed interface Outcome {
    record Applied(String accountId, List<HandlingEffect> effects) implements Outcome {}

    /** The account is not in the book: the caller must keep the signal and raise it (never drop it). */
    record UnknownAccount(String accountId) implements Outcome {}
  }

  private final Map<String, AccountState> states = new LinkedHashMap<>();

  /** Adds an account, or updates its profile keeping its alarms and history. */
  public void register(HandlingProfile profile, Instant now) {
    states.merge(profile.accountId(), AccountState.initial(profile, now), (old, fresh) -> old.withProfile(profile, now));
  }

  public Optional<AccountState> state(String accountId) {
    return Optional.ofNullable(states.get(accountId));
  }

  /** Restores a persisted state (e.g. from the store after a restart). */
  public void put(AccountState state) {
    states.put(state.profile().accountId(), state);
  }

  public Outcome apply(String accountId, HandlingInput input, Instant now) {
    AccountState s = states.get(accountId);
    if (s == null) return new Outcome.UnknownAccount(accountId);
    StepResult r = AccountHandling.step(s, input, now);
    states.put(accountId, r.state());
    return new Outcome.Applied(accountId, r.effects());
  }

  /** Ticks every account with a deadline at or before {@code now}; returns only non-empty outcomes. */
  public List<Outcome.Applied> tick(Instant now) {
    List<Outcome.Applied> out = new ArrayList<>();
    for (Map.Entry<String, AccountState> e : states.entrySet()) {
      Optional<Instant> due = e.getValue().nextDeadline();
      if (due.isEmpty() || due.get().isAfter(now)) continue;
      StepResult r = AccountHandling.step(e.getValue(), new HandlingInput.Tick(), now);
      e.setValue(r.state());
      if (!r.effects().isEmpty()) out.add(new Outcome.Applied(e.getKey(), r.effects()));
    }
    return out;
  }

  /** Open alarms of every account in console order: priority, then age. */
  public List<Alarm> queue() {
    return states.values().stream().flatMap(s -> s.openAlarms().stream()).sorted(AlarmQueueOrder.COMPARATOR).toList();
  }
}
