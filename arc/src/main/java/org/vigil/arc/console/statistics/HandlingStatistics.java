package org.vigil.arc.console.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.arc.console.accounts.Account;
import org.vigil.arc.console.accounts.AccountDirectory;
import org.vigil.arc.console.queue.AlarmDesk;
import org.vigil.arc.console.queue.AlarmView;

/**
 * Alarm handling times against the EN 50518 targets. The targets (80 % within 30 s, 98.5 % within 60 s, receipt
 * to operator acknowledgement) are marked UNVERIFIED in research/standards.md: they are shown as such.
 */
public final class HandlingStatistics {
    public static final String TARGET_SOURCE = "EN 50518 (UNVERIFIED: research/standards.md section 5)";

    public record Target(int withinSeconds, double targetPercent, double actualPercent, boolean met, String source) {}

    public record Report(Instant from, Instant to, int alarmsTaken, int alarmsClosed,
                         List<Long> secondsToTake, List<Long> secondsToClose,
                         double medianSecondsToTake, double medianSecondsToClose,
                         List<Target> targets, long[] signalsPerSecond, List<FailingAccount> accountsWithFailingPaths) {}

    public record FailingAccount(String accountId, String name, List<String> failedPaths) {}

    private HandlingStatistics() {}

    public static Report compute(AlarmDesk desk, AccountDirectory accounts, SignalRate rate, Instant now, Duration window) {
        Instant from = now.minus(window);
        List<AlarmView> relevant = new ArrayList<>(desk.closedSince(from));
        relevant.addAll(desk.open());
        List<Long> toTake = new ArrayList<>(), toClose = new ArrayList<>();
        for (AlarmView a : relevant) {
            if (a.raisedAt().isBefore(from)) continue;
            if (a.takenAt() != null) toTake.add(Duration.between(a.raisedAt(), a.takenAt()).toSeconds());
            if (a.closedAt() != null) toClose.add(Duration.between(a.raisedAt(), a.closedAt()).toSeconds());
        }
        toTake.sort(null);
        toClose.sort(null);
        List<Target> targets = List.of(target(toTake, 30, 80.0), target(toTake, 60, 98.5));
        List<FailingAccount> failing = new ArrayList<>();
        for (Account acc : accounts.all()) {
            List<String> bad = accounts.supervision(acc.accountId()).stream().filter(Account.PathStatus::failed)
                    .map(Account.PathStatus::path).toList();
            if (!bad.isEmpty()) failing.add(new FailingAccount(acc.accountId(), acc.name(), bad));
        }
        return new Report(from, now, toTake.size(), toClose.size(), toTake, toClose, median(toTake), median(toClose),
                targets, rate.perSecond(now, 60), failing);
    }

    private static Target target(List<Long> sortedSeconds, int within, double targetPercent) {
        if (sortedSeconds.isEmpty()) return new Target(within, targetPercent, 100.0, true, TARGET_SOURCE);
        long ok = sortedSeconds.stream().filter(s -> s <= within).count();
        double pct = Math.round(1000.0 * ok / sortedSeconds.size()) / 10.0;
        return new Target(within, targetPercent, pct, pct >= targetPercent, TARGET_SOURCE);
    }

    private static double median(List<Long> sorted) {
        if (sorted.isEmpty()) return 0;
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
