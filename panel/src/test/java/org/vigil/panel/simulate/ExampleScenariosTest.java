package org.vigil.panel.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.yaml.Parsed;

/** Every scenario file under examples/scenarios is a test: it must load and all its expectations hold. */
class ExampleScenariosTest {
  static final Path ROOT = Sites.EXAMPLES.resolve("scenarios");

  static List<Path> scenarioFiles() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioFilePasses() throws IOException {
    List<Path> files = scenarioFiles();
    assertThat(files).as("scenario files in %s", ROOT).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), f.toUri(), () -> {
      Parsed<ScenarioLoader.Loaded> loaded = new ScenarioLoader(new SiteLoader(1)).load(f);
      assertThat(loaded.problems()).as("problems loading %s", f).isEmpty();
      ScenarioLoader.Loaded l = loaded.orThrow();
      Simulator.Result r = Simulator.run(l.site(), l.scenario());
      assertThat(r.failures()).as("failed expectations of %s", f).isEmpty();
    }));
  }
}
