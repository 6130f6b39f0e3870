package org.vigil.arc.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory account table the receiver consults for every frame (no database round trip on
 * the hot path). Immutable snapshots are swapped atomically when accounts change.
 */
public final class AccountDirectory {
  private volatile Map<String, List<Account>> byNumber = Map.of();
  private volatile Map<Long, Account> byId = Map.of();

  public void replaceAll(Collection<Account> accounts) {
    Map<String, List<Account>> n = new HashMap<>();
    Map<Long, Account> i = new HashMap<>();
    for (Account a : accounts) {
      n.computeIfAbsent(a.numberKey(), k -> new ArrayList<>()).add(a);
      i.put(a.id(), a);
    }
    n.replaceAll((k, v) -> List.copyOf(v));
    byNumber = Map.copyOf(n);
    byId = Map.copyOf(i);
  }

  public Optional<Account> byId(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<Account> all() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }

  /**
   * The account a frame belongs to. An account defined for a specific receiver/line wins over one
   * defined for "any"; an account for another receiver or line never matches (the same number may be
   * reused on different lines, as Patriot allows).
   *
   * @param receiver the frame's R field as received, null when absent
   * @param line the frame's L field as received, null when absent
   */
  public Optional<Account> lookup(String receiver, String line, String number) {
    List<Account> candidates = byNumber.get(Account.numberKey(number));
    if (candidates == null) return Optional.empty();
    String r = Account.normaliseHex(receiver);
    String l = Account.normaliseHex(line);
    Account best = null;
    int bestScore = -1;
    for (Account a : candidates) {
      int score = 0;
      if (!a.receiver().isEmpty()) {
        if (!a.receiver().equals(r)) continue;
        score += 2;
      }
      if (!a.line().isEmpty()) {
        if (!a.line().equals(l)) continue;
        score += 1;
      }
      if (score > bestScore) {
        best = a;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }
}
