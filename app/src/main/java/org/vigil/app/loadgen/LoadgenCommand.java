package org.vigil.app.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.KeyForm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil loadgen}: many simulated panels against a DC-09 receiver; and the baseline responder. */
@Command(
    name = "loadgen",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates many panels sending DC-09 to a receiver and measures it: frames sent, ACKed, NAKed,",
      "errors, throughput and ACK latency (p50/p99/p99.9/max). Every ACK is verified (sequence,",
      "account, CRC). Unanswered frames are resent like a panel does. Exit code 0 when every message",
      "was acknowledged without errors, 1 otherwise, 2 for bad options."
    },
    subcommands = {LoadgenCommand.Baseline.class})
public final class LoadgenCommand implements Callable<Integer> {
  /** The default key for --encrypt (AES-128, hex): for load tests only. */
  static final String DEFAULT_KEY = "000102030405060708090A0B0C0D0E0F";

  @Option(names = "--host", description = "Receiver address (default: ${DEFAULT-VALUE})") String host = "127.0.0.1";
  @Option(names = "--port", description = "Receiver DC-09 port (default: ${DEFAULT-VALUE})") int port = 7400;
  @Option(names = "--panels", description = "Simulated panels, one account each (default: ${DEFAULT-VALUE})") int panels = 100;
  @Option(names = "--mode", description = "TCP (persistent), TCP_PER_MESSAGE or UDP (default: ${DEFAULT-VALUE})") Mode mode = Mode.TCP;
  @Option(names = "--encrypt", description = "AES-encrypt every frame (SIA DC-09 *SIA-DCS)") boolean encrypt;
  @Option(names = "--key", description = "AES key in hex for --encrypt (default: a fixed test key)") String key = DEFAULT_KEY;
  @Option(names = "--rate", description = "Alarm events per second over all panels; 0 = as fast as ACKs come back (default: ${DEFAULT-VALUE})") double rate = 0;
  @Option(names = "--poll", converter = DurationConverter.class, description = "NULL poll interval per idle panel; PT0S = none (default: ${DEFAULT-VALUE})") Duration poll = Duration.ofSeconds(60);
  @Option(names = "--duration", converter = DurationConverter.class, description = "How long to generate load (default: ${DEFAULT-VALUE})") Duration duration = Duration.ofSeconds(10);
  @Option(names = "--drain", converter = DurationConverter.class, description = "Afterwards, how long to wait for outstanding ACKs (default: ${DEFAULT-VALUE})") Duration drain = Duration.ofSeconds(15);
  @Option(names = "--ack-timeout", converter = DurationConverter.class, description = "Resend a frame unanswered this long (default: ${DEFAULT-VALUE})") Duration ackTimeout = Duration.ofSeconds(10);
  @Option(names = "--sources", description = "Spread connections over 127.0.0.1..127.0.0.N (each has its own port range) (default: ${DEFAULT-VALUE})") int sources = 1;
  @Option(names = "--source", description = "A local source address (repeat); overrides --sources") List<String> sourceAddresses;
  @Option(names = "--accounts", paramLabel = "FILE", description = "Accounts from a CSV file (header: number[,receiver,line,key,keyForm]) instead of generated ones") Path accountsFile;
  @Option(names = "--account-prefix", description = "Prefix of generated account numbers (default: ${DEFAULT-VALUE})") String prefix = "LG";
  @Option(names = "--provision", paramLabel = "URL", description = "Create the accounts in our ARC first through its accounts API, e.g. http://127.0.0.1:8480") URI provision;
  @Option(names = "--api-user", paramLabel = "USER", description = {"Console operator (SUPERVISOR) for --provision against an ARC whose console has operators",
      "(HTTP Basic; default: $VIGIL_API_USER). Without it only a headless ARC on loopback accepts the import"}) String apiUser;
  @Option(names = "--api-password", paramLabel = "PASSWORD", description = "Password of --api-user (default: $VIGIL_API_PASSWORD, which keeps it out of the process list)") String apiPassword;
  @Option(names = "--baseline", description = "The target is `vigil loadgen baseline-server`: accept its fixed ACK (CRC still checked)") boolean baseline;
  @Option(names = "--threads", description = "Client event loops (default: number of cores)") int threads = 0;
  @Option(names = "--seed", description = {"Seed for the panels' sequence numbers and schedule phases. Default: a new one per run",
      "(printed on stderr), because a repeated seed repeats every frame's account, sequence and data, which a receiver",
      "rightly takes for retransmissions of what the previous run sent (within its retransmission window)"}) Long seed;
  @Option(names = "--json", description = "Print the summary as JSON (progress goes to stderr)") boolean json;
  @Option(names = {"-q", "--quiet"}, description = "No progress line") boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Netty and the HTTP client log at WARN only: the progress line and the summary are the output. */
  static void quietLogging() {
    if (System.getProperty("logback.configurationFile") != null) return;
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx)
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
  }

  @Override
  public Integer call() throws Exception {
    quietLogging();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadgenConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException | AccountProvisioner.ProvisioningException e) {
      err.println("vigil loadgen: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (provision != null) {
      try {
        String answer = AccountProvisioner.provision(provision, config.accounts(), credentials(System.getenv()));
        err.println("provisioned " + config.accounts().size() + " account(s) in the ARC: " + answer.strip());
      } catch (AccountProvisioner.ProvisioningException e) {
        err.println("vigil loadgen: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
    boolean tty = System.console() != null;
    LoadReport report;
    try (LoadGenerator g = new LoadGenerator(config, null)) {
      report = g.run(quiet ? null : r -> {
        err.print(tty ? "\r" + r.progressLine() : r.progressLine() + System.lineSeparator());
        err.flush();
      });
    }
    if (!quiet && tty) err.println();
    err.flush();
    out.print(json ? JSON.writeValueAsString(report) + System.lineSeparator() : report.summary());
    out.flush();
    return report.outstanding() == 0 && report.errors() == 0 ? 0 : 1;
  }

  /** The /api login from the options, else the environment; null when none is given (headless ARC). */
  AccountProvisioner.Credentials credentials(java.util.Map<String, String> env) throws AccountProvisioner.ProvisioningException {
    String user = apiUser != null ? apiUser : env.get("VIGIL_API_USER");
    String password = apiPassword != null ? apiPassword : env.get("VIGIL_API_PASSWORD");
    if (user == null || user.isEmpty()) {
      if (apiPassword != null) throw new AccountProvisioner.ProvisioningException("--api-password needs --api-user");
      return null;
    }
    if (password == null) throw new AccountProvisioner.ProvisioningException("--api-user " + user + " needs --api-password or VIGIL_API_PASSWORD");
    try {
      return new AccountProvisioner.Credentials(user, password);
    } catch (IllegalArgumentException e) {
      throw new AccountProvisioner.ProvisioningException(e.getMessage());
    }
  }

  LoadgenConfig config() throws AccountProvisioner.ProvisioningException {
    if (panels < 1) throw new IllegalArgumentException("--panels must be at least 1");
    if (rate < 0) throw new IllegalArgumentException("--rate must not be negative");
    if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("--duration must be positive");
    if (ackTimeout.isNegative() || ackTimeout.isZero()) throw new IllegalArgumentException("--ack-timeout must be positive");
    if (poll.isNegative() || drain.isNegative()) throw new IllegalArgumentException("--poll and --drain must not be negative");
    if (sources < 1 || sources > 254) throw new IllegalArgumentException("--sources must be 1..254");
    Dc09Key k = null;
    if (encrypt) {
      var problem = Dc09Key.problem(key, KeyForm.HEX);
      if (problem.isPresent()) throw new IllegalArgumentException("--key: " + problem.get());
      k = Dc09Key.parse(key, KeyForm.HEX);
    }
    List<SimulatedAccount> accounts = accountsFile != null ? AccountProvisioner.fromCsv(accountsFile)
        : AccountProvisioner.generate(prefix, panels, k);
    List<InetAddress> src = new ArrayList<>();
    try {
      if (sourceAddresses != null && !sourceAddresses.isEmpty()) {
        for (String s : sourceAddresses) src.add(InetAddress.getByName(s));
      } else {
        for (int i = 1; i <= sources; i++) src.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--source: " + e.getMessage());
    }
    InetSocketAddress target = new InetSocketAddress(host, port);
    if (target.isUnresolved()) throw new IllegalArgumentException("--host " + host + " does not resolve");
    long runSeed = seed != null ? seed : System.currentTimeMillis();
    if (seed == null) spec.commandLine().getErr().println("vigil loadgen: seed " + runSeed + " (repeat this run with --seed " + runSeed + ")");
    return new LoadgenConfig(target, accounts, mode, rate, poll, duration, drain, ackTimeout, src, baseline, threads, runSeed);
  }

  @Command(name = "baseline-server", mixinStandardHelpOptions = true, description = {
    "A bare DC-09 responder for comparison: answers every frame (TCP and UDP) with one fixed ACK,",
    "without parsing, decrypting or storing. Use `vigil loadgen --baseline` against it."})
  static final class Baseline implements Callable<Integer> {
    @Option(names = "--host", description = "Listen address (default: ${DEFAULT-VALUE})") String host = "127.0.0.1";
    @Option(names = "--port", description = "TCP and UDP port; 0 = any free one (default: ${DEFAULT-VALUE})") int port = 7500;
    @Option(names = "--threads", description = "Event loops (default: number of cores)") int threads = 0;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      quietLogging();
      BaselineServer s;
      try {
        s = BaselineServer.start(new InetSocketAddress(host, port), threads);
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("vigil loadgen baseline-server: cannot listen on " + host + ":" + port + ": " + e.getMessage());
        return 2;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        s.close();
        stopped.countDown();
      }));
      spec.commandLine().getOut().printf("baseline responder on %s:%d (tcp+udp): fixed ACK, no parsing, no store. Ctrl-C stops.%n", host, s.port());
      spec.commandLine().getOut().flush();
      stopped.await();
      return 0;
    }
  }
}
