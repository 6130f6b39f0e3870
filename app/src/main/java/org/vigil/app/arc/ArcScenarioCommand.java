package org.vigil.app.arc;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vigil.arc.handling.scenario.ArcScenario;
import org.vigil.arc.handling.scenario.ArcScenarioLoader;
import org.vigil.arc.handling.scenario.ArcScenarioRunner;
import org.vigil.arc.handling.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil arc-scenario FILE|DIR...}: replays ARC-only scenarios on a virtual clock. */
@Command(
    name = "arc-scenario",
    mixinStandardHelpOptions = true,
    description = {
      "Replay ARC alarm-handling scenarios (YAML, see docs/arc-handling.md) on a virtual clock.",
      "Exit code: 0 all passed, 1 an expectation failed, 2 a file could not be read."
    })
public final class ArcScenarioCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "scenario files, or directories of *.yaml")
  List<Path> paths;

  @Option(names = {"-v", "--verbose"}, description = "print every input and effect with its rule")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    ArcScenarioLoader loader = new ArcScenarioLoader();
    ArcScenarioRunner runner = new ArcScenarioRunner();
    int failed = 0;
    int broken = 0;
    for (Path f : files) {
      ArcScenario sc;
      try {
        sc = loader.load(f);
      } catch (ScenarioException e) {
        err.println("ERROR " + f + ": " + e.getMessage());
        broken++;
        continue;
      }
      ArcScenarioRunner.Result r = runner.run(sc);
      out.println((r.passed() ? "PASS " : "FAIL ") + f.getFileName() + "  " + sc.name()
          + (sc.rule() == null ? "" : "  [" + sc.rule() + "]"));
      if (verbose) r.transcript().forEach(line -> out.println("  " + line));
      r.failures().forEach(line -> out.println("  " + line));
      if (!r.passed()) failed++;
    }
    out.println(files.size() + " scenarios: " + (files.size() - failed - broken) + " passed, " + failed + " failed, "
        + broken + " unreadable");
    out.flush();
    err.flush();
    return broken > 0 ? 2 : failed > 0 ? 1 : 0;
  }
}
