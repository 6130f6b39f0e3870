package org.vigil.arc.console;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.vigil.arc.console.accounts.AccountDirectory;
import org.vigil.arc.console.auth.PasswordHasher;
import org.vigil.arc.console.queue.AlarmDesk;
import org.vigil.arc.console.statistics.SignalRate;

/**
 * What the console needs from the ARC: the database (operators and audit, migration V100), the alarm desk, the
 * account directory and the signal rate. {@code adminPassword} is the {@code --admin-password} flag, if given.
 */
public record ConsoleDependencies(DataSource database, AlarmDesk desk, AccountDirectory accounts, SignalRate signalRate,
                                  Clock clock, int passwordIterations, Optional<String> adminPassword) {
    public ConsoleDependencies {
        if (passwordIterations <= 0) passwordIterations = PasswordHasher.DEFAULT_ITERATIONS;
        if (adminPassword == null) adminPassword = Optional.empty();
    }
}
