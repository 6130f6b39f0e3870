package org.vigil.arc.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vigil.arc.handling.scenario.ArcScenario;
import org.vigil.arc.handling.scenario.ArcScenarioLoader;
import org.vigil.arc.handling.scenario.ArcScenarioRunner;

/** Every file in examples/arc-scenarios is a test: it must load and every expectation must hold. */
class ArcScenarioFilesTest {

  static Path scenarioDir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path d = p.resolve("examples/arc-scenarios");
      if (Files.isDirectory(d)) return d;
      p = p.getParent();
    }
    throw new IllegalStateException("examples/arc-scenarios not found above " + Path.of("").toAbsolutePath());
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(scenarioDir())) {
      return s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void scenarioDirectoryHasAScenarioPerRule() throws IOException {
    assertThat(files()).hasSizeGreaterThan(30);
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioFilePasses() throws IOException {
    ArcScenarioLoader loader = new ArcScenarioLoader();
    ArcScenarioRunner runner = new ArcScenarioRunner();
    return files().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      ArcScenario sc = loader.load(f);
                      ArcScenarioRunner.Result r = runner.run(sc);
                      assertThat(r.failures())
                          .as("%s (%s)%n%s", sc.name(), sc.rule(), String.join("\n", r.transcript()))
                          .isEmpty();
                    }));
  }
}
