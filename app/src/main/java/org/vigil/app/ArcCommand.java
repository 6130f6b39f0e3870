package org.vigil.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.AccountDocument;
import org.vigil.arc.account.AccountImport;
import org.vigil.arc.account.AccountRepository;
import org.vigil.arc.account.InvalidAccountException;
import org.vigil.arc.account.SupervisedPath;
import org.vigil.arc.receiver.ReceiverLimits;
import org.vigil.arc.store.Database;
import org.vigil.arc.store.EmbeddedStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil arc}: the alarm receiving centre service, and {@code vigil arc accounts ...}. */
@Command(
    name = "arc",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the alarm receiving centre: DC-09 receiver on TCP and UDP, acknowledging only signals",
      "committed to the store (embedded PostgreSQL in the data folder unless --jdbc-url is given),",
      "path supervision, Prometheus metrics and the accounts API on the HTTP port."
    },
    subcommands = {ArcCommand.Accounts.class})
public final class ArcCommand implements Callable<Integer> {

  /** Where the store is: shared by the service and the accounts commands. */
  public static final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (embedded PostgreSQL in DIR/postgres). Default: ~/.vigil/arc")
    Path data;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Use this PostgreSQL instead of the embedded one, e.g. jdbc:postgresql://db:5432/vigil")
    String jdbcUrl;

    @Option(names = "--db-user", description = "Database user (with --jdbc-url)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (with --jdbc-url); or set VIGIL_DB_PASSWORD")
    String dbPassword;

    public Path dataDir() {
      return data != null ? data : ArcConfig.defaultDataDir();
    }

    public String password() {
      return dbPassword != null ? dbPassword : System.getenv("VIGIL_DB_PASSWORD");
    }
  }

  /** Listen addresses and limits: a mixin so `vigil demo` can offer the same flags. */
  public static final class ServiceOptions {
    @Option(names = "--dc09-port", description = "DC-09 port, TCP and UDP (default: ${DEFAULT-VALUE})")
    int dc09Port = ArcConfig.DEFAULT_DC09_PORT;

    @Option(names = "--dc09-host", description = "DC-09 listen address (default: ${DEFAULT-VALUE}, all interfaces)")
    String dc09Host = "0.0.0.0";

    @Option(names = "--http-port", description = "HTTP port for /metrics and /api (default: ${DEFAULT-VALUE}; -1 = off)")
    int httpPort = ArcConfig.DEFAULT_HTTP_PORT;

    @Option(names = "--http-host", description = "HTTP listen address (default: ${DEFAULT-VALUE}); /api needs a console operator by HTTP Basic (docs/api.md)")
    String httpHost = "127.0.0.1";

    @Option(names = "--idle-timeout", description = "Close TCP connections silent this long (default: ${DEFAULT-VALUE})")
    Duration idleTimeout = ReceiverLimits.defaults().idleTimeout();

    @Option(names = "--max-connections", description = "TCP connections at once (default: ${DEFAULT-VALUE})")
    int maxConnections = ReceiverLimits.defaults().maxConnections();

    @Option(names = "--max-frames-per-second", description = "Per TCP connection; reading pauses beyond it (default: ${DEFAULT-VALUE})")
    int maxFramesPerSecond = ReceiverLimits.defaults().maxFramesPerSecondPerConnection();

    @Option(names = "--retransmission-window", description = "How long a resent frame counts as a retransmission (default: ${DEFAULT-VALUE})")
    Duration retransmissionWindow = ArcConfig.defaults().retransmissionWindow();

    /** The service configuration these options describe, on the given store. */
    public ArcConfig config(StoreOptions store) {
      ArcConfig d = ArcConfig.defaults();
      ReceiverLimits l = d.limits();
      ReceiverLimits limits = new ReceiverLimits(idleTimeout, maxConnections, l.maxInFlightPerConnection(),
          maxFramesPerSecond, l.maxFrameBytes());
      return new ArcConfig(new InetSocketAddress(dc09Host, dc09Port),
          httpPort < 0 ? null : new InetSocketAddress(httpHost, httpPort), store.dataDir(), store.jdbcUrl,
          store.dbUser, store.password(), limits, retransmissionWindow, d.maxBatch(), d.queueCapacity(),
          d.workerThreads(), d.nativeTransport(), d.supervisionTick(), d.accountPoll());
    }
  }

  @Mixin StoreOptions store = new StoreOptions();

  @Mixin ServiceOptions service = new ServiceOptions();

  @Option(names = "--log-format", description = "text or json (one JSON object per line, for log shippers) (default: ${DEFAULT-VALUE})")
  String logFormat = "text";

  @Option(names = "--log-level", description = "Level of Vigil's own logs: ERROR, WARN, INFO, DEBUG (default: ${DEFAULT-VALUE})")
  String logLevel = "INFO";

  @Option(names = "--console-port", description = "Operator console and its API on the HTTP host (default: ${DEFAULT-VALUE}; -1 = off)")
  int consolePort = 8481;

  @Option(names = "--admin-password", description = "Password of the console's initial administrator 'admin' on first start (default: a random one, printed once)")
  String adminPassword;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Logging for the service unless a logback configuration file is given: Vigil at --log-level,
   * libraries (Netty, Jetty, Hikari, Flyway, Zonky) at WARN, as text or JSON lines on stdout.
   */
  static void configureLogging(String format, String level) {
    if (System.getProperty("logback.configurationFile") != null) return;
    if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx)) return;
    ctx.reset();
    ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console = new ch.qos.logback.core.ConsoleAppender<>();
    console.setContext(ctx);
    console.setName("console");
    if ("json".equalsIgnoreCase(format)) {
      ch.qos.logback.classic.encoder.JsonEncoder json = new ch.qos.logback.classic.encoder.JsonEncoder();
      json.setContext(ctx);
      json.start();
      console.setEncoder(json);
    } else {
      ch.qos.logback.classic.encoder.PatternLayoutEncoder text = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
      text.setContext(ctx);
      text.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{0} - %msg%n");
      text.start();
      console.setEncoder(text);
    }
    console.start();
    ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(ch.qos.logback.classic.Level.WARN);
    root.addAppender(console);
    ctx.getLogger("org.vigil").setLevel(ch.qos.logback.classic.Level.toLevel(level, ch.qos.logback.classic.Level.INFO));
  }

  /** The service configuration these options describe. */
  public ArcConfig config() {
    return service.config(store);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    configureLogging(logFormat, logLevel);
    ArcService arc;
    try {
      arc = ArcService.start(config());
    } catch (IOException | java.sql.SQLException | RuntimeException e) {
      spec.commandLine().getErr().println("vigil arc: could not start: " + e.getMessage());
      return 2;
    }
    org.vigil.arc.console.ArcConsole console = null;
    if (consolePort >= 0) {
      try {
        console = org.vigil.arc.console.ArcConsole.attach(arc, new org.vigil.arc.console.ArcConsole.Options(
            new java.net.InetSocketAddress(service.httpHost, consolePort), java.util.Optional.ofNullable(adminPassword), 0), out::println);
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("vigil arc: console could not start: " + e.getMessage());
        arc.close();
        return 2;
      }
      out.printf("Console: http://%s:%d/console%n", service.httpHost, console.port());
    }
    org.vigil.arc.console.ArcConsole consoleToStop = console;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (consoleToStop != null) consoleToStop.close();
      arc.close();
      stopped.countDown();
    }, "vigil-arc-shutdown"));
    out.printf("ARC running: DC-09 tcp+udp %s:%d, HTTP %s, data %s%n", service.dc09Host, arc.dc09Port(),
        arc.httpPort() < 0 ? "off" : "http://" + service.httpHost + ":" + arc.httpPort() + "/metrics",
        store.jdbcUrl != null ? "external PostgreSQL" : store.dataDir());
    out.println("Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return 0;
  }

  // ------------------------------------------------------------------ accounts

  /** Opens the account store: an external one, the one a running service uses, or a temporary embedded one. */
  static final class StoreHandle implements AutoCloseable {
    final Database db;
    final EmbeddedStore embedded;

    StoreHandle(StoreOptions o) throws IOException {
      configureLogging("text", "WARN");
      if (o.jdbcUrl != null) {
        db = Database.open(o.jdbcUrl, o.dbUser, o.password(), 2);
        embedded = null;
        return;
      }
      Optional<String> running = EmbeddedStore.runningUrl(o.dataDir());
      if (running.isPresent()) {
        db = Database.open(running.get(), null, null, 2);
        embedded = null;
      } else {
        embedded = EmbeddedStore.start(o.dataDir());
        db = Database.open(embedded.jdbcUrl(), null, null, 2);
      }
    }

    AccountRepository accounts() {
      return new AccountRepository(db.dataSource());
    }

    @Override
    public void close() throws IOException {
      db.close();
      if (embedded != null) embedded.close();
    }
  }

  @Command(
      name = "accounts",
      mixinStandardHelpOptions = true,
      description = {"Lists, shows, adds, updates, deletes and imports ARC accounts.",
        "Works on a running ARC's store (changes apply within seconds) or on a stopped one."},
      subcommands = {Accounts.ListCmd.class, Accounts.Show.class, Accounts.Add.class, Accounts.Update.class,
        Accounts.Delete.class, Accounts.Import.class})
  public static final class Accounts implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Fields of an account as options; unset options leave the field as it is. */
    public static final class Fields {
      @Option(names = "--number", description = "Account number (#acct), 3-16 letters or digits") String number;
      @Option(names = "--receiver", description = "Receiver number R (hex); empty = any") String receiver;
      @Option(names = "--line", description = "Line / account prefix L (hex); empty = any") String line;
      @Option(names = "--name", description = "Site name") String name;
      @Option(names = "--address", description = "Site address") String address;
      @Option(names = "--notes", description = "Site notes") String notes;
      @Option(names = "--key", description = "AES key (32/48/64 hex digits, or 16/24/32 ASCII characters); \"\" removes it") String key;
      @Option(names = "--key-form", description = "HEX or ASCII") String keyForm;
      @Option(names = "--encryption-required", arity = "0..1", fallbackValue = "true", description = "Refuse clear-text frames") Boolean encryptionRequired;
      @Option(names = "--check-timestamp", arity = "0..1", fallbackValue = "true", description = "NAK frames whose timestamp is outside the window (default true)") Boolean checkTimestamp;
      @Option(names = "--window-past", description = "Seconds a timestamp may lag (default 40)") Integer windowPast;
      @Option(names = "--window-future", description = "Seconds a timestamp may lead (default 20)") Integer windowFuture;
      @Option(names = "--quirk", description = "Tolerated quirk (repeat): BINARY_CRC, DECIMAL_LENGTH, LOWER_CASE_HEX, MISSING_TIMESTAMP") List<String> quirks;
      @Option(names = "--supervise", paramLabel = "PATH=SECONDS[/TECH]", description = "Supervised path (repeat), e.g. R1L1=90/ethernet or *=3600") List<String> supervise;
      @Option(names = "--grace", description = "Supervision grace period in seconds (default 30)") Integer grace;

      AccountDocument document() {
        List<SupervisedPath> sup = null;
        if (supervise != null) {
          sup = new ArrayList<>();
          for (String s : supervise) {
            String[] pv = s.split("=", 2);
            if (pv.length != 2) throw new CommandLine.ParameterException(new CommandLine(this), "--supervise " + s + ": expected PATH=SECONDS[/TECH]");
            String[] st = pv[1].split("/", 2);
            int seconds;
            try {
              seconds = Integer.parseInt(st[0].trim());
            } catch (NumberFormatException e) {
              throw new CommandLine.ParameterException(new CommandLine(this), "--supervise " + s + ": SECONDS is not a number");
            }
            sup.add(new SupervisedPath(pv[0].trim(), seconds, st.length > 1 ? st[1] : ""));
          }
        }
        return new AccountDocument(null, number, receiver, line, name, address, notes, key, keyForm, null,
            encryptionRequired, checkTimestamp, windowPast, windowFuture, quirks, sup, grace);
      }
    }

    static int fail(CommandLine.Model.CommandSpec spec, String message) {
      spec.commandLine().getErr().println(message);
      return 1;
    }

    static int invalid(CommandLine.Model.CommandSpec spec, InvalidAccountException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("account refused:");
      e.problems().forEach(p -> err.println("  " + p));
      return 1;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
    static final class ListCmd implements Callable<Integer> {
      @Mixin StoreOptions store = new StoreOptions();
      @Option(names = "--json", description = "JSON instead of a table") boolean json;
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        try (StoreHandle h = new StoreHandle(store)) {
          List<Account> all = h.accounts().findAll();
          PrintWriter out = spec.commandLine().getOut();
          if (json) out.println(JSON.writeValueAsString(all.stream().map(AccountDocument::of).toList()));
          else {
            out.printf("%-6s %-16s %-8s %-8s %-5s %-9s %s%n", "ID", "NUMBER", "RECEIVER", "LINE", "KEY", "SUPERVISE", "NAME");
            for (Account a : all)
              out.printf("%-6d %-16s %-8s %-8s %-5s %-9s %s%n", a.id(), a.number(), a.receiver().isEmpty() ? "*" : a.receiver(),
                  a.line().isEmpty() ? "*" : a.line(), a.hasKey() ? a.keyForm() : "-", a.supervision().size() + " path(s)", a.name());
            out.println(all.size() + " account(s)");
          }
          out.flush();
          return 0;
        }
      }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one account as JSON (the key is never shown).")
    static final class Show implements Callable<Integer> {
      @Mixin StoreOptions store = new StoreOptions();
      @Parameters(paramLabel = "ID") long id;
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        try (StoreHandle h = new StoreHandle(store)) {
          Optional<Account> a = h.accounts().findById(id);
          if (a.isEmpty()) return fail(spec, "no account with id " + id);
          spec.commandLine().getOut().println(JSON.writeValueAsString(AccountDocument.of(a.get())));
          spec.commandLine().getOut().flush();
          return 0;
        }
      }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an account.")
    static final class Add implements Callable<Integer> {
      @Mixin StoreOptions store = new StoreOptions();
      @Mixin Fields fields = new Fields();
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        Account a;
        try {
          a = fields.document().toNewAccount();
        } catch (InvalidAccountException e) {
          return invalid(spec, e);
        }
        try (StoreHandle h = new StoreHandle(store)) {
          Account created = h.accounts().create(a);
          spec.commandLine().getOut().println("added account " + created.id() + ": " + created.label());
          spec.commandLine().getOut().flush();
          return 0;
        } catch (AccountRepository.AccountConflictException e) {
          return fail(spec, e.getMessage());
        }
      }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Changes the given fields of an account.")
    static final class Update implements Callable<Integer> {
      @Mixin StoreOptions store = new StoreOptions();
      @Parameters(paramLabel = "ID") long id;
      @Mixin Fields fields = new Fields();
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        try (StoreHandle h = new StoreHandle(store)) {
          Optional<Account> existing = h.accounts().findById(id);
          if (existing.isEmpty()) return fail(spec, "no account with id " + id);
          Account updated = h.accounts().update(fields.document().applyTo(existing.get()));
          spec.commandLine().getOut().println("updated account " + updated.id() + ": " + updated.label());
          spec.commandLine().getOut().flush();
          return 0;
        } catch (InvalidAccountException e) {
          return invalid(spec, e);
        } catch (AccountRepository.AccountConflictException e) {
          return fail(spec, e.getMessage());
        }
      }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes an account (its stored signals stay).")
    static final class Delete implements Callable<Integer> {
      @Mixin StoreOptions store = new StoreOptions();
      @Parameters(paramLabel = "ID") long id;
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        try (StoreHandle h = new StoreHandle(store)) {
          if (!h.accounts().delete(id)) return fail(spec, "no account with id " + id);
          spec.commandLine().getOut().println("deleted account " + id);
          spec.commandLine().getOut().flush();
          return 0;
        }
      }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports accounts from a YAML or CSV file (by extension, or --format). All or nothing.")
    static final class Import implements Callable<Integer> {
      @Mixin StoreOptions store = new StoreOptions();
      @Parameters(paramLabel = "FILE") Path file;
      @Option(names = "--format", description = "yaml or csv (default: from the file name)") String format;
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        String text;
        try {
          text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          return fail(spec, "cannot read " + file + ": " + e.getMessage());
        }
        AccountImport.Format f = format != null
            ? ("csv".equalsIgnoreCase(format) ? AccountImport.Format.CSV : AccountImport.Format.YAML)
            : AccountImport.Format.guess(file.getFileName().toString(), null);
        try (StoreHandle h = new StoreHandle(store)) {
          AccountImport.Result r = AccountImport.importInto(h.accounts(), text, f);
          spec.commandLine().getOut().printf("imported %d new, %d updated account(s)%n", r.created(), r.updated());
          spec.commandLine().getOut().flush();
          return 0;
        } catch (AccountImport.ImportException e) {
          PrintWriter err = spec.commandLine().getErr();
          err.println("nothing imported:");
          e.problems().forEach(p -> err.println("  " + p));
          return 1;
        }
      }
    }
  }
}
