package org.vigil.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.simulate.EffectJson;
import org.vigil.panel.simulate.ScenarioLoader;
import org.vigil.panel.simulate.Simulator;
import org.vigil.panel.yaml.Parsed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil simulate SITE SCENARIO}: replays a scenario on a virtual clock and checks its expectations. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a scenario against a site on a virtual clock and prints every effect.",
      "Exit codes: 0 all expectations hold, 1 an expectation failed, 2 bad site or scenario file."
    })
public final class SimulateCommand implements Callable<Integer> {
  enum Format { jsonl, text }

  @Parameters(index = "0", paramLabel = "SITE", description = "site configuration (YAML)")
  Path site;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SCENARIO", description = "scenario file (YAML, see docs/scenarios.md)")
  Path scenario;

  @Option(names = "--generate", paramLabel = "N", description = "instead of a scenario file, simulate N generated inputs (benchmark; see docs/performance.md)")
  Integer generate;

  @Option(names = "--span", paramLabel = "DURATION", description = "virtual time covered by --generate (default 24h)", defaultValue = "24h")
  String span;

  @Option(names = "--seed", description = "seed for --generate (default 1)", defaultValue = "1")
  long seed;

  @Option(names = "--format", description = "jsonl (default) or text", defaultValue = "jsonl")
  Format format;

  @Option(names = {"-q", "--quiet"}, description = "print only the verdict")
  boolean quiet;

  @Option(names = "--arc", description = "also run the ARC's alarm-handling engine on the panel's notifications (same virtual clock, default account settings) and print its decisions after the panel's effects")
  boolean arc;

  @Option(names = "--arc-run-on", paramLabel = "DURATION", description = "with --arc: how long the ARC's timers run after the last signal (default 25h)", defaultValue = "25h")
  String arcRunOn;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Parsed<SiteConfig> s = SiteLoader.load(site);
    if (!s.ok()) {
      err.println("vigil simulate: the site file has errors:");
      s.problems().forEach(p -> err.println("  " + p));
      err.flush();
      return 2;
    }
    if (generate != null) return generated(s.orThrow(), out, err);
    if (scenario == null) {
      err.println("vigil simulate: give a SCENARIO file or --generate N");
      err.flush();
      return 2;
    }
    Parsed<ScenarioLoader.Loaded> sc = new ScenarioLoader().load(scenario, s.orThrow());
    if (!sc.ok()) {
      err.println("vigil simulate: the scenario file has errors:");
      sc.problems().forEach(p -> err.println("  " + p));
      err.flush();
      return 2;
    }
    var l = sc.orThrow();
    var start = l.scenario().start();
    Simulator.Result r = Simulator.run(l.site(), l.scenario(), t -> {
      if (!quiet) out.println(format == Format.text ? EffectJson.textLine(start, t.at(), t.effect()) : EffectJson.jsonLine(t.at(), t.effect()));
    });
    if (arc) printArc(r, start, out);
    out.flush();
    if (r.passed()) {
      err.println("vigil simulate: " + l.scenario().name() + ": all expectations hold (" + r.inputs() + " inputs, " + r.effects().size() + " effects)");
      err.flush();
      return 0;
    }
    err.println("vigil simulate: " + l.scenario().name() + ": " + r.failures().size() + " expectation(s) failed:");
    r.failures().forEach(f -> err.println("  " + f));
    err.flush();
    return 1;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** The ARC's decisions on the panel's notifications (BS 8243 Section 3, DD243 4.3), with their rules. */
  private void printArc(Simulator.Result r, java.time.Instant start, PrintWriter out) {
    java.time.Duration runOn = org.vigil.panel.yaml.Durations.parse(arcRunOn);
    var run = org.vigil.app.endtoend.PanelToArc.run(r.effects(), "simulated", runOn);
    for (var e : run.effects()) {
      String kind = e.effect().getClass().getSimpleName();
      if (format == Format.text) {
        java.time.Duration d = java.time.Duration.between(start, e.at());
        out.printf("%s  +%02d:%02d:%02d  ARC %s%n", e.at().toString().substring(11, 19), d.toHours(), d.toMinutesPart(), d.toSecondsPart(), e.effect());
      } else {
        var node = JSON.createObjectNode();
        node.put("t", e.at().toString());
        node.put("arc", kind);
        node.put("detail", e.effect().toString());
        out.println(node);
      }
    }
  }

  private int generated(SiteConfig site, PrintWriter out, PrintWriter err) {
    java.time.Duration d;
    try {
      d = org.vigil.panel.yaml.Durations.parse(span);
    } catch (IllegalArgumentException e) {
      err.println("vigil simulate: --span: " + e.getMessage());
      err.flush();
      return 2;
    }
    var start = java.time.Instant.parse("2026-01-05T00:00:00Z");
    var sc = org.vigil.panel.simulate.LoadGenerator.scenario(site, seed, generate, d, start);
    // Warm-up run (JIT), then the measured run.
    Simulator.run(site, sc);
    long t0 = System.nanoTime();
    Simulator.Result r = Simulator.run(site, sc, t -> {
      if (!quiet) out.println(format == Format.text ? EffectJson.textLine(start, t.at(), t.effect()) : EffectJson.jsonLine(t.at(), t.effect()));
    });
    long ms = (System.nanoTime() - t0) / 1_000_000;
    out.flush();
    err.println("vigil simulate: " + r.inputs() + " inputs over " + span + " of virtual time, " + r.effects().size() + " effects, simulated in " + ms + " ms");
    err.flush();
    return 0;
  }
}
