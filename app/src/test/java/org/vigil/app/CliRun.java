package org.vigil.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code vigil} command line: exit code and what it printed. */
public record CliRun(int code, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Vigil.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Same as {@link #code()}, for tests that speak of the exit status. */
  public int exit() {
    return code;
  }

  /** Standard output parsed as JSON (fails the test when it is not JSON). */
  public JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }
}
