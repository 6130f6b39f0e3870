package org.vigil.app.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.CliRun;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.console.auth.OperatorStore;
import org.vigil.arc.console.auth.PasswordHasher;
import org.vigil.arc.console.auth.Role;

/**
 * {@code vigil loadgen --provision} against an ARC whose console has operators (issue 12): the ARC's
 * {@code /api} then needs a console operator by HTTP Basic, importing accounts a SUPERVISOR (docs/api.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionWithApiLoginTest {
  static final String SUP_PASSWORD = "sup password 123";
  static final String OP_PASSWORD = "op password 1234";
  @TempDir static Path data;
  ArcService arc;
  URI api;

  @BeforeAll
  void start() throws Exception {
    arc = ArcService.start(ArcConfig.loopback(data));
    api = URI.create("http://127.0.0.1:" + arc.httpPort());
    OperatorStore operators = new OperatorStore(arc.signals().dataSource());
    PasswordHasher hasher = new PasswordHasher(1000);
    operators.create("sup", "Supervisor", Role.SUPERVISOR, hasher.hash(SUP_PASSWORD), Instant.now());
    operators.create("op", "Operator", Role.OPERATOR, hasher.hash(OP_PASSWORD), Instant.now());
  }

  @AfterAll
  void stop() {
    arc.close();
  }

  @Test
  void withConsoleOperatorsAnImportWithoutLoginIsRefusedWithAHint() throws Exception {
    List<SimulatedAccount> accounts = AccountProvisioner.generate("NOLOG", 2, null);
    assertThatThrownBy(() -> AccountProvisioner.provision(api, accounts))
        .isInstanceOf(AccountProvisioner.ProvisioningException.class)
        .hasMessageContaining("401").hasMessageContaining("--api-user");
  }

  @Test
  void aSupervisorLoginImportsTheAccounts() throws Exception {
    List<SimulatedAccount> accounts = AccountProvisioner.generate("SUP", 3, null);
    String answer = AccountProvisioner.provision(api, accounts, new AccountProvisioner.Credentials("sup", SUP_PASSWORD));
    assertThat(answer).contains("3");
  }

  @Test
  void anOperatorMayNotImportAccountsAPIRoleSupervisor() throws Exception {
    List<SimulatedAccount> accounts = AccountProvisioner.generate("OPR", 1, null);
    assertThatThrownBy(() -> AccountProvisioner.provision(api, accounts, new AccountProvisioner.Credentials("op", OP_PASSWORD)))
        .isInstanceOf(AccountProvisioner.ProvisioningException.class)
        .hasMessageContaining("403").hasMessageContaining("SUPERVISOR");
  }

  @Test
  void aWrongPasswordIsRefusedAndNeverPrinted() throws Exception {
    List<SimulatedAccount> accounts = AccountProvisioner.generate("BAD", 1, null);
    AccountProvisioner.Credentials wrong = new AccountProvisioner.Credentials("sup", "not the password");
    assertThatThrownBy(() -> AccountProvisioner.provision(api, accounts, wrong))
        .isInstanceOf(AccountProvisioner.ProvisioningException.class)
        .hasMessageContaining("401").hasMessageContaining("wrong user name or password")
        .hasMessageNotContaining("not the password");
    assertThat(wrong.toString()).doesNotContain("not the password");
  }

  @Test
  void theCommandProvisionsWithApiUserAndPasswordThenEveryFrameIsAcknowledged() {
    CliRun r = CliRun.of("loadgen", "--port", "" + arc.dc09Port(), "--provision", api.toString(),
        "--api-user", "sup", "--api-password", SUP_PASSWORD, "--account-prefix", "CLI", "--panels", "3",
        "--duration", "1s", "--json", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("provisioned 3 account(s)").doesNotContain(SUP_PASSWORD);
    assertThat(r.json().get("acked").asLong()).isPositive();
  }

  @Test
  void badLoginOptionsAreTypedErrorsWithExitCode2() {
    CliRun noUser = CliRun.of("loadgen", "--port", "" + arc.dc09Port(), "--provision", api.toString(), "--api-password", "x");
    assertThat(noUser.exit()).isEqualTo(2);
    assertThat(noUser.err()).contains("--api-password needs --api-user");
    CliRun colon = CliRun.of("loadgen", "--port", "" + arc.dc09Port(), "--provision", api.toString(), "--api-user", "a:b", "--api-password", "x");
    assertThat(colon.exit()).isEqualTo(2);
    assertThat(colon.err()).contains("must not contain ':'");
  }
}
