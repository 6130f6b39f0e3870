package org.vigil.arc.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.arc.store.Database;
import org.vigil.arc.testing.TestPostgres;

/** Accounts in a real PostgreSQL: CRUD, revisions, YAML and CSV import with their bad inputs. */
class AccountStoreTest {
  Database db;
  AccountRepository repo;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase(), null, null, 2);
    repo = new AccountRepository(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void createReadUpdateDeleteKeepsEveryFieldAndBumpsTheRevision() throws Exception {
    long r0 = repo.revision();
    Account a = repo.create(new Account(0, "foc7688", "1", "2", "Bank", "1 High St", "back door", "FA415FA2FB3C7F13",
        KeyForm.ASCII, true, true, 60, 30, Set.of(Quirk.BINARY_CRC), List.of(new SupervisedPath("R1L2", 90, "ethernet")), 15));
    assertThat(repo.findById(a.id())).contains(a);
    long r1 = repo.revision();
    assertThat(r1).isGreaterThan(r0);
    Account changed = repo.update(new Account(a.id(), a.number(), a.receiver(), a.line(), "Bank (new)", a.siteAddress(),
        a.siteNotes(), a.key(), a.keyForm(), a.encryptionRequired(), false, 60, 30, a.quirks(), a.supervision(), 15));
    assertThat(repo.findById(a.id()).orElseThrow().name()).isEqualTo("Bank (new)");
    assertThat(repo.revision()).isGreaterThan(r1);
    long r2 = repo.revision();
    assertThat(repo.delete(changed.id())).isTrue();
    assertThat(repo.findById(a.id())).isEmpty();
    assertThat(repo.revision()).as("deletions are visible to pollers").isGreaterThan(r2);
    assertThat(repo.delete(changed.id())).isFalse();
  }

  @Test
  void theSameNumberOnTheSameReceiverAndLineIsAConflict() throws Exception {
    repo.create(Account.of("1234"));
    assertThatThrownBy(() -> repo.create(Account.of("1234"))).isInstanceOf(AccountRepository.AccountConflictException.class);
    repo.create(new Account(0, "1234", "", "7", "", "", "", null, null, false, true, 40, 20, Set.of(), List.of(), 30));
  }

  @Test
  void invalidAccountsAreRefusedBeforeTheDatabase() {
    assertThatThrownBy(() -> repo.create(Account.of("1"))).isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("number");
  }

  @Test
  void yamlImportCreatesAndUpdates() throws Exception {
    String yaml = """
        accounts:
          - number: "1234"
            name: Bank branch
            key: 00112233445566778899AABBCCDDEEFF
            keyForm: hex
            encryptionRequired: true
            supervision:
              - {path: R1L1, intervalSeconds: 90, technology: ethernet}
              - {path: R2L1, intervalSeconds: 890, technology: cellular}
          - number: "5678"
            quirks: [binary_crc, MISSING_TIMESTAMP]
        """;
    assertThat(AccountImport.importInto(repo, yaml, AccountImport.Format.YAML)).isEqualTo(new AccountImport.Result(2, 0));
    Account bank = repo.find("1234", "", "").orElseThrow();
    assertThat(bank.keyForm()).isEqualTo(KeyForm.HEX);
    assertThat(bank.supervision()).hasSize(2);
    assertThat(repo.find("5678", "", "").orElseThrow().quirks()).containsExactlyInAnyOrder(Quirk.BINARY_CRC, Quirk.MISSING_TIMESTAMP);
    assertThat(AccountImport.importInto(repo, "- {number: \"1234\", name: Renamed}", AccountImport.Format.YAML))
        .isEqualTo(new AccountImport.Result(0, 1));
    Account renamed = repo.find("1234", "", "").orElseThrow();
    assertThat(renamed.name()).isEqualTo("Renamed");
    assertThat(renamed.hasKey()).as("fields not in the file are kept").isTrue();
  }

  @Test
  void csvImportReadsQuotedFieldsQuirksAndSupervision() throws Exception {
    String csv = "number,receiver,line,name,siteAddress,key,keyForm,quirks,supervision\r\n"
        + "1234,1,1,\"Bank, High St\",\"1 \"\"Main\"\" Rd\",FA415FA2FB3C7F13,ASCII,BINARY_CRC;LOWER_CASE_HEX,R1L1=90/ethernet;R2L1=890/cellular\r\n"
        + "5678,,,Shop,,,,,\r\n";
    assertThat(AccountImport.importInto(repo, csv, AccountImport.Format.CSV)).isEqualTo(new AccountImport.Result(2, 0));
    Account a = repo.find("1234", "1", "1").orElseThrow();
    assertThat(a.name()).isEqualTo("Bank, High St");
    assertThat(a.siteAddress()).isEqualTo("1 \"Main\" Rd");
    assertThat(a.keyForm()).isEqualTo(KeyForm.ASCII);
    assertThat(a.quirks()).containsExactlyInAnyOrder(Quirk.BINARY_CRC, Quirk.LOWER_CASE_HEX);
    assertThat(a.supervision()).extracting(SupervisedPath::intervalSeconds).containsExactly(90, 890);
  }

  @Test
  void oneBadRowImportsNothingAndEveryProblemNamesItsRow() throws Exception {
    String csv = "number,key,keyForm,supervision\n1234,,,\n12,ABC,HEX,\n5678,,,R1L1=often\n";
    assertThatThrownBy(() -> AccountImport.importInto(repo, csv, AccountImport.Format.CSV))
        .isInstanceOfSatisfying(AccountImport.ImportException.class, e ->
            assertThat(e.problems()).extracting(AccountImport.RowProblem::row).contains(3, 4));
    assertThat(repo.findAll()).isEmpty();
  }

  @Test
  void malformedYamlUnknownFieldsAndUnknownQuirksAreReported() {
    assertThatThrownBy(() -> AccountImport.importInto(repo, "accounts: [ {number: 1234", AccountImport.Format.YAML))
        .isInstanceOf(AccountImport.ImportException.class).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> AccountImport.importInto(repo, "- {number: \"1234\", colour: red}", AccountImport.Format.YAML))
        .isInstanceOf(AccountImport.ImportException.class).hasMessageContaining("colour");
    assertThatThrownBy(() -> AccountImport.importInto(repo, "- {number: \"1234\", quirks: [sometimes]}", AccountImport.Format.YAML))
        .isInstanceOf(AccountImport.ImportException.class).hasMessageContaining("unknown quirk");
    assertThatThrownBy(() -> AccountImport.importInto(repo, "number,name\n1234\n", AccountImport.Format.CSV))
        .isInstanceOf(AccountImport.ImportException.class).hasMessageContaining("header has 2");
  }
}
