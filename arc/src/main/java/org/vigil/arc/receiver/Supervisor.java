package org.vigil.arc.receiver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.SupervisedPath;
import org.vigil.arc.store.SignalStore.PathStateView;

/**
 * The shell around {@link PathSupervision}: one state per (account, path), fed by frames and by a
 * periodic tick, with every fault or restore handed to {@code changes} (which stores it as an ARC
 * signal before publishing). Thread-safe; the time is always passed in.
 */
public final class Supervisor {
  private record Key(long accountId, String path) {}

  private final Map<Key, PathSupervision.PathState> paths = new HashMap<>();
  private final Map<Key, PathStateView> persisted = new HashMap<>();
  private final Consumer<PathSupervision.Change> changes;
  private final Instant startedAt;

  /**
   * @param persisted path states from the store (last seen, faulted) so a restart keeps them
   * @param startedAt the service start: the ARC's own downtime is never blamed on a path, so no
   *     deadline falls before {@code startedAt + interval + grace}
   */
  public Supervisor(List<PathStateView> persisted, Instant startedAt, Consumer<PathSupervision.Change> changes) {
    for (PathStateView p : persisted) this.persisted.put(new Key(p.accountId(), p.path()), p);
    this.startedAt = startedAt;
    this.changes = changes;
  }

  /** The interval that applies to {@code path} for this account, if it is supervised at all. */
  public static Optional<SupervisedPath> supervisionFor(Account a, String path) {
    SupervisedPath any = null;
    for (SupervisedPath s : a.supervision()) {
      if (s.path().equals(path)) return Optional.of(s);
      if (s.matchesAny()) any = s;
    }
    return Optional.ofNullable(any);
  }

  /** Accounts were (re)loaded: create expected paths, apply new intervals, drop removed ones. */
  public synchronized void configure(Iterable<Account> accounts, Instant now) {
    Set<Key> keep = new HashSet<>();
    for (Account a : accounts) {
      Duration grace = Duration.ofSeconds(a.supervisionGraceSeconds());
      for (SupervisedPath s : a.supervision()) {
        if (s.matchesAny()) continue;
        Key k = new Key(a.id(), s.path());
        keep.add(k);
        paths.compute(k, (key, old) -> old == null
            ? restore(key, s.technology(), Duration.ofSeconds(s.intervalSeconds()), grace)
            : PathSupervision.reconfigure(old, s.technology(), Duration.ofSeconds(s.intervalSeconds()), grace, now));
      }
      // paths first seen through "*" stay while the account still has a "*" entry
      Optional<SupervisedPath> any = a.supervision().stream().filter(SupervisedPath::matchesAny).findFirst();
      for (var e : paths.entrySet()) {
        if (e.getKey().accountId() != a.id() || keep.contains(e.getKey())) continue;
        if (any.isPresent()) {
          keep.add(e.getKey());
          e.setValue(PathSupervision.reconfigure(e.getValue(), any.get().technology(),
              Duration.ofSeconds(any.get().intervalSeconds()), grace, now));
        }
      }
    }
    paths.keySet().retainAll(keep);
  }

  private PathSupervision.PathState restore(Key k, String technology, Duration interval, Duration grace) {
    PathStateView p = persisted.get(k);
    return PathSupervision.PathState.expected(k.accountId(), k.path(), technology, interval, grace,
        p == null ? null : p.lastSeen(), p != null && p.faulted(), startedAt);
  }

  /** A frame from {@code account} arrived on {@code path}. Returns the path's technology label ("" if unsupervised). */
  public String onFrame(Account account, String path, Instant now) {
    Optional<SupervisedPath> sup = supervisionFor(account, path);
    if (sup.isEmpty()) return "";
    Optional<PathSupervision.Change> change;
    synchronized (this) {
      Key k = new Key(account.id(), path);
      PathSupervision.PathState s = paths.get(k);
      if (s == null)
        s = restore(k, sup.get().technology(), Duration.ofSeconds(sup.get().intervalSeconds()),
            Duration.ofSeconds(account.supervisionGraceSeconds()));
      PathSupervision.Step step = PathSupervision.onFrame(s, now);
      paths.put(k, step.state());
      change = step.change();
    }
    change.ifPresent(changes);
    return sup.get().technology();
  }

  /** Faults every path whose deadline has passed. */
  public void tick(Instant now) {
    List<PathSupervision.Change> out = new ArrayList<>();
    synchronized (this) {
      for (var e : paths.entrySet()) {
        PathSupervision.Step step = PathSupervision.onTick(e.getValue(), now);
        e.setValue(step.state());
        step.change().ifPresent(out::add);
      }
    }
    out.forEach(changes);
  }

  public synchronized List<PathSupervision.PathState> snapshot() {
    return List.copyOf(paths.values());
  }
}
