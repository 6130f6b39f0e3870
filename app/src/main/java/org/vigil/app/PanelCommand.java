package org.vigil.app;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.eventlog.EventLog;
import org.vigil.panel.eventlog.LogEntry;
import org.vigil.panel.mqtt.MqttDevices;
import org.vigil.panel.mqtt.MqttMapping;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.service.TransmitterUplink;
import org.vigil.panel.transmit.TransmitSettings;
import org.vigil.panel.service.Uplink;
import org.vigil.panel.visual.ImageServer;
import org.vigil.panel.visual.ImageStore;
import org.vigil.panel.web.DirectActions;
import org.vigil.panel.web.PanelWeb;
import org.vigil.panel.yaml.Parsed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil panel --config SITE}: the panel as a service; {@code vigil panel log}: print and verify its event log. */
@Command(
    name = "panel",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the panel: the engine in real time, state saved after every step and restored at restart, the",
      "hash-chained event log, DC-09 signalling to the ARC, MQTT devices and Home Assistant (with --mqtt), and",
      "the web keypads and installer view on the HTTP port."
    },
    subcommands = {PanelCommand.Log.class})
public final class PanelCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "SITE", description = "Site file (YAML)")
  Path config;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder: event log, state, outbound queue (default: ${DEFAULT-VALUE})")
  Path data = Path.of(System.getProperty("user.home"), ".vigil", "panel");

  @Option(names = "--mqtt", paramLabel = "URL", description = "MQTT broker, e.g. tcp://127.0.0.1:1883 (default: the site file's mqtt.broker; none: no MQTT)")
  URI mqtt;

  @Option(names = "--mqtt-base", description = "Device topic base (default: the site file's mqtt.base_topic, else zigbee2mqtt)")
  String mqttBase;

  @Option(names = "--supervision", description = "A device silent this long is a fault, 0s = off (default: the site file's mqtt.supervision, else 25h)")
  Duration supervision;

  @Option(names = "--http-port", description = "Web keypads and installer view (default: ${DEFAULT-VALUE}; -1 = off)")
  int httpPort = 8080;

  @Option(names = "--http-host", description = "HTTP listen address (default: ${DEFAULT-VALUE}). Web keypads are open like physical ones; the installer view needs level 3 access")
  String httpHost = "127.0.0.1";

  @Option(names = "--image-port", description = "Serves hold-up images to the ARC on this port, on --http-host (default: ${DEFAULT-VALUE} = off; 0 = any free port)."
      + " Images are always kept under DIR/images.")
  int imagePort = -1;

  @Option(names = "--image-url", paramLabel = "URL", description = "The image server's address as the ARC reaches it, e.g. http://203.0.113.5:8081/ (default: the bound address)")
  URI imageUrl;

  @Option(names = "--simulator", description = "Also serve the site simulator (bench testing: it acts as every device); it opens only with the printed link, which carries a random token")
  boolean simulator;

  @Option(names = "--no-signalling", description = "Do not open the transmission paths (bench testing)")
  boolean noSignalling;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (config == null) {
      err.println("vigil panel: --config SITE is required (or: vigil panel log)");
      return 2;
    }
    Parsed<SiteConfig> parsed = SiteLoader.load(config);
    if (!parsed.ok()) {
      err.println("vigil panel: " + config + " has problems:");
      SiteLoader.lines(parsed.problems()).forEach(l -> err.println("  " + l));
      return 1;
    }
    SiteConfig site = parsed.orThrow();
    Clock clock = Clock.systemUTC();
    // The transmitter holds what the engine must hear (path faults, signals the ARC refused) until
    // the panel is attached below, so nothing raised in the first moments is lost.
    TransmitterUplink tu = noSignalling || site.transmission().paths().isEmpty() ? null
        : TransmitterUplink.start(site.transmission(), data.resolve("outbound.queue"), clock, TransmitSettings.DEFAULT);
    Uplink uplink = tu == null ? Uplink.NONE : tu;
    ImageStore images = new ImageStore();
    ImageServer imageServer = imagePort < 0 ? null : ImageServer.start(images, new InetSocketAddress(httpHost, imagePort), imageUrl);
    PanelService panel = PanelService.start(site, data, clock, uplink, imageServer == null ? null : new PanelService.Visual(images, imageServer::linkFor));
    if (tu != null) tu.attach(panel::submit);
    // The site file's mqtt section decides; the command line overrides broker, base topic and supervision.
    URI broker = mqtt != null ? mqtt : site.mqtt().broker();
    String base = mqttBase != null ? mqttBase : site.mqtt().baseTopic();
    MqttMapping mapping = MqttMapping.of(site, base, supervision != null ? supervision : site.mqtt().supervision());
    MqttDevices devices = broker == null ? null : MqttDevices.start(panel, mapping, broker, clock);
    PanelWeb web = httpPort < 0 ? null
        : PanelWeb.start(panel, new DirectActions(panel), devices == null ? null : devices::counters,
            new PanelWeb.Options(httpHost, httpPort, simulator ? PanelWeb.newToken() : null));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (web != null) web.close();
      if (devices != null) devices.close();
      panel.close();
      if (imageServer != null) imageServer.close();
      uplink.close();
      stopped.countDown();
    }, "vigil-panel-shutdown"));
    out.println("Panel running: " + site.site().name() + (panel.restored() ? " (state restored)" : ""));
    out.println("  Signalling: " + uplink.describe());
    out.println("  MQTT:       " + (broker == null ? "off" : broker + " (" + base + "/<device>" + (site.mqtt().devices().isEmpty() ? "" : ", "
        + site.mqtt().devices().size() + " device(s) mapped in the site file") + ", Home Assistant discovery)"));
    if (web != null) {
      site.keypads().forEach(k -> out.println("  Keypad:     http://" + httpHost + ":" + web.port() + "/keypad/" + k.id()));
      out.println("  Installer:  http://" + httpHost + ":" + web.port() + "/installer   (level 3: a master or manager authorises with code # 65, then the installer code)");
      if (simulator) out.println("  Simulator:  " + web.simulatorLink(httpHost));
    }
    out.println("  Images:     " + (imageServer == null ? data.resolve("images") + " (no image server)" : imageServer.base() + "images/ (and " + data.resolve("images") + ")"));
    out.println("  Data:       " + data);
    out.println("Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return 0;
  }

  @Command(name = "log", mixinStandardHelpOptions = true,
      description = {"Prints the panel's event log (installer entries included) and verifies its hash chain.",
        "Exit code 0 when the chain is intact, 1 when it is broken (tampering or damage), 2 when there is no log."})
  static final class Log implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Panel data folder (default: ${DEFAULT-VALUE})")
    Path data = Path.of(System.getProperty("user.home"), ".vigil", "panel");

    @Option(names = "--file", paramLabel = "FILE", description = "An event log file (instead of DIR/events.log)")
    Path file;

    @Option(names = "--verify-only", description = "Only verify; print nothing but the result")
    boolean verifyOnly;

    @Option(names = "--last", paramLabel = "N", description = "Print only the newest N entries")
    Integer last;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Path f = file != null ? file : data.resolve("events.log");
      if (!Files.exists(f)) {
        spec.commandLine().getErr().println("vigil panel log: no event log at " + f);
        return 2;
      }
      if (!verifyOnly) {
        List<LogEntry> entries = EventLog.read(f);
        if (last != null) entries = entries.subList(Math.max(0, entries.size() - last), entries.size());
        for (LogEntry e : entries) {
          out.printf("%6d  %s  %-9s %s%s%s%n", e.seq(), e.at(), e.eventClass().name().toLowerCase(), e.userVisible() ? "" : "[installer] ",
              e.message(), e.rule().isEmpty() ? "" : "  [" + e.rule() + "]");
        }
      }
      EventLog.Verification v = EventLog.verify(f);
      if (v.intact()) {
        out.println("chain intact: " + v.entries() + " entries" + (v.dropped() > 0 ? " (" + v.dropped() + " routine entries compacted away earlier)" : ""));
        out.flush();
        return 0;
      }
      out.println("CHAIN BROKEN: " + v.problems().size() + " problem(s)");
      v.problems().forEach(p -> out.println("  " + p));
      out.flush();
      return 1;
    }
  }
}
