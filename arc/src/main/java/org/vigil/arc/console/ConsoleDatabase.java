package org.vigil.arc.console;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Runs the Flyway migrations (the console's are V100+ in {@code db/migration}, next to the store's). */
public final class ConsoleDatabase {
    private ConsoleDatabase() {}

    public static void migrate(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }
}
