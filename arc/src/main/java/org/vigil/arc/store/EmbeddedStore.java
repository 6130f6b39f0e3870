package org.vigil.arc.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store: a real PostgreSQL server (Zonky embedded binaries) whose data lives in
 * {@code <data>/postgres} and survives restarts, so {@code vigil arc} needs nothing installed.
 *
 * <p>Durability: Zonky starts PostgreSQL with fsync and synchronous_commit off (it is built for
 * tests); we turn both back on, because the receiver acknowledges a signal only after its commit
 * and that promise is worthless if the commit is not on disk.
 *
 * <p>After a crash of the JVM (SIGKILL) the postgres child process may still be running on the data
 * folder; it is shut down (fast mode) before a new one starts.
 */
public final class EmbeddedStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
  /** Written next to the cluster while it runs, so `vigil arc accounts` can reach the running store. */
  public static final String URL_FILE = "jdbc-url";

  private final EmbeddedPostgres pg;
  private final Path dataDir;

  private EmbeddedStore(EmbeddedPostgres pg, Path dataDir) {
    this.pg = pg;
    this.dataDir = dataDir;
  }

  /** Starts (creating when absent) the cluster in {@code dataDir/postgres} on a free loopback port. */
  public static EmbeddedStore start(Path dataDir) throws IOException {
    Path cluster = dataDir.resolve("postgres");
    Files.createDirectories(dataDir);
    stopOrphan(cluster);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(cluster)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    EmbeddedStore store = new EmbeddedStore(pg, dataDir);
    Files.writeString(dataDir.resolve(URL_FILE), store.jdbcUrl(), StandardCharsets.UTF_8);
    LOG.info("embedded PostgreSQL started: data {} port {}", cluster, pg.getPort());
    return store;
  }

  /** JDBC URL of the {@code postgres} database of this cluster (loopback, trust authentication). */
  public String jdbcUrl() {
    return pg.getJdbcUrl("postgres", "postgres");
  }

  public int port() {
    return pg.getPort();
  }

  /** The URL of a store running on this data folder (another process), when there is one. */
  public static Optional<String> runningUrl(Path dataDir) {
    Path f = dataDir.resolve(URL_FILE);
    Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
    try {
      if (!Files.exists(f) || !Files.exists(pid)) return Optional.empty();
      long p = Long.parseLong(Files.readAllLines(pid).get(0).trim());
      if (ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
        return Optional.of(Files.readString(f).trim());
    } catch (IOException | RuntimeException e) {
      LOG.debug("no running store in {}: {}", dataDir, e.toString());
    }
    return Optional.empty();
  }

  private static void stopOrphan(Path cluster) {
    Path pidFile = cluster.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) return;
    long pid;
    try {
      List<String> lines = Files.readAllLines(pidFile);
      pid = Long.parseLong(lines.get(0).trim());
    } catch (IOException | RuntimeException e) {
      return; // unreadable: postgres itself decides whether the lock is stale
    }
    Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (h.isEmpty()) return;
    String cmd = h.get().info().command().orElse("");
    if (!cmd.endsWith("postgres")) return; // pid reused by something else: not ours to stop
    LOG.warn("a PostgreSQL server (pid {}) from a previous run still holds {}; stopping it", pid, cluster);
    try {
      // SIGINT = fast shutdown; ProcessHandle only offers SIGTERM (smart) and SIGKILL.
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      h.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("fast shutdown of {} did not finish: {}; sending SIGTERM", pid, e.toString());
      h.get().destroy();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(dataDir.resolve(URL_FILE));
    } finally {
      pg.close();
    }
  }
}
