package org.vigil.panel.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.simulate.LoadGenerator;
import org.vigil.panel.simulate.Scenario;
import org.vigil.panel.simulate.Simulator;

/** A 24-hour virtual day with 10,000 inputs, simulated end to end (docs/performance.md, Panel simulator). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class SimulatorBenchmark {
  @Param({"shop.yaml", "bank.yaml"})
  String site;

  SiteConfig config;
  Scenario scenario;

  @Setup
  public void setUp() {
    config = new SiteLoader().read(Path.of("..", "examples", site)).orThrow();
    scenario = LoadGenerator.scenario(config, 1, 10_000, Duration.ofHours(24), Instant.parse("2026-01-05T00:00:00Z"));
  }

  @Benchmark
  public Simulator.Result day24hWith10000Inputs() {
    return Simulator.run(config, scenario);
  }
}
