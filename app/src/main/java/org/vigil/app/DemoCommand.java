package org.vigil.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.app.demo.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil demo}: ARC, broker, bank-branch panel and pages in one process, on embedded defaults. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole system in one process: the ARC (embedded PostgreSQL, DC-09 receiver, operator console),",
      "an embedded MQTT broker, a panel running the example bank branch reporting to the ARC over DC-09 on",
      "loopback, and the site simulator, web keypads and installer view. Prints the URLs. Ctrl-C stops it."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: a new temporary folder)")
  Path data;

  @Option(names = "--panel-port", description = "Port of the panel pages (default: ${DEFAULT-VALUE}; 0 = any free port)")
  int panelPort = 8080;

  @Option(names = "--console-port", description = "Port of the ARC console (default: ${DEFAULT-VALUE}; 0 = any free port)")
  int consolePort = 8481;

  @Option(names = "--mqtt-port", description = "Port of the embedded MQTT broker (default: ${DEFAULT-VALUE}; 0 = any free port)")
  int mqttPort = 1883;

  @Option(names = "--admin-password", description = "ARC console password for 'admin' (default: ${DEFAULT-VALUE})")
  String adminPassword = "vigil-demo-2026";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data != null ? data : Files.createTempDirectory("vigil-demo-");
    out.println("Starting the Vigil demo (embedded PostgreSQL takes a few seconds the first time)...");
    out.flush();
    Demo demo;
    try {
      demo = Demo.start(new Demo.Options(dir, panelPort, consolePort, mqttPort, adminPassword));
    } catch (Exception e) {
      spec.commandLine().getErr().println("vigil demo: could not start: " + e.getMessage()
          + (e.getMessage() != null && e.getMessage().contains("ddress") ? " (a port is in use: try --panel-port 0 --console-port 0 --mqtt-port 0)" : ""));
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      demo.close();
      stopped.countDown();
    }, "vigil-demo-shutdown"));
    out.print(demo.banner());
    out.println("Data: " + dir);
    out.flush();
    stopped.await();
    return 0;
  }
}
