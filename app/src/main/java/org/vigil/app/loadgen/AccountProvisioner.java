package org.vigil.app.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.KeyForm;

/**
 * Where the simulated panels' accounts come from (generated, or a CSV file) and how they get into
 * our ARC (one import through its accounts API, the same CSV the administrator would use).
 */
public final class AccountProvisioner {
  private AccountProvisioner() {}

  /** Typed failure: a bad file or a refused import, with the reason; never a stack trace. */
  public static final class ProvisioningException extends Exception {
    public ProvisioningException(String message) {
      super(message);
    }
  }

  /** {@code count} accounts {@code prefix000001...}, line 1, all with {@code key} (or none). */
  public static List<SimulatedAccount> generate(String prefix, int count, Dc09Key key) throws ProvisioningException {
    int width = Math.max(4, String.valueOf(count).length());
    if (prefix.length() + width > 16) throw new ProvisioningException("account prefix '" + prefix + "' is too long for " + count + " accounts (16 characters at most)");
    if (!prefix.chars().allMatch(Character::isLetterOrDigit)) throw new ProvisioningException("account prefix '" + prefix + "' must be letters or digits");
    List<SimulatedAccount> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) out.add(new SimulatedAccount(prefix + String.format(Locale.ROOT, "%0" + width + "d", i), "", "1", key));
    return out;
  }

  /**
   * Reads accounts from a CSV file with a header row naming at least {@code number}; optional
   * {@code receiver}, {@code line}, {@code key}, {@code keyForm} (HEX or ASCII). The ARC's own import
   * format, so the same file provisions the ARC and drives the generator.
   */
  public static List<SimulatedAccount> fromCsv(Path file) throws ProvisioningException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProvisioningException("cannot read " + file + ": " + e.getMessage());
    }
    lines = lines.stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) throw new ProvisioningException(file + " is empty");
    List<String> header = List.of(lines.get(0).trim().split("\\s*,\\s*", -1));
    int number = header.indexOf("number");
    if (number < 0) throw new ProvisioningException(file + ": the header row has no 'number' column");
    int receiver = header.indexOf("receiver");
    int line = header.indexOf("line");
    int key = header.indexOf("key");
    int keyForm = header.indexOf("keyForm");
    List<SimulatedAccount> out = new ArrayList<>();
    for (int r = 1; r < lines.size(); r++) {
      String[] f = lines.get(r).split("\\s*,\\s*", -1);
      if (f.length != header.size())
        throw new ProvisioningException(file + " line " + (r + 1) + ": " + f.length + " fields, the header has " + header.size());
      String n = f[number].trim();
      if (n.isEmpty() || n.length() > 16 || !n.chars().allMatch(Character::isLetterOrDigit))
        throw new ProvisioningException(file + " line " + (r + 1) + ": account number '" + n + "' must be 1-16 letters or digits");
      Dc09Key k = null;
      if (key >= 0 && !f[key].isBlank()) {
        KeyForm form = keyForm >= 0 && "ASCII".equalsIgnoreCase(f[keyForm].trim()) ? KeyForm.ASCII : KeyForm.HEX;
        var problem = Dc09Key.problem(f[key].trim(), form);
        if (problem.isPresent()) throw new ProvisioningException(file + " line " + (r + 1) + ": key: " + problem.get());
        k = Dc09Key.parse(f[key].trim(), form);
      }
      out.add(new SimulatedAccount(n, receiver >= 0 ? f[receiver].trim() : "", line >= 0 && !f[line].isBlank() ? f[line].trim() : "1", k));
    }
    if (out.isEmpty()) throw new ProvisioningException(file + " holds no accounts");
    return out;
  }

  /** The ARC import CSV for these accounts (timestamps checked: the generator stamps real time). */
  public static String toCsv(List<SimulatedAccount> accounts) {
    StringBuilder b = new StringBuilder("number,receiver,line,key,keyForm,name\n");
    for (SimulatedAccount a : accounts) {
      b.append(a.number()).append(',').append(a.receiver() == null ? "" : a.receiver()).append(',')
          .append(a.line() == null ? "" : a.line()).append(',');
      if (a.key() != null) b.append(HexFormat.of().withUpperCase().formatHex(a.key().bytes())).append(",HEX");
      else b.append(',');
      b.append(",loadgen\n");
    }
    return b.toString();
  }

  /**
   * A console operator for the ARC's {@code /api} (HTTP Basic; importing accounts needs SUPERVISOR,
   * docs/api.md). The password is only ever put in the Authorization header, never printed.
   */
  public record Credentials(String user, String password) {
    public Credentials {
      if (user == null || user.isEmpty() || user.contains(":"))
        throw new IllegalArgumentException("the API user name must be non-empty and must not contain ':'");
      if (password == null) throw new IllegalArgumentException("the API password is missing");
    }

    String authorization() {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + "]";
    }
  }

  /** As {@link #provision(URI, List, Credentials)} without credentials: for a headless ARC, from loopback. */
  public static String provision(URI arcHttp, List<SimulatedAccount> accounts) throws ProvisioningException {
    return provision(arcHttp, accounts, null);
  }

  /**
   * Creates or updates the accounts in a running ARC through {@code POST /api/accounts/import}
   * (the ARC reloads its accounts before answering). Returns the ARC's answer. {@code credentials}
   * may be null: an ARC whose console has no operator yet answers loopback callers without them.
   */
  public static String provision(URI arcHttp, List<SimulatedAccount> accounts, Credentials credentials) throws ProvisioningException {
    URI uri = arcHttp.resolve("/api/accounts/import?format=csv");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // text/csv: the ARC refuses form and text/plain bodies on changing calls (cross-site forgery).
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(toCsv(accounts)));
    if (credentials != null) b.header("Authorization", credentials.authorization());
    try {
      HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() / 100 != 2)
        throw new ProvisioningException("the ARC refused the accounts (" + resp.statusCode() + "): " + resp.body().strip() + hint(resp.statusCode(), credentials));
      return resp.body();
    } catch (IOException e) {
      throw new ProvisioningException("cannot reach the ARC's accounts API at " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted while provisioning");
    }
  }

  /** What to do about a refusal the user can fix. */
  static String hint(int status, Credentials credentials) {
    return switch (status) {
      case 401 -> credentials == null
          ? " (the ARC's console has operators: give a SUPERVISOR with --api-user and --api-password or VIGIL_API_PASSWORD)"
          : " (wrong user name or password for " + credentials.user() + ")";
      case 403 -> credentials == null
          ? " (an ARC without console operators answers loopback callers only: give --api-user and --api-password)"
          : " (" + credentials.user() + " needs the SUPERVISOR role to import accounts)";
      default -> "";
    };
  }
}
