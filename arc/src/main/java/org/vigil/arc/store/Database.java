package org.vigil.arc.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A pooled connection to the ARC's PostgreSQL, migrated to the current schema (Flyway). */
public final class Database implements AutoCloseable {
  private final HikariDataSource ds;

  private Database(HikariDataSource ds) {
    this.ds = ds;
  }

  /**
   * Opens the pool and runs the migrations in {@code db/migration}.
   *
   * @param jdbcUrl any PostgreSQL JDBC URL; user and password may be in it
   */
  public static Database open(String jdbcUrl, String user, String password, int poolSize) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(jdbcUrl);
    if (user != null) cfg.setUsername(user);
    if (password != null) cfg.setPassword(password);
    cfg.setMaximumPoolSize(poolSize);
    cfg.setMinimumIdle(1);
    cfg.setPoolName("vigil-arc");
    // A short connection timeout: when the database is away, the batcher retries by itself.
    cfg.setConnectionTimeout(3_000);
    cfg.setValidationTimeout(1_000);
    // Lets the driver send a JDBC batch of inserts as multi-row statements (group commit).
    cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
    cfg.addDataSourceProperty("socketTimeout", "30");
    cfg.addDataSourceProperty("tcpKeepAlive", "true");
    // Start even when the database is not there yet; migrations below will then fail clearly.
    cfg.setInitializationFailTimeout(-1);
    HikariDataSource ds = new HikariDataSource(cfg);
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Database(ds);
  }

  public DataSource dataSource() {
    return ds;
  }

  @Override
  public void close() {
    ds.close();
  }
}
