package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil anticode}: the ARC's side of the BS 8473 remote reset. */
class AntiCodeCommandTest {
  static final Path SITE = Path.of("..", "examples", "detector-pairs.yaml");

  @Test
  void bs8473_responseForThePanelsChallenge_fromTheSiteFile() {
    // examples/scenarios/intruder/bs8243-a3-bs8473-remote-reset-by-anti-code.yaml: challenge 86678 -> 484509
    CliRun r = CliRun.of("anticode", "86678", "--site", SITE.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).isEqualTo("484509");
    assertThat(r.out() + r.err()).doesNotContain("store-arc-shared-secret-42");
  }

  @Test
  void bs8473_responseFromASecretFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("secret");
    Files.writeString(f, "store-arc-shared-secret-42\n");
    assertThat(CliRun.of("anticode", "86678", "--secret-file", f.toString()).out().trim()).isEqualTo("484509");
  }

  @Test
  void badChallengeOrMissingSecretIsAClearError() {
    CliRun bad = CliRun.of("anticode", "12ab5", "--site", SITE.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("5 digits");
    CliRun none = CliRun.of("anticode", "12345");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no secret");
    CliRun noSecretInSite = CliRun.of("anticode", "12345", "--site", Path.of("..", "examples", "shop.yaml").toString());
    assertThat(noSecretInSite.code()).isEqualTo(2);
  }
}
