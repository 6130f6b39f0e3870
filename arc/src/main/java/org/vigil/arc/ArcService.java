package org.vigil.arc;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.account.AccountDirectory;
import org.vigil.arc.account.AccountRepository;
import org.vigil.arc.http.ArcHttpServer;
import org.vigil.arc.receiver.CommitBatcher;
import org.vigil.arc.receiver.Dc09Server;
import org.vigil.arc.receiver.FrameProcessor;
import org.vigil.arc.receiver.ReceiverMetrics;
import org.vigil.arc.receiver.RetransmissionCache;
import org.vigil.arc.receiver.StoredSignal;
import org.vigil.arc.receiver.StoredSignalListener;
import org.vigil.arc.receiver.Supervisor;
import org.vigil.arc.receiver.Transport;
import org.vigil.arc.store.Database;
import org.vigil.arc.store.EmbeddedStore;
import org.vigil.arc.store.SignalStore;

/**
 * The ARC service: store (embedded or external PostgreSQL), accounts, the DC-09 receiver, path
 * supervision and the HTTP server, wired together. {@link #subscribe} is where alarm handling
 * plugs in.
 */
public final class ArcService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArcService.class);

  private final ArcConfig config;
  private final Clock clock;
  private final List<StoredSignalListener> listeners = new CopyOnWriteArrayList<>();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private EmbeddedStore embedded;
  private Database database;
  private AccountRepository accountRepository;
  private final AccountDirectory directory = new AccountDirectory();
  private SignalStore signalStore;
  private CommitBatcher batcher;
  private Supervisor supervisor;
  private RetransmissionCache retransmissions;
  private Dc09Server server;
  private ArcHttpServer http;
  private ScheduledExecutorService scheduler;
  private volatile long accountRevision = -1;

  private ArcService(ArcConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Starts everything; on failure whatever was started is stopped again. */
  public static ArcService start(ArcConfig config) throws IOException, SQLException, InterruptedException {
    return start(config, Clock.systemUTC());
  }

  public static ArcService start(ArcConfig config, Clock clock) throws IOException, SQLException, InterruptedException {
    ArcService s = new ArcService(config, clock);
    try {
      s.startAll();
      return s;
    } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void startAll() throws IOException, SQLException, InterruptedException {
    String url = config.jdbcUrl();
    if (url == null) {
      embedded = EmbeddedStore.start(config.dataDir());
      url = embedded.jdbcUrl();
    }
    database = Database.open(url, config.dbUser(), config.dbPassword(), 8);
    accountRepository = new AccountRepository(database.dataSource());
    signalStore = new SignalStore(database.dataSource());
    reloadAccounts();

    Instant now = clock.instant();
    retransmissions = new RetransmissionCache(config.retransmissionWindow(), 2_000_000);
    signalStore.dedupKeysSince(now.minus(config.retransmissionWindow()))
        .forEach((k, id) -> retransmissions.remember(k, id, now));
    batcher = new CommitBatcher(signalStore, config.queueCapacity(), config.maxBatch(), registry);
    ReceiverMetrics metrics = new ReceiverMetrics(registry);
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("vigil-arc-timer").daemon(true).unstarted(r));
    FrameProcessor[] processor = new FrameProcessor[1];
    supervisor = new Supervisor(signalStore.pathStates(), now, change -> scheduler.execute(() -> processor[0].pathChanged(change)));
    supervisor.configure(directory.all(), now);
    processor[0] = new FrameProcessor(directory, batcher, supervisor, retransmissions, metrics, this::publish, clock);
    Transport transport = config.nativeTransport() ? Transport.best() : Transport.nio();
    int threads = config.workerThreads() > 0 ? config.workerThreads() : Runtime.getRuntime().availableProcessors();
    server = Dc09Server.start(config.dc09(), processor[0], metrics, config.limits(), transport, threads);
    long tick = config.supervisionTick().toMillis();
    scheduler.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    long poll = config.accountPoll().toMillis();
    scheduler.scheduleWithFixedDelay(this::pollAccounts, poll, poll, TimeUnit.MILLISECONDS);
    if (config.http() != null) http = ArcHttpServer.start(config.http(), this);
    LOG.info("ARC started: DC-09 on port {}, {} accounts, store {}", server.port(), directory.size(),
        embedded != null ? "embedded in " + config.dataDir() : "external");
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      supervisor.tick(now);
      retransmissions.expire(now);
    } catch (RuntimeException e) {
      LOG.error("supervision tick failed", e);
    }
  }

  private void pollAccounts() {
    try {
      if (accountRepository.revision() != accountRevision) reloadAccounts();
    } catch (SQLException e) {
      LOG.debug("account poll failed (store unavailable?): {}", e.toString());
    } catch (RuntimeException e) {
      LOG.error("account reload failed", e);
    }
  }

  /** Re-reads every account (after a change through the API, or another process's). */
  public synchronized void reloadAccounts() throws SQLException {
    long rev = accountRepository.revision();
    directory.replaceAll(accountRepository.findAll());
    accountRevision = rev;
    if (supervisor != null) supervisor.configure(directory.all(), clock.instant());
    LOG.debug("accounts loaded: {} (revision {})", directory.size(), rev);
  }

  private void publish(StoredSignal s) {
    for (StoredSignalListener l : listeners) {
      try {
        l.onStored(s);
      } catch (RuntimeException e) {
        LOG.error("signal listener failed on signal {}", s.signalId(), e);
      }
    }
  }

  /** Alarm handling (and tests) receive every committed signal from here on. */
  public void subscribe(StoredSignalListener listener) {
    listeners.add(listener);
  }

  public int dc09Port() {
    return server.port();
  }

  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  public AccountRepository accounts() {
    return accountRepository;
  }

  public AccountDirectory directory() {
    return directory;
  }

  public SignalStore signals() {
    return signalStore;
  }

  public Supervisor supervisor() {
    return supervisor;
  }

  public CommitBatcher batcher() {
    return batcher;
  }

  public PrometheusMeterRegistry metrics() {
    return registry;
  }

  public ArcConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  /** Stops accepting frames, commits (and answers) what is queued, then stops the store. */
  @Override
  public void close() {
    if (http != null) http.close();
    if (scheduler != null) scheduler.shutdownNow();
    // Commit and answer what is queued while the connections are still open, then stop listening.
    if (batcher != null) batcher.close();
    if (server != null) server.close();
    if (database != null) database.close();
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
      }
    }
  }
}
