package org.vigil.arc.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL (Zonky embedded) for the whole test JVM; every test gets a fresh database of
 * its own through {@link #newDatabase()}, so tests never see each other's rows.
 */
public final class TestPostgres {
  private static EmbeddedPostgres pg;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres pg() {
    if (pg == null) {
      try {
        pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Stop it at exit, but never hold the JVM's exit for long (a throwaway server in a temp dir).
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        Thread closer = new Thread(() -> {
          try {
            pg.close();
          } catch (IOException ignored) {
            // JVM exit
          }
        });
        closer.setDaemon(true);
        closer.start();
        try {
          closer.join(5_000);
        } catch (InterruptedException ignored) {
          // exiting anyway
        }
      }));
    }
    return pg;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String newDatabase() {
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = pg().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return pg().getJdbcUrl("postgres", name);
  }

  /** Runs SQL as superuser on the server's postgres database (to make a test database unavailable). */
  public static void admin(String sql) {
    try (Connection c = pg().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String databaseName(String jdbcUrl) {
    String tail = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    int q = tail.indexOf('?');
    return q < 0 ? tail : tail.substring(0, q);
  }
}
