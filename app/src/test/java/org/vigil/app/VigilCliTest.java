package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VigilCliTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = Vigil.commandLine();
    cli.setOut(new PrintWriter(out));
    int code = cli.execute(args);
    assertThat(code).as("exit code of vigil %s", String.join(" ", args)).isZero();
    return out.toString();
  }

  @Test
  void versionNamesTheProjectVersionAndTheRunningJava() {
    assertThat(run("--version")).contains("vigil 0.1.0").contains("Java ");
  }

  @Test
  void helpListsTheCommandName() {
    assertThat(run("--help")).contains("Usage: vigil");
  }
}
