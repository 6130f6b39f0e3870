package org.vigil.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.ArcConfig;
import org.vigil.arc.ArcService;
import org.vigil.arc.account.AccountDocument;
import org.vigil.arc.console.ArcConsole;
import org.vigil.arc.console.queue.AlarmDesk;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.mqtt.MqttDevices;
import org.vigil.panel.mqtt.MqttMapping;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.service.TransmitterUplink;
import org.vigil.panel.transmit.TransmitSettings;
import org.vigil.panel.visual.ImageServer;
import org.vigil.panel.visual.ImageStore;
import org.vigil.panel.web.PanelWeb;

/**
 * Everything of {@code vigil demo} in one process: the ARC (embedded PostgreSQL, DC-09 receiver,
 * console), an embedded MQTT broker, the bank-branch panel reporting to the ARC over DC-09 on
 * loopback with its devices on MQTT, and the panel's pages (site simulator, web keypads, installer
 * view). {@link #close} stops it all in reverse order.
 */
public final class Demo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
  public static final String ADMIN_USER = "admin";

  /** Ports (0 = any free one) and where data goes. */
  public record Options(Path dataDir, int panelHttpPort, int consolePort, int mqttPort, String adminPassword) {}

  private final List<AutoCloseable> started = new ArrayList<>();
  private ArcService arc;
  private ArcConsole arcConsole;
  private EmbeddedBroker broker;
  private PanelService panel;
  private MqttDevices devices;
  private PanelWeb web;
  private SiteConfig site;
  private DemoCamera camera;
  private ImageServer imageServer;
  private String adminPassword;
  private String simulatorToken;

  private Demo() {}

  public static Demo start(Options o) throws Exception {
    Demo d = new Demo();
    try {
      d.startAll(o);
      return d;
    } catch (Exception | Error e) {
      d.close();
      throw e;
    }
  }

  private void startAll(Options o) throws Exception {
    Files.createDirectories(o.dataDir());
    Clock clock = Clock.systemUTC();
    // The site's cameras are stand-ins served by the demo, so a hold-up shows images at the console.
    camera = DemoCamera.start();
    started.add(camera);
    site = loadBank(o.dataDir(), camera);

    // ARC: store, receiver, and the console on its own port.
    arc = ArcService.start(ArcConfig.loopback(o.dataDir().resolve("arc"))
        .withAddresses(new InetSocketAddress("127.0.0.1", 0), null));
    started.add(arc);
    Transmission tx = site.transmission();
    if (arc.accounts().findAll().stream().noneMatch(a -> a.number().equals(tx.account()))) {
      TransmissionPath p0 = tx.paths().get(0);
      arc.accounts().create(new AccountDocument(null, tx.account(), "", "", site.site().name(), site.site().address(),
          "vigil demo", p0.key(), p0.keyForm().name(), null, false, true, null, null, null, null, null).toNewAccount());
      arc.reloadAccounts();
    }
    // The console with the ARC's alarm-handling engine (EngineAlarmDesk), on its own port.
    adminPassword = o.adminPassword();
    arcConsole = ArcConsole.attach(arc, new ArcConsole.Options(new InetSocketAddress("127.0.0.1", o.consolePort()),
        Optional.of(adminPassword), 0), line -> LOG.info(line));
    started.add(arcConsole);

    // Broker.
    broker = EmbeddedBroker.start(o.mqttPort());
    started.add(broker);

    // Panel: signals to the ARC's DC-09 port on loopback, devices on MQTT.
    site = retarget(site, arc.dc09Port());
    // Path faults and signals the ARC refused (DUH) wait in the uplink until the panel is attached.
    TransmitterUplink uplink = TransmitterUplink.start(site.transmission(), o.dataDir().resolve("panel/outbound.queue"), clock,
        TransmitSettings.DEFAULT);
    started.add(uplink);
    // Captured hold-up images are served to the ARC, which fetches them by the link in the [V] block.
    ImageStore images = new ImageStore();
    imageServer = ImageServer.start(images, new InetSocketAddress("127.0.0.1", 0), null);
    started.add(imageServer);
    panel = PanelService.start(site, o.dataDir().resolve("panel"), clock, uplink, new PanelService.Visual(images, imageServer::linkFor));
    uplink.attach(panel::submit);
    started.add(panel);
    // The site file's mqtt section (topics, fields, supervision); the broker is the demo's own.
    MqttMapping mapping = MqttMapping.of(site);
    devices = MqttDevices.start(panel, mapping, URI.create(broker.url()), clock);
    started.add(devices);
    MqttSiteActions actions = new MqttSiteActions("127.0.0.1", broker.port(), mapping, panel);
    started.add(actions);
    simulatorToken = PanelWeb.newToken();
    web = PanelWeb.start(panel, actions, devices::counters, new PanelWeb.Options("127.0.0.1", o.panelHttpPort(), simulatorToken));
    started.add(web);
  }

  /** The bank branch from inside the jar (or the repository's examples folder when run from the sources). */
  static SiteConfig loadBank(Path dataDir, DemoCamera camera) throws IOException {
    Path file = dataDir.resolve("bank.yaml");
    String text;
    try (InputStream in = Demo.class.getResourceAsStream("/examples/bank.yaml")) {
      text = in != null ? new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) : Files.readString(Path.of("examples", "bank.yaml"));
    }
    // The demo gives the deputy manager a duress PIN so duress can be tried (the example itself has none).
    text = text.replace("pin: \"271828\",", "pin: \"271828\", duress_pin: \"" + DEMO_DURESS_PIN + "\",");
    // ... and an installer (level 0 everywhere), whose code works only after a manager authorised it (code # 65).
    text = text.replace("\nusers:\n", "\nusers:\n  - {number: 9, name: Installer (Example Alarms), home_area: hall, authority: {hall: 0, office: 0, vault: 0}, pin: \""
        + DEMO_INSTALLER_PIN + "\"}\n");
    // The example's cameras (http://cam-counters.local/snapshot.jpg ...) become the demo's own.
    text = CAMERA_URL.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(camera.snapshotUrl(m.group(1)).toString()));
    Files.writeString(file, text);
    return SiteLoader.load(file).orThrow();
  }

  private static final java.util.regex.Pattern CAMERA_URL = java.util.regex.Pattern.compile("http://([A-Za-z0-9_-]+)\\.local/snapshot\\.jpg");

  /** The deputy manager's duress PIN in the demo. */
  public static final String DEMO_DURESS_PIN = "582046";

  /** The installer's code in the demo (user 9, level 0). */
  public static final String DEMO_INSTALLER_PIN = "802154";

  /**
   * Points every transmission path at the local ARC (the example names arc1/arc2.example.net) and
   * uses Contact ID (ADM-CID): in SIA DC-03 a duress is sent as HA, which the ARC can only read as the
   * hold-up family; Contact ID 121 lets the console show it as duress.
   */
  static SiteConfig retarget(SiteConfig s, int port) {
    List<TransmissionPath> paths = s.transmission().paths().stream().map(p -> new TransmissionPath(p.id(), p.role(), p.technology(),
        "127.0.0.1", port, p.protocol(), TransmissionPath.Format.ADM_CID, p.account(), p.receiver(), p.line(), p.key(), p.keyForm(), p.pollInterval(),
        p.failureTime())).toList();
    Transmission t = s.transmission();
    Transmission nt = new Transmission(t.account(), t.category(), paths, t.duressZone992());
    return s.withTransmission(nt);
  }

  /** The simulator's link with its token (the simulator is never open without it). */
  public String simulatorUrl() {
    return web.simulatorLink("127.0.0.1");
  }

  /** Where the panel's pages are, e.g. {@code http://127.0.0.1:8080}. */
  public String panelUrl() {
    return "http://127.0.0.1:" + web.port();
  }

  public String simulatorToken() {
    return simulatorToken;
  }

  public PanelWeb web() {
    return web;
  }

  public String installerUrl() {
    return "http://127.0.0.1:" + web.port() + "/installer";
  }

  public List<String> keypadUrls() {
    return site.keypads().stream().map(k -> "http://127.0.0.1:" + web.port() + "/keypad/" + k.id()).toList();
  }

  public String consoleUrl() {
    return "http://127.0.0.1:" + arcConsole.port() + "/console/login";
  }

  public String mqttUrl() {
    return broker.url();
  }

  public String adminPassword() {
    return adminPassword;
  }

  public PanelService panel() {
    return panel;
  }

  public MqttDevices devices() {
    return devices;
  }

  public AlarmDesk desk() {
    return arcConsole.desk();
  }

  public DemoCamera camera() {
    return camera;
  }

  public ArcService arc() {
    return arc;
  }

  /** What {@code vigil demo} prints. */
  public String banner() {
    StringBuilder b = new StringBuilder();
    b.append("Vigil demo running: ").append(site.site().name()).append('\n');
    b.append("  Site simulator   ").append(simulatorUrl()).append("   (the link carries its token)\n");
    for (int i = 0; i < site.keypads().size(); i++) {
      b.append("  Web keypad       ").append(keypadUrls().get(i)).append("   (").append(site.keypads().get(i).name()).append(")\n");
    }
    b.append("  Installer view   ").append(installerUrl()).append("   (a manager authorises: 271828 # 65; then installer code ")
        .append(DEMO_INSTALLER_PIN).append(")\n");
    b.append("  ARC console      ").append(consoleUrl()).append("   login: ").append(ADMIN_USER).append(" / ").append(adminPassword).append('\n');
    b.append("  MQTT broker      ").append(mqttUrl()).append("   (Zigbee2MQTT topics as mapped in the site file, Home Assistant discovery)\n");
    b.append("  Demo cameras     ").append(camera.base()).append("cameras/ID/snapshot.png   (test cards; a hold-up press sends their images to the console)\n");
    b.append("  ARC DC-09        tcp+udp 127.0.0.1:").append(arc.dc09Port()).append("   account ").append(site.transmission().account()).append('\n');
    b.append("Demo codes (example site): branch manager 314159, deputy 271828 (duress ").append(DEMO_DURESS_PIN).append("), cashier 161803, installer ").append(DEMO_INSTALLER_PIN).append(".\n");
    b.append("Set the hall: 314159 then A at the hall keypad, open and close the front door, lock the front lock; the\n");
    b.append("vault completes with the ARC button on the simulator page.\n");
    b.append("Stop with Ctrl-C.\n");
    return b.toString();
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", started.get(i), e.toString());
      }
    }
    started.clear();
  }
}
