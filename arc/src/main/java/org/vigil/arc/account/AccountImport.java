package org.vigil.arc.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports accounts from YAML (a list, or {@code accounts: [...]}) or CSV (header row with the field
 * names of {@link AccountDocument}; {@code quirks} separated by {@code ;}; {@code supervision} as
 * {@code path=seconds/technology;...}). All rows are checked first: one bad row imports nothing, and
 * every problem is reported with its row.
 */
public final class AccountImport {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private AccountImport() {}

  /** A problem at a row (1-based: YAML entry number, or CSV line number). */
  public record RowProblem(int row, String problem) {
    @Override
    public String toString() {
      return "row " + row + ": " + problem;
    }
  }

  public static final class ImportException extends Exception {
    private final List<RowProblem> problems;

    public ImportException(List<RowProblem> problems) {
      super(problems.stream().map(RowProblem::toString).reduce((a, b) -> a + "; " + b).orElse("nothing to import"));
      this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
      return problems;
    }
  }

  public record Result(int created, int updated) {}

  public enum Format {
    YAML,
    CSV;

    public static Format guess(String fileName, String contentType) {
      String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
      String c = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      return n.endsWith(".csv") || c.contains("csv") ? CSV : YAML;
    }
  }

  /** One parsed entry with its row (YAML entry number or CSV line number). */
  private record Row(int row, AccountDocument doc) {}

  private record Parsed(List<Row> rows, List<RowProblem> problems) {}

  /** The documents in the file; every unreadable row is reported. */
  public static List<AccountDocument> parse(String text, Format format) throws ImportException {
    Parsed p = format == Format.CSV ? parseCsv(text) : parseYaml(text);
    if (!p.problems().isEmpty()) throw new ImportException(p.problems());
    return p.rows().stream().map(Row::doc).toList();
  }

  public static Result importInto(AccountRepository repo, String text, Format format) throws ImportException, SQLException {
    Parsed parsed = format == Format.CSV ? parseCsv(text) : parseYaml(text);
    List<Account> accounts = new ArrayList<>();
    List<String> routes = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>(parsed.problems());
    for (Row row : parsed.rows()) {
      try {
        AccountDocument d = row.doc();
        Account base = d.number() == null ? null
            : repo.find(d.number(), d.receiver() == null ? "" : d.receiver(), d.line() == null ? "" : d.line()).orElse(null);
        accounts.add(base == null ? d.toNewAccount() : d.applyTo(base));
        routes.add(d.duressRouteName());
      } catch (InvalidAccountException e) {
        for (AccountProblem p : e.problems()) problems.add(new RowProblem(row.row(), p.toString()));
      }
    }
    problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
    if (!problems.isEmpty()) throw new ImportException(problems);
    if (accounts.isEmpty()) throw new ImportException(List.of(new RowProblem(0, "the file holds no accounts")));
    int created = 0;
    int updated = 0;
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      try {
        if (a.id() == 0) {
          repo.upsert(a);
          created++;
        } else {
          repo.update(a);
          updated++;
        }
      } catch (InvalidAccountException | AccountRepository.AccountConflictException e) {
        throw new ImportException(List.of(new RowProblem(0, a.label() + ": " + e.getMessage())));
      }
      if (routes.get(i) != null) repo.setDuressRoute(a.number(), routes.get(i));
    }
    return new Result(created, updated);
  }

  private static Parsed parseYaml(String text) throws ImportException {
    try {
      JsonNode root = YAML.readTree(text);
      if (root == null || root.isMissingNode() || root.isNull()) return new Parsed(List.of(), List.of());
      JsonNode list = root.isObject() && root.has("accounts") ? root.get("accounts") : root;
      if (!list.isArray()) throw new ImportException(List.of(new RowProblem(0, "expected a list of accounts (or accounts: [...])")));
      List<Row> out = new ArrayList<>();
      List<RowProblem> problems = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        try {
          out.add(new Row(i + 1, YAML.treeToValue(list.get(i), AccountDocument.class)));
        } catch (JsonProcessingException e) {
          problems.add(new RowProblem(i + 1, e.getOriginalMessage()));
        }
      }
      return new Parsed(out, problems);
    } catch (JsonProcessingException e) {
      throw new ImportException(List.of(new RowProblem(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid YAML: " + e.getOriginalMessage())));
    }
  }

  private static Parsed parseCsv(String text) {
    List<List<String>> rows = Csv.parse(text);
    if (rows.isEmpty()) return new Parsed(List.of(), List.of());
    List<String> header = rows.get(0).stream().map(String::trim).toList();
    List<RowProblem> problems = new ArrayList<>();
    List<Row> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() == 1 && row.get(0).isBlank()) continue;
      if (row.size() != header.size()) {
        problems.add(new RowProblem(r + 1, row.size() + " fields, the header has " + header.size()));
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      try {
        for (int c = 0; c < header.size(); c++) {
          String h = header.get(c);
          String v = row.get(c).trim();
          if (v.isEmpty() && !h.equals("key")) continue;
          switch (h) {
            case "quirks" -> m.put(h, Arrays.stream(v.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList());
            case "supervision" -> m.put(h, supervision(v));
            default -> m.put(h, v);
          }
        }
        out.add(new Row(r + 1, YAML.convertValue(m, AccountDocument.class)));
      } catch (IllegalArgumentException e) {
        problems.add(new RowProblem(r + 1, e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0]));
      }
    }
    return new Parsed(out, problems);
  }

  /** {@code R1L1=90/ethernet;R2L1=890/cellular} */
  private static List<Map<String, Object>> supervision(String v) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String part : v.split(";")) {
      if (part.isBlank()) continue;
      String[] pv = part.split("=", 2);
      if (pv.length != 2) throw new IllegalArgumentException("supervision entry '" + part + "' is not path=seconds[/technology]");
      String[] st = pv[1].split("/", 2);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", pv[0].trim());
      try {
        m.put("intervalSeconds", Integer.parseInt(st[0].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("supervision interval '" + st[0] + "' is not a number of seconds");
      }
      m.put("technology", st.length > 1 ? st[1].trim() : "");
      out.add(m);
    }
    return out;
  }

  /** Minimal RFC 4180 reader: commas, double quotes, doubled quotes, CRLF or LF. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              f.append('"');
              i++;
            } else quoted = false;
          } else f.append(c);
        } else if (c == '"') quoted = true;
        else if (c == ',') {
          row.add(f.toString());
          f.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
          row.add(f.toString());
          f.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else f.append(c);
      }
      if (f.length() > 0 || !row.isEmpty()) {
        row.add(f.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
