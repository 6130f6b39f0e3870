package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.store.EmbeddedStore;

/** {@code vigil arc accounts ...} against the store of a (running) ARC data folder. */
class ArcCommandTest {
  @TempDir static Path data;
  static EmbeddedStore store;

  @BeforeAll
  static void startStore() throws Exception {
    store = EmbeddedStore.start(data); // as a running `vigil arc` would have it
  }

  @AfterAll
  static void stopStore() throws Exception {
    store.close();
  }


  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void accountsAreAddedListedUpdatedShownImportedAndDeleted() throws Exception {
    String d = data.toString();
    CliRun add = run("arc", "accounts", "add", "--data", d, "--number", "1234", "--name", "Bank branch", "--key",
        "00112233445566778899AABBCCDDEEFF", "--key-form", "hex", "--supervise", "R1L1=90/ethernet", "--quirk", "binary_crc");
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("added account").doesNotContain("00112233");

    CliRun list = run("arc", "accounts", "list", "--data", d);
    assertThat(list.out()).contains("1234").contains("Bank branch").contains("HEX").contains("1 account(s)");
    String id = list.out().lines().filter(l -> l.contains("1234")).findFirst().orElseThrow().trim().split("\\s+")[0];

    assertThat(run("arc", "accounts", "update", "--data", d, id, "--name", "Bank HQ", "--window-past", "120").code()).isZero();
    CliRun show = run("arc", "accounts", "show", "--data", d, id);
    assertThat(show.out()).contains("\"name\" : \"Bank HQ\"").contains("\"windowPastSeconds\" : 120")
        .contains("\"keyConfigured\" : true").doesNotContain("00112233");

    Path csv = data.resolve("accounts.csv");
    Files.writeString(csv, "number,name,supervision\n5678,Shop,*=3600\n");
    assertThat(run("arc", "accounts", "import", "--data", d, csv.toString()).out()).contains("imported 1 new");

    assertThat(run("arc", "accounts", "delete", "--data", d, id).code()).isZero();
    assertThat(run("arc", "accounts", "list", "--data", d, "--json").out()).contains("5678").doesNotContain("\"1234\"");
  }

  @Test
  void badAccountInputIsRefusedWithEveryProblemAndExitCode1() throws Exception {
    String d = data.toString();
    CliRun bad = run("arc", "accounts", "add", "--data", d, "--number", "12", "--key", "abc", "--key-form", "HEX");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("number:").contains("key:");
    Path yaml = data.resolve("bad.yaml");
    Files.writeString(yaml, "- {number: \"4444\"}\n- {number: \"4444\", quirks: [often]}\n");
    CliRun imp = run("arc", "accounts", "import", "--data", d, yaml.toString());
    assertThat(imp.code()).isEqualTo(1);
    assertThat(imp.err()).contains("nothing imported").contains("row 2");
    assertThat(run("arc", "accounts", "show", "--data", d, "424242").err()).contains("no account with id 424242");
  }

  @Test
  void arcHelpNamesTheFlagsAndDefaults() {
    CliRun help = run("arc", "--help");
    assertThat(help.out()).contains("--dc09-port").contains("7400").contains("--http-port").contains("8480")
        .contains("--data").contains("--jdbc-url").contains("accounts");
  }
}
