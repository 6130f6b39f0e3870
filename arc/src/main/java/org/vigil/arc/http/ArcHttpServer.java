package org.vigil.arc.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.AccountDocument;
import org.vigil.arc.account.AccountImport;
import org.vigil.arc.account.AccountProblem;
import org.vigil.arc.account.AccountRepository;
import org.vigil.arc.account.InvalidAccountException;
import org.vigil.arc.store.SignalStore;

/**
 * The ARC's HTTP side: Prometheus metrics, health, the accounts API and read-only views of the
 * evidence (signals, the unknown-account log, supervision). {@code /api/...} needs a console
 * operator (HTTP Basic, console roles; {@link ApiAccess}); metrics and health are open.
 *
 * <p>Errors are JSON {@code {"error": "...", "problems": [{field, message}]}} with 400 (bad input),
 * 404 (no such account), 409 (conflict) or 503 (store unavailable); never a stack trace.
 */
public final class ArcHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArcHttpServer.class);
  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final int MAX_BODY = 5 * 1024 * 1024;

  private final Javalin app;

  private ArcHttpServer(Javalin app) {
    this.app = app;
  }

  public static ArcHttpServer start(InetSocketAddress address, ArcService arc) {
    Javalin app = Javalin.create(cfg -> {
      cfg.jetty.host = address.getHostString();
      cfg.jetty.port = address.getPort();
      cfg.http.maxRequestSize = MAX_BODY;
      cfg.startup.showJavalinBanner = false;
      cfg.jsonMapper(new JavalinJackson(JSON, false));
      ApiAccess access = new ApiAccess(arc.signals().dataSource(), arc.clock());
      Routes r = new Routes(arc, access);
      // Metrics and health stay open for monitoring (no account data); everything under /api needs a console operator.
      cfg.routes.before("/api/*", ctx -> {
        if (!access.admit(ctx)) ctx.skipRemainingHandlers();
      });
      cfg.routes.get("/metrics", r::metrics);
      cfg.routes.get("/health", r::health);
      cfg.routes.get("/api/accounts", r::listAccounts);
      cfg.routes.post("/api/accounts", r::createAccount);
      cfg.routes.post("/api/accounts/import", r::importAccounts);
      cfg.routes.get("/api/accounts/{id}", r::getAccount);
      cfg.routes.put("/api/accounts/{id}", r::updateAccount);
      cfg.routes.delete("/api/accounts/{id}", r::deleteAccount);
      cfg.routes.get("/api/signals", r::signals);
      cfg.routes.get("/api/unknown-frames", r::unknownFrames);
      cfg.routes.get("/api/supervision", r::supervision);
      cfg.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.problems));
      cfg.routes.exception(InvalidAccountException.class, (e, ctx) -> error(ctx, 400, "invalid account", e.problems()));
      cfg.routes.exception(AccountRepository.AccountConflictException.class, (e, ctx) -> error(ctx, 409, e.getMessage(), List.of()));
      cfg.routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage(), List.of()));
      cfg.routes.exception(SQLException.class, (e, ctx) -> {
        LOG.warn("HTTP {} {}: store error {}", ctx.method(), ctx.path(), e.toString());
        error(ctx, 503, "store unavailable, try again", List.of());
      });
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("HTTP {} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal error", List.of());
      });
    });
    app.start();
    LOG.info("HTTP on {}:{} (/metrics, /health; /api/... for console operators)", address.getHostString(), app.port());
    return new ArcHttpServer(app);
  }

  public int port() {
    return app.port();
  }

  static void error(Context ctx, int status, String message, List<AccountProblem> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (!problems.isEmpty()) body.put("problems", problems);
    ctx.status(status).json(body);
  }

  static final class BadRequest extends Exception {
    final List<AccountProblem> problems;

    BadRequest(String message, List<AccountProblem> problems) {
      super(message);
      this.problems = problems;
    }
  }

  static final class NotFound extends Exception {
    NotFound(String message) {
      super(message);
    }
  }

  private static final class Routes {
    private final ArcService arc;
    private final ApiAccess access;

    Routes(ArcService arc, ApiAccess access) {
      this.arc = arc;
      this.access = access;
    }

    void metrics(Context ctx) {
      ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(arc.metrics().scrape());
    }

    void health(Context ctx) {
      boolean ok = arc.batcher().storeAvailable();
      ctx.status(ok ? 200 : 503).json(Map.of("store", ok ? "up" : "down", "pendingWrites", arc.batcher().pending(),
          "accounts", arc.directory().size()));
    }

    void listAccounts(Context ctx) throws SQLException {
      ctx.json(arc.accounts().findAll().stream().map(AccountDocument::of).toList());
    }

    void getAccount(Context ctx) throws Exception {
      ctx.json(AccountDocument.of(find(ctx)));
    }

    void createAccount(Context ctx) throws Exception {
      AccountDocument d = body(ctx);
      Account created = arc.accounts().create(d.toNewAccount());
      if (d.duressRouteName() != null) arc.accounts().setDuressRoute(created.number(), d.duressRouteName());
      arc.reloadAccounts();
      access.changed(ctx, "account.create", created.number(), "ARC API; " + (created.hasKey() ? "key set" : "no key"));
      ctx.status(201).json(AccountDocument.of(created));
    }

    void updateAccount(Context ctx) throws Exception {
      Account existing = find(ctx);
      AccountDocument d = body(ctx);
      if (d.id() != null && d.id() != existing.id())
        throw new BadRequest("id in the body differs from the URL", List.of(new AccountProblem("id", "must match the URL")));
      Account updated = arc.accounts().update(d.applyTo(existing));
      if (d.duressRouteName() != null) arc.accounts().setDuressRoute(updated.number(), d.duressRouteName());
      arc.reloadAccounts();
      access.changed(ctx, "account.update", updated.number(), "ARC API" + (d.key() != null ? "; encryption key replaced" : ""));
      ctx.json(AccountDocument.of(updated));
    }

    void deleteAccount(Context ctx) throws Exception {
      Account existing = find(ctx);
      arc.accounts().delete(existing.id());
      arc.reloadAccounts();
      access.changed(ctx, "account.delete", existing.number(), "ARC API; its stored signals stay");
      ctx.status(204);
    }

    void importAccounts(Context ctx) throws Exception {
      AccountImport.Format format = "csv".equalsIgnoreCase(ctx.queryParam("format"))
          ? AccountImport.Format.CSV : AccountImport.Format.guess(null, ctx.contentType());
      try {
        AccountImport.Result r = AccountImport.importInto(arc.accounts(), ctx.body(), format);
        arc.reloadAccounts();
        access.changed(ctx, "account.import", null, "ARC API; " + r.created() + " created, " + r.updated() + " updated");
        ctx.json(r);
      } catch (AccountImport.ImportException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "nothing imported");
        body.put("problems", e.problems());
        ctx.status(400).json(body);
      }
    }

    void signals(Context ctx) throws Exception {
      Long account = ctx.queryParam("account") == null ? null : longParam(ctx.queryParam("account"), "account");
      int limit = limit(ctx);
      List<Map<String, Object>> out = arc.signals().signals(account, limit).stream().map(Routes::signalJson).toList();
      ctx.json(out);
    }

    void unknownFrames(Context ctx) throws Exception {
      ctx.json(arc.signals().unknownFrames(limit(ctx)).stream().map(u -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("receivedAt", u.receivedAt());
        m.put("reason", u.reason());
        m.put("detail", u.detail());
        m.put("account", u.accountNumber());
        m.put("receiver", u.receiver());
        m.put("line", u.line());
        m.put("connection", u.connection());
        m.put("raw", printable(u.raw()));
        return m;
      }).toList());
    }

    void supervision(Context ctx) {
      ctx.json(arc.supervisor().snapshot().stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", p.accountId());
        m.put("path", p.path());
        m.put("technology", p.technology());
        m.put("intervalSeconds", p.interval().toSeconds());
        m.put("graceSeconds", p.grace().toSeconds());
        m.put("lastSeen", p.lastSeen());
        m.put("deadline", p.deadline());
        m.put("faulted", p.faulted());
        return m;
      }).toList());
    }

    private static Map<String, Object> signalJson(SignalStore.SignalView s) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("accountId", s.accountId());
      m.put("origin", s.origin());
      m.put("receivedAt", s.receivedAt());
      m.put("panelTime", s.panelTime());
      m.put("path", s.path());
      m.put("connection", s.connection());
      m.put("token", (s.encrypted() ? "*" : "") + s.token());
      m.put("sequence", s.sequence());
      m.put("account", s.accountNumber());
      m.put("data", s.data());
      try {
        m.put("events", JSON.readTree(s.eventsJson()));
      } catch (Exception e) {
        m.put("events", s.eventsJson());
      }
      m.put("deviations", s.deviations());
      m.put("raw", printable(s.raw()));
      m.put("rawHex", HexFormat.of().formatHex(s.raw()));
      m.put("response", printable(s.response()));
      return m;
    }

    /** The notation of research A.16: printable ASCII as is, LF/CR and other bytes as <LF>, <CR>, <xNN>. */
    static String printable(byte[] raw) {
      StringBuilder b = new StringBuilder(raw.length + 8);
      for (byte x : raw) {
        int c = x & 0xff;
        if (c == 0x0a) b.append("<LF>");
        else if (c == 0x0d) b.append("<CR>");
        else if (c >= 0x20 && c < 0x7f) b.append((char) c);
        else b.append(String.format("<x%02X>", c));
      }
      return b.toString();
    }

    private Account find(Context ctx) throws Exception {
      long id = longParam(ctx.pathParam("id"), "id");
      Optional<Account> a = arc.accounts().findById(id);
      if (a.isEmpty()) throw new NotFound("no account with id " + id);
      return a.get();
    }

    private static long longParam(String v, String name) throws BadRequest {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new BadRequest(name + " must be a number", List.of(new AccountProblem(name, "must be a number")));
      }
    }

    private static int limit(Context ctx) throws BadRequest {
      String v = ctx.queryParam("limit");
      if (v == null) return 100;
      long l = longParam(v, "limit");
      if (l < 1 || l > 10_000) throw new BadRequest("limit must be 1..10000", List.of(new AccountProblem("limit", "1..10000")));
      return (int) l;
    }

    private static AccountDocument body(Context ctx) throws BadRequest {
      String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
      if (text.isBlank()) throw new BadRequest("a JSON account is required", List.of());
      try {
        return JSON.readValue(text, AccountDocument.class);
      } catch (Exception e) {
        String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        throw new BadRequest("not a valid account JSON: " + (msg == null ? "" : msg.split("\n")[0]), List.of());
      }
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
