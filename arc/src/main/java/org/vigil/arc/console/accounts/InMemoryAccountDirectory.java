package org.vigil.arc.console.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accounts in memory: the console's stand-in store and test fixture. */
public final class InMemoryAccountDirectory implements AccountDirectory {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, List<Account.PathStatus>> supervision = new ConcurrentHashMap<>();
    private final List<UnknownSignal> unknown = new CopyOnWriteArrayList<>();

    @Override
    public List<Account> all() {
        return accounts.values().stream().sorted(Comparator.comparing(Account::accountId)).toList();
    }

    @Override
    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized Optional<Account> create(Account a) {
        if (accounts.containsKey(a.accountId())) return Optional.empty();
        Account stored = withVersion(a, 1);
        accounts.put(a.accountId(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<Account> update(Account a, long expectedVersion) {
        Account old = accounts.get(a.accountId());
        if (old == null || old.version() != expectedVersion) return Optional.empty();
        Account stored = withVersion(a, old.version() + 1);
        accounts.put(a.accountId(), stored);
        return Optional.of(stored);
    }

    @Override
    public List<Account.PathStatus> supervision(String accountId) {
        return supervision.getOrDefault(accountId, List.of());
    }

    public void setSupervision(String accountId, List<Account.PathStatus> status) {
        supervision.put(accountId, List.copyOf(status));
    }

    @Override
    public List<UnknownSignal> unknownSignals() {
        List<UnknownSignal> out = new ArrayList<>(unknown);
        out.sort(Comparator.comparing(UnknownSignal::receivedAt).reversed());
        return out;
    }

    @Override
    public Optional<UnknownSignal> unknownSignal(String id) {
        return unknown.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public UnknownSignal addUnknown(String receiverPrefix, String accountId, String remote, String rawFrame, Instant at) {
        UnknownSignal u = new UnknownSignal("U" + (unknown.size() + 1), at, receiverPrefix, accountId, remote, rawFrame);
        unknown.add(u);
        return u;
    }

    private static Account withVersion(Account a, long v) {
        return new Account(a.accountId(), a.receiverPrefix(), a.name(), a.address(), a.keyForm(), a.key(), a.paths(),
                a.schedules(), a.keyholders(), a.urnIntruder(), a.urnHoldUp(), a.policeResponseWithdrawn(),
                a.responsePlan(), v, a.duressRoute());
    }
}
