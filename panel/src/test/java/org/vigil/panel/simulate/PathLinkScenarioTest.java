package org.vigil.panel.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;

/** The virtual transmission paths in scenarios: cut_path / restore_path (issue 9). */
class PathLinkScenarioTest {
  static final SiteConfig SHOP = Sites.load("shop.yaml");
  @TempDir Path dir;

  Parsed<ScenarioLoader.Loaded> load(String yaml) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, yaml);
    return new ScenarioLoader(new SiteLoader(1)).load(f, SHOP);
  }

  @Test
  void unknownPathIsRejectedWithASuggestion() throws IOException {
    Parsed<ScenarioLoader.Loaded> p = load("steps:\n  - cut_path: iq\n");
    assertThat(p.ok()).isFalse();
    Problem only = p.problems().get(0);
    assertThat(only.path()).isEqualTo("steps[0].cut_path");
    assertThat(only.message()).contains("unknown transmission path 'iq'").contains("did you mean 'ip'");
  }

  @Test
  void cutAndRestoreInOneStepAreTwoActions() throws IOException {
    Parsed<ScenarioLoader.Loaded> p = load("steps:\n  - cut_path: ip\n    restore_path: ip\n");
    assertThat(p.ok()).isFalse();
    assertThat(p.problems().get(0).message()).contains("one action per step");
  }

  @Test
  void everyNotificationIsAcknowledgedOverTheVirtualPathWhenNothingIsCut() throws IOException {
    Parsed<ScenarioLoader.Loaded> p = load("steps:\n  - tamper: pir-shop\n  - after: 1m\n    tamper_restore: pir-shop\n");
    Simulator.Result r = Simulator.run(SHOP, p.orThrow().scenario());
    long notifications = r.effects().stream().filter(t -> t.effect() instanceof Effect.Notification).count();
    long acks = r.effects().stream().filter(t -> t.effect() instanceof Effect.LogEntry l && l.rule().equals("DC-09 ACK")).count();
    assertThat(notifications).isEqualTo(2);
    assertThat(acks).isEqualTo(2);
  }
}
