package org.vigil.arc.console.accounts;

import java.util.List;
import java.util.Optional;

/**
 * What the console needs from the account store. {@link InMemoryAccountDirectory} is the stand-in; the ARC I store
 * implements it through an adapter once wired.
 */
public interface AccountDirectory {
    List<Account> all();

    Optional<Account> find(String accountId);

    /** Creates the account; empty when the id is already taken. The version is set by the directory. */
    Optional<Account> create(Account account);

    /** Updates the account when {@code expectedVersion} matches; empty otherwise (edited by someone else). */
    Optional<Account> update(Account account, long expectedVersion);

    List<Account.PathStatus> supervision(String accountId);

    List<UnknownSignal> unknownSignals();

    Optional<UnknownSignal> unknownSignal(String id);
}
