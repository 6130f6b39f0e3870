package org.vigil.arc;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.vigil.arc.receiver.ReceiverLimits;

/**
 * How to run the ARC service. Defaults are documented in docs/arc.md.
 *
 * @param dc09 TCP and UDP listen address for DC-09 (port 0 = ephemeral, for tests)
 * @param http HTTP listen address for metrics and the API; null = no HTTP server
 * @param dataDir data folder (embedded PostgreSQL lives in {@code dataDir/postgres})
 * @param jdbcUrl an external PostgreSQL; null = the embedded store in {@code dataDir}
 * @param retransmissionWindow how long a resent frame is recognised as a retransmission
 * @param maxBatch most writes per commit
 * @param queueCapacity writes waiting for commit before new frames are left unanswered
 * @param workerThreads Netty event loops (0 = number of cores)
 * @param nativeTransport use epoll when available
 */
public record ArcConfig(
    InetSocketAddress dc09,
    InetSocketAddress http,
    Path dataDir,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    ReceiverLimits limits,
    Duration retransmissionWindow,
    int maxBatch,
    int queueCapacity,
    int workerThreads,
    boolean nativeTransport,
    Duration supervisionTick,
    Duration accountPoll) {

  public static final int DEFAULT_DC09_PORT = 7400;
  public static final int DEFAULT_HTTP_PORT = 8480;

  public static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".vigil", "arc");
  }

  public static ArcConfig defaults() {
    return new ArcConfig(
        new InetSocketAddress("0.0.0.0", DEFAULT_DC09_PORT),
        new InetSocketAddress("127.0.0.1", DEFAULT_HTTP_PORT),
        defaultDataDir(),
        null, null, null,
        ReceiverLimits.defaults(),
        Duration.ofMinutes(10),
        2_000,
        100_000,
        0,
        true,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5));
  }

  /** Loopback, ephemeral ports, the given data folder: what tests and the demo use. */
  public static ArcConfig loopback(Path dataDir) {
    ArcConfig d = defaults();
    return new ArcConfig(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0), dataDir, null,
        null, null, d.limits(), d.retransmissionWindow(), d.maxBatch(), d.queueCapacity(), 2, true,
        d.supervisionTick(), d.accountPoll());
  }

  public ArcConfig withJdbc(String url, String user, String password) {
    return new ArcConfig(dc09, http, dataDir, url, user, password, limits, retransmissionWindow, maxBatch, queueCapacity,
        workerThreads, nativeTransport, supervisionTick, accountPoll);
  }

  public ArcConfig withLimits(ReceiverLimits l) {
    return new ArcConfig(dc09, http, dataDir, jdbcUrl, dbUser, dbPassword, l, retransmissionWindow, maxBatch,
        queueCapacity, workerThreads, nativeTransport, supervisionTick, accountPoll);
  }

  public ArcConfig withAddresses(InetSocketAddress newDc09, InetSocketAddress newHttp) {
    return new ArcConfig(newDc09, newHttp, dataDir, jdbcUrl, dbUser, dbPassword, limits, retransmissionWindow, maxBatch,
        queueCapacity, workerThreads, nativeTransport, supervisionTick, accountPoll);
  }

  public ArcConfig withDataDir(Path dir) {
    return new ArcConfig(dc09, http, dir, jdbcUrl, dbUser, dbPassword, limits, retransmissionWindow, maxBatch,
        queueCapacity, workerThreads, nativeTransport, supervisionTick, accountPoll);
  }

  public ArcConfig withQueue(int newMaxBatch, int newQueueCapacity) {
    return new ArcConfig(dc09, http, dataDir, jdbcUrl, dbUser, dbPassword, limits, retransmissionWindow, newMaxBatch,
        newQueueCapacity, workerThreads, nativeTransport, supervisionTick, accountPoll);
  }
}
