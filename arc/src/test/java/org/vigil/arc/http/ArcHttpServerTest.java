package org.vigil.arc.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.testing.Dc09TestClient;
import org.vigil.arc.testing.TestPostgres;
import org.vigil.protocol.dc09.Dc09Id;

/** The HTTP side: Prometheus metrics and the accounts API, including its bad inputs. */
class ArcHttpServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  ArcService arc;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    arc = ArcService.start(ArcConfig.loopback(dir).withJdbc(TestPostgres.newDatabase(), null, null));
  }

  @AfterEach
  void stop() {
    arc.close();
  }

  HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + arc.httpPort() + path));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) b.header("Content-Type", contentType);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(method, path, body, "application/json");
  }

  @Test
  void accountsCanBeCreatedReadUpdatedAndDeletedAndTheKeyIsNeverReturned() throws Exception {
    var created = send("POST", "/api/accounts", """
        {"number":"1234","name":"Bank","key":"00112233445566778899AABBCCDDEEFF","keyForm":"HEX",
         "supervision":[{"path":"R1L1","intervalSeconds":90,"technology":"ethernet"}]}""");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode a = JSON.readTree(created.body());
    assertThat(created.body()).doesNotContain("00112233");
    assertThat(a.get("keyConfigured").asBoolean()).isTrue();
    long id = a.get("id").asLong();
    assertThat(arc.directory().lookup(null, null, "1234")).as("the receiver sees it at once").isPresent();

    var updated = send("PUT", "/api/accounts/" + id, "{\"name\":\"Bank (HQ)\",\"windowPastSeconds\":120}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(updated.body()).get("name").asText()).isEqualTo("Bank (HQ)");
    assertThat(JSON.readTree(send("GET", "/api/accounts/" + id, null).body()).get("keyConfigured").asBoolean()).isTrue();
    assertThat(JSON.readTree(send("GET", "/api/accounts", null).body())).hasSize(1);

    assertThat(send("DELETE", "/api/accounts/" + id, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/accounts/" + id, null).statusCode()).isEqualTo(404);
    assertThat(arc.directory().lookup(null, null, "1234")).isEmpty();
  }

  @Test
  void badInputGetsAClearErrorAndChangesNothing() throws Exception {
    var malformed = send("POST", "/api/accounts", "{\"number\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get("error").asText()).contains("not a valid account JSON");

    var unknownField = send("POST", "/api/accounts", "{\"number\":\"1234\",\"colour\":\"red\"}");
    assertThat(unknownField.statusCode()).isEqualTo(400);

    var invalid = send("POST", "/api/accounts", "{\"number\":\"12\",\"key\":\"short\",\"keyForm\":\"ASCII\"}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("\"field\":\"number\"").contains("\"field\":\"key\"");

    assertThat(send("POST", "/api/accounts", "{\"number\":\"1234\"}").statusCode()).isEqualTo(201);
    assertThat(send("POST", "/api/accounts", "{\"number\":\"1234\"}").statusCode()).isEqualTo(409);
    assertThat(send("GET", "/api/accounts/abc", null).statusCode()).isEqualTo(400);
    assertThat(send("PUT", "/api/accounts/999", "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/signals?limit=0", null).statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(send("GET", "/api/accounts", null).body())).hasSize(1);
  }

  @Test
  void importTakesYamlOrCsvAllOrNothing() throws Exception {
    var ok = send("POST", "/api/accounts/import", "number,name\n1234,Bank\n5678,Shop\n", "text/csv");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("created").asInt()).isEqualTo(2);
    var bad = send("POST", "/api/accounts/import", "- {number: \"9999\"}\n- {number: \"1\"}\n", "application/yaml");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"row\":2");
    assertThat(JSON.readTree(send("GET", "/api/accounts", null).body())).hasSize(2);
  }

  @Test
  void metricsCountFramesByResultWithAckLatencyConnectionsAndBatchSizes() throws Exception {
    send("POST", "/api/accounts", "{\"number\":\"1234\"}");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Dc09TestClient panel = new Dc09TestClient(arc.dc09Port())) {
      assertThat(Dc09TestClient.decode(panel.exchange(Dc09TestClient.encode(Dc09TestClient.sia("1234", 1, "#1234|NBA001", now))))
          .id()).isEqualTo(Dc09Id.ACK);
      assertThat(Dc09TestClient.decode(panel.exchange(Dc09TestClient.encode(Dc09TestClient.sia("4321", 1, "#4321|NBA001", now))))
          .id()).isEqualTo(Dc09Id.NAK);
      String metrics = send("GET", "/metrics", null).body();
      assertThat(metrics)
          .contains("vigil_arc_frames_total{result=\"ack\",transport=\"tcp\"} 1.0")
          .contains("vigil_arc_frames_total{result=\"nak_unknown_account\",transport=\"tcp\"} 1.0")
          .contains("vigil_arc_ack_latency_seconds_bucket")
          .contains("vigil_arc_connections 1.0")
          .contains("vigil_arc_commit_batch_size_bucket")
          .contains("vigil_arc_store_available 1.0");
    }
    var unknown = JSON.readTree(send("GET", "/api/unknown-frames", null).body());
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0).get("raw").asText()).startsWith("<LF>").contains("#4321");
    var signals = JSON.readTree(send("GET", "/api/signals", null).body());
    assertThat(signals.get(0).get("events").get(0).get("category").asText()).isEqualTo("INTRUDER");
    assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
  }

  // ---- who may call /api (issue 10: same roles as the console API) ----

  void operator(String name, org.vigil.arc.console.auth.Role role) {
    new org.vigil.arc.console.auth.OperatorStore(arc.signals().dataSource()).create(name, name, role,
        new org.vigil.arc.console.auth.PasswordHasher(1000).hash(name + " password 123"), Instant.now());
  }

  HttpResponse<String> as(String user, String password, String method, String path, String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + arc.httpPort() + path));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) b.header("Content-Type", contentType);
    if (user != null) b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void onceAConsoleOperatorExistsTheApiNeedsOperatorCredentialsWithTheConsoleRoles() throws Exception {
    operator("sup", org.vigil.arc.console.auth.Role.SUPERVISOR);
    operator("op", org.vigil.arc.console.auth.Role.OPERATOR);

    var anonymous = send("GET", "/api/accounts", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(JSON.readTree(anonymous.body()).get("error").asText()).contains("console operator");
    assertThat(send("POST", "/api/accounts", "{\"number\":\"1234\"}").statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/signals", null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/api/accounts/import", "number,name\n1234,Bank\n", "text/csv").statusCode()).isEqualTo(401);
    assertThat(arc.accounts().findAll()).isEmpty();

    assertThat(as("op", "wrong", "GET", "/api/accounts", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/accounts", null).statusCode()).isEqualTo(401);
    HttpRequest garbled = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + arc.httpPort() + "/api/accounts"))
        .header("Authorization", "Basic !!!not-base64").build();
    assertThat(http.send(garbled, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

    assertThat(as("op", "op password 123", "GET", "/api/accounts", null, null).statusCode()).isEqualTo(200);
    var denied = as("op", "op password 123", "POST", "/api/accounts", "{\"number\":\"1234\"}", "application/json");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(denied.body()).get("error").asText()).contains("SUPERVISOR");
    assertThat(arc.accounts().findAll()).isEmpty();

    var created = as("sup", "sup password 123", "POST", "/api/accounts", "{\"number\":\"1234\",\"duressRoute\":\"arc_and_keyholders\"}", "application/json");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    // a cross-site form cannot change anything, even with remembered credentials
    var form = as("sup", "sup password 123", "PUT", "/api/accounts/" + id, "name=Hijacked", "application/x-www-form-urlencoded");
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(as("sup", "sup password 123", "POST", "/api/accounts/import", "- {number: \"9999\"}", "text/plain").statusCode()).isEqualTo(415);
    assertThat(arc.accounts().findAll()).singleElement().satisfies(a -> assertThat(a.name()).isEmpty());
    assertThat(as("sup", "sup password 123", "DELETE", "/api/accounts/" + id, null, null).statusCode()).isEqualTo(204);

    // metrics and health stay open for monitoring
    assertThat(send("GET", "/metrics", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);

    var audit = new org.vigil.arc.console.audit.AuditTrail(arc.signals().dataSource()).latest(50);
    assertThat(audit).extracting(org.vigil.arc.console.audit.AuditEntry::actor, org.vigil.arc.console.audit.AuditEntry::action)
        .contains(org.assertj.core.groups.Tuple.tuple("sup", "account.create"), org.assertj.core.groups.Tuple.tuple("sup", "account.delete"),
            org.assertj.core.groups.Tuple.tuple("op", "access.denied"), org.assertj.core.groups.Tuple.tuple("op", "api.login"));
    assertThat(audit).noneSatisfy(e -> assertThat(e.detail()).contains("password 123"));
  }

  @Test
  void fiveWrongPasswordsLockTheNameEvenForTheRightPassword() throws Exception {
    operator("sup", org.vigil.arc.console.auth.Role.SUPERVISOR);
    for (int i = 0; i < 4; i++) assertThat(as("sup", "wrong " + i, "GET", "/api/accounts", null, null).statusCode()).isEqualTo(401);
    var locked = as("sup", "wrong 5", "GET", "/api/accounts", null, null);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(as("sup", "sup password 123", "GET", "/api/accounts", null, null).statusCode()).isEqualTo(429);
  }

  @Test
  void withoutAnyOperatorTheApiAnswersLoopbackCallersOnly() throws Exception {
    // A headless ARC (console never started): loopback callers only, e.g. the load generator's provisioning.
    assertThat(send("POST", "/api/accounts/import", "number,name\n1234,Bank\n", "text/csv").statusCode()).isEqualTo(200);
    assertThat(ApiAccess.loopback("127.0.0.1")).isTrue();
    assertThat(ApiAccess.loopback("::1")).isTrue();
    assertThat(ApiAccess.loopback("192.0.2.7")).isFalse();
    assertThat(ApiAccess.loopback(null)).isFalse();
    assertThat(ApiAccess.formLike("text/plain; charset=UTF-8")).isTrue();
    assertThat(ApiAccess.formLike("application/json")).isFalse();
    assertThat(ApiAccess.basic("Basic " + java.util.Base64.getEncoder().encodeToString("a:b:c".getBytes()))).hasValueSatisfying(p ->
        assertThat(p).containsExactly("a", "b:c"));
    assertThat(ApiAccess.basic("Bearer x")).isEmpty();
  }

  @Test
  void theDuressRouteOfAnImportedAccountGoesToTheConsolesHandlingProfile() throws Exception {
    var ok = send("POST", "/api/accounts/import", "number,name,duressRoute\n1234,Bank,ARC_AND_KEYHOLDERS\n5678,Shop,\n", "text/csv");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    try (var c = arc.signals().dataSource().getConnection();
         var rs = c.createStatement().executeQuery("SELECT account_number, duress_route FROM console_account_profile ORDER BY 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1234");
      assertThat(rs.getString(2)).isEqualTo("ARC_AND_KEYHOLDERS");
      assertThat(rs.next()).as("no row for an account that does not set it").isFalse();
    }
    var bad = send("POST", "/api/accounts/import", "- {number: \"9999\", duressRoute: sometimes}\n", "application/yaml");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("duressRoute").contains("POLICE or ARC_AND_KEYHOLDERS");
  }
}
