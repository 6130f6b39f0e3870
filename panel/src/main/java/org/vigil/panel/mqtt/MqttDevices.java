package org.vigil.panel.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.panel.config.Area;
import org.vigil.panel.config.Keypad;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.engine.ZoneState;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.service.PanelUpdate;

/**
 * MQTT devices and Home Assistant for one panel: subscribes to the devices' state topics (any MQTT
 * 3.1.1 broker by URL), turns changed fields into panel inputs, supervises silence (a fault, never an
 * alarm), publishes output commands, and announces one Home Assistant alarm_control_panel per area
 * with retained state. Malformed payloads, unknown topics and a broker that goes away are logged and
 * counted, never an alarm and never a crash; the client reconnects by itself.
 */
public final class MqttDevices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttDevices.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SUPERVISION_RULE = "supervision: a device silent too long is a fault, never an alarm (EN 50131-1 8.8; Alarmo #72, #1059)";

  private final PanelService panel;
  private final MqttMapping mapping;
  private final InstantSource clock;
  private final Mqtt3AsyncClient client;
  private final ScheduledExecutorService timer;
  private final Map<String, DeviceReading.Last> last = new ConcurrentHashMap<>();
  private final Map<String, Instant> heard = new ConcurrentHashMap<>();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final Map<String, String> haStates = new ConcurrentHashMap<>();
  private final Set<String> triggered = ConcurrentHashMap.newKeySet();
  private final Instant started;

  public final AtomicLong received = new AtomicLong();
  public final AtomicLong malformed = new AtomicLong();
  public final AtomicLong unknownTopics = new AtomicLong();
  public final AtomicLong disconnects = new AtomicLong();
  public final AtomicLong connects = new AtomicLong();
  public final AtomicLong refusedCommands = new AtomicLong();
  private volatile boolean connected;
  private volatile boolean closing;

  private MqttDevices(PanelService panel, MqttMapping mapping, URI broker, InstantSource clock) {
    this.panel = panel;
    this.mapping = mapping;
    this.clock = clock;
    this.started = clock.instant();
    PanelState s = panel.state();
    for (DeviceBinding b : mapping.byTopic().values()) {
      ZoneState z = s.zone(b.device());
      last.put(b.device(), new DeviceReading.Last(z.active(), z.tamper(), z.fault()));
    }
    this.client = Mqtt3Client.builder()
        .identifier("vigil-panel-" + UUID.randomUUID().toString().substring(0, 8))
        .serverHost(broker.getHost())
        .serverPort(broker.getPort() > 0 ? broker.getPort() : 1883)
        .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS).applyAutomaticReconnect()
        .addConnectedListener(c -> onConnected())
        .addDisconnectedListener(c -> onDisconnected(c.getCause()))
        .buildAsync();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("vigil-mqtt-supervision").daemon(true).unstarted(r));
  }

  /** Connects (and keeps reconnecting) to {@code broker}, e.g. {@code tcp://127.0.0.1:1883}. */
  public static MqttDevices start(PanelService panel, MqttMapping mapping, URI broker, InstantSource clock) {
    MqttDevices d = new MqttDevices(panel, mapping, broker, clock);
    d.client.publishes(MqttGlobalPublishFilter.ALL, d::onPublish);
    panel.subscribe(d::onPanel);
    d.client.connectWith().cleanSession(true)
        .willPublish().topic(d.availabilityTopic()).payload("offline".getBytes(StandardCharsets.UTF_8)).retain(true).applyWillPublish()
        .send().whenComplete((ack, err) -> {
          if (err != null) LOG.warn("MQTT broker {} not reachable yet ({}); retrying", broker, err.toString());
        });
    long shortest = mapping.byTopic().values().stream().filter(b -> !b.eventOnly()).map(mapping::supervisionOf).filter(x -> !x.isZero())
        .mapToLong(Duration::toMillis).min().orElse(60_000);
    long period = Math.max(1000, Math.min(shortest / 4, 60_000));
    d.timer.scheduleAtFixedRate(d::supervise, period, period, TimeUnit.MILLISECONDS);
    return d;
  }

  public boolean connected() {
    return connected;
  }

  String availabilityTopic() {
    return mapping.stateBase() + "/availability";
  }

  private void onConnected() {
    connects.incrementAndGet();
    LOG.info("MQTT connected");
    // Connected counts from when the subscriptions stand: before that, device messages would be lost.
    java.util.concurrent.CompletableFuture<?> subs = client.subscribeWith().topicFilter(mapping.base() + "/#").qos(MqttQos.AT_LEAST_ONCE).send()
        .thenCompose(a -> client.subscribeWith().topicFilter(mapping.stateBase() + "/+/set").qos(MqttQos.AT_LEAST_ONCE).send());
    // Devices the site file puts on a topic outside the base are subscribed one by one.
    for (String t : mapping.byTopic().keySet()) {
      if (!t.startsWith(mapping.base() + "/")) subs = subs.thenCompose(a -> client.subscribeWith().topicFilter(t).qos(MqttQos.AT_LEAST_ONCE).send());
    }
    subs.whenComplete((a, err) -> {
          if (err != null) {
            LOG.warn("MQTT subscribe failed: {}", err.toString());
            return;
          }
          connected = true;
          publish(availabilityTopic(), "online", true);
          announce();
        });
  }

  private void onDisconnected(Throwable cause) {
    if (connected && !closing) {
      disconnects.incrementAndGet();
      LOG.warn("MQTT broker connection lost ({}); devices keep their last state, supervision continues, reconnecting",
          cause == null ? "closed" : cause.getMessage());
      panel.eventLog().append(clock.instant(), org.vigil.panel.eventlog.EventClass.ROUTINE, false,
          "MQTT broker connection lost; reconnecting", "");
    }
    connected = false;
  }

  // ---- device messages ----

  private void onPublish(Mqtt3Publish p) {
    String topic = p.getTopic().toString();
    byte[] payload = p.getPayloadAsBytes();
    try {
      if (topic.startsWith(mapping.stateBase() + "/") && topic.endsWith("/set")) {
        command(topic.substring(mapping.stateBase().length() + 1, topic.length() - 4), payload);
        return;
      }
      received.incrementAndGet();
      if (topic.endsWith("/availability")) {
        availability(topic.substring(0, topic.length() - "/availability".length()), payload);
        return;
      }
      // Our own output commands echoing back.
      if (topic.endsWith("/set") || mapping.outputTopics().containsValue(topic)) return;
      DeviceBinding b = mapping.forTopic(topic).orElse(null);
      if (b == null) {
        unknownTopics.incrementAndGet();
        LOG.debug("MQTT message on unknown topic {} ignored", topic);
        return;
      }
      heard.put(b.device(), clock.instant());
      if (silent.remove(b.device())) {
        panel.submit(new Input.FaultCleared(b.device()));
        panel.eventLog().append(clock.instant(), org.vigil.panel.eventlog.EventClass.MANDATORY, true,
            "device " + b.device() + " reporting again", SUPERVISION_RULE);
      }
      DeviceReading.Result r = DeviceReading.read(b, payload, last.getOrDefault(b.device(), DeviceReading.Last.NONE));
      switch (r) {
        case DeviceReading.Result.Malformed m -> {
          malformed.incrementAndGet();
          LOG.warn("MQTT {}: malformed payload from {} ignored: {}", topic, b.device(), m.reason());
        }
        case DeviceReading.Result.Inputs in -> {
          last.put(b.device(), in.last());
          for (Input i : in.inputs()) panel.submit(i);
        }
      }
    } catch (RuntimeException e) {
      // Never let one message stop the consumer.
      malformed.incrementAndGet();
      LOG.error("MQTT {}: message not handled: {}", topic, e.toString());
    }
  }

  /**
   * Zigbee2MQTT's availability ({@code <device topic>/availability}, {@code online}/{@code offline}
   * or {@code {"state":"offline"}}): offline is the same supervision fault as silence, at once; online
   * clears it. Never an alarm.
   */
  private void availability(String deviceTopic, byte[] payload) {
    DeviceBinding b = mapping.forTopic(deviceTopic).orElse(null);
    if (b == null || b.eventOnly()) return; // our own availability, the bridge's, or a device we do not supervise
    String text = new String(payload, StandardCharsets.UTF_8).trim();
    String state = text;
    if (text.startsWith("{")) {
      try {
        state = JSON.readTree(text).path("state").asText("");
      } catch (Exception e) {
        state = "";
      }
    }
    Instant now = clock.instant();
    switch (state.toLowerCase()) {
      case "offline" -> {
        if (mapping.supervisionOf(b).isZero() || !silent.add(b.device())) return;
        LOG.warn("device {} offline (availability): supervision fault", b.device());
        panel.eventLog().append(now, org.vigil.panel.eventlog.EventClass.MANDATORY, true,
            "device " + b.device() + " reported offline by the bridge: supervision fault", SUPERVISION_RULE);
        panel.submit(new Input.FaultRaised(b.device()));
      }
      case "online" -> {
        heard.put(b.device(), now);
        if (silent.remove(b.device())) {
          panel.submit(new Input.FaultCleared(b.device()));
          panel.eventLog().append(now, org.vigil.panel.eventlog.EventClass.MANDATORY, true, "device " + b.device() + " reporting again", SUPERVISION_RULE);
        }
      }
      default -> {
        malformed.incrementAndGet();
        LOG.warn("MQTT {}/availability: malformed payload ignored (online or offline expected)", deviceTopic);
      }
    }
  }

  /** Silence longer than the supervision time: a fault on the device, reported and logged, never an alarm. */
  void supervise() {
    try {
      Instant now = clock.instant();
      for (DeviceBinding b : mapping.byTopic().values()) {
        if (b.eventOnly()) continue;
        Duration limit = mapping.supervisionOf(b);
        if (limit.isZero()) continue; // supervision off for this device
        Instant h = heard.getOrDefault(b.device(), started);
        if (Duration.between(h, now).compareTo(limit) >= 0 && silent.add(b.device())) {
          LOG.warn("device {} silent since {}: supervision fault", b.device(), h);
          panel.eventLog().append(now, org.vigil.panel.eventlog.EventClass.MANDATORY, true,
              "device " + b.device() + " silent since " + h + ": supervision fault", SUPERVISION_RULE);
          panel.submit(new Input.FaultRaised(b.device()));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("supervision check failed: {}", e.toString());
    }
  }

  public Set<String> silentDevices() {
    return Set.copyOf(silent);
  }

  // ---- Home Assistant ----

  /** One alarm_control_panel per area (retained config), with the code entered in Home Assistant sent to the panel. */
  void announce() {
    String site = slug(panel.site().site().name());
    for (Area a : panel.site().areas()) {
      String id = "vigil_" + site + "_" + a.id();
      ObjectNode c = JSON.createObjectNode();
      c.put("name", a.name());
      c.put("unique_id", id);
      c.put("object_id", id);
      c.put("state_topic", stateTopic(a.id()));
      c.put("command_topic", commandTopic(a.id()));
      c.put("availability_topic", availabilityTopic());
      // Per-user attribution: who set or unset the area last (user number and name, as the panel's own log has it).
      c.put("json_attributes_topic", attributesTopic(a.id()));
      // REMOTE_CODE: Home Assistant asks for a code and passes it on; it never stores one.
      c.put("code", "REMOTE_CODE");
      c.put("code_arm_required", true);
      c.put("code_disarm_required", true);
      c.put("command_template", "{\"action\":\"{{ action }}\",\"code\":\"{{ code }}\"}");
      c.putArray("supported_features").add("arm_away").add("arm_home");
      ObjectNode dev = c.putObject("device");
      dev.putArray("identifiers").add("vigil_" + site);
      dev.put("name", panel.site().site().name());
      dev.put("manufacturer", "Vigil");
      dev.put("model", "Vigil panel");
      publish(mapping.discoveryPrefix() + "/alarm_control_panel/" + id + "/config", c.toString(), true);
    }
    publishStates(panel.state(), true);
  }

  public String stateTopic(String area) {
    return mapping.stateBase() + "/" + area + "/state";
  }

  public String attributesTopic(String area) {
    return mapping.stateBase() + "/" + area + "/attributes";
  }

  public String commandTopic(String area) {
    return mapping.stateBase() + "/" + area + "/set";
  }

  /** Home Assistant's state of an area: the same for a duress unset as for a normal one. */
  public static String haState(PanelState s, String area, boolean triggered) {
    AreaStatus st = s.area(area).status();
    if (triggered && st != AreaStatus.UNSET) return "triggered";
    return switch (st) {
      case UNSET -> "disarmed";
      case SETTING -> "arming";
      case SET -> "armed_away";
      case PART_SET -> "armed_home";
      case ENTRY -> "pending";
    };
  }

  public String haState(String area) {
    return haStates.getOrDefault(area, haState(panel.state(), area, triggered.contains(area)));
  }

  private void onPanel(PanelUpdate u) {
    for (Effect e : u.effects()) {
      switch (e) {
        // Audible alarms show as triggered; hold-up and duress are silent and never show (the attacker may be watching).
        case Effect.Notification n when !n.restore() && n.area() != null
            && (n.signal() == Signal.INTRUDER || n.signal() == Signal.CONFIRMED_INTRUDER || n.signal() == Signal.TAMPER) -> triggered.add(n.area());
        case Effect.StateChanged sc when sc.to() == AreaStatus.UNSET -> triggered.remove(sc.area());
        case Effect.OutputChanged oc -> publish(mapping.outputTopic(oc.output()), "{\"state\":\"" + (oc.on() ? "ON" : "OFF") + "\"}", true);
        default -> {}
      }
    }
    publishStates(u.state(), false);
  }

  private void publishStates(PanelState s, boolean all) {
    for (Area a : panel.site().areas()) {
      String st = haState(s, a.id(), triggered.contains(a.id()));
      String before = haStates.put(a.id(), st);
      if (all || !st.equals(before)) {
        publish(attributesTopic(a.id()), attributes(s, a.id()), true);
        publish(stateTopic(a.id()), st, true);
      }
    }
  }

  /** {@code {"changed_by": "Deputy manager", "user": 2}}: the user of the area's last set or unset (0 = the panel or the ARC). */
  public String haAttributes(String area) {
    return attributes(panel.state(), area);
  }

  String attributes(PanelState s, String area) {
    int user = s.area(area).user();
    ObjectNode n = JSON.createObjectNode();
    n.put("changed_by", user == 0 ? "panel" : panel.site().user(user).map(org.vigil.panel.config.User::name).orElse("user " + user));
    n.put("user", user);
    return n.toString();
  }

  /**
   * A Home Assistant command: the code is typed at a keypad of the area, so the panel applies exactly
   * the rules it applies to a person there (authority, schedules, lockout, duress). Bad commands are
   * counted and refused; nothing is ever set or unset without a valid code.
   */
  private void command(String area, byte[] payload) {
    Keypad kp = panel.site().keypads().stream().filter(k -> k.areas().contains(area)).findFirst().orElse(null);
    if (panel.site().area(area).isEmpty() || kp == null) {
      refusedCommands.incrementAndGet();
      LOG.warn("Home Assistant command for unknown area '{}' refused", area);
      return;
    }
    String action;
    String code;
    try {
      var n = JSON.readTree(payload);
      action = n.path("action").asText("").toUpperCase();
      code = n.path("code").asText("");
    } catch (Exception e) {
      refusedCommands.incrementAndGet();
      LOG.warn("Home Assistant command for {} is not JSON: refused", area);
      return;
    }
    String key = switch (action) {
      case "ARM_AWAY" -> "A";
      case "ARM_HOME", "ARM_NIGHT" -> "B";
      case "DISARM" -> "U";
      default -> null;
    };
    if (key == null || !code.matches("[0-9]{4,8}")) {
      refusedCommands.incrementAndGet();
      LOG.warn("Home Assistant command for {} refused: {}", area, key == null ? "unknown action" : "code missing or not 4-8 digits");
      publish(stateTopic(area), haState(area), true);
      return;
    }
    panel.submit(new Input.KeyPressed(kp.id(), "*"));
    for (char ch : code.toCharArray()) panel.submit(new Input.KeyPressed(kp.id(), String.valueOf(ch)));
    panel.submit(new Input.KeyPressed(kp.id(), key));
  }

  // ---- plumbing ----

  private void publish(String topic, String payload, boolean retain) {
    if (!connected) return;
    client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send()
        .whenComplete((r, err) -> {
          if (err != null) LOG.debug("MQTT publish to {} failed: {}", topic, err.toString());
        });
  }

  static String slug(String s) {
    String x = s.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    return x.length() > 40 ? x.substring(0, 40) : x;
  }

  public MqttMapping mapping() {
    return mapping;
  }

  /** Counters for the installer view and tests. */
  public Map<String, Long> counters() {
    return Map.of("received", received.get(), "malformed", malformed.get(), "unknownTopics", unknownTopics.get(),
        "disconnects", disconnects.get(), "refusedCommands", refusedCommands.get());
  }

  public List<String> topics() {
    return List.copyOf(mapping.byTopic().keySet());
  }

  @Override
  public void close() {
    closing = true;
    timer.shutdownNow();
    try {
      if (connected) {
        client.publishWith().topic(availabilityTopic()).payload("offline".getBytes(StandardCharsets.UTF_8)).retain(true).send()
            .get(2, TimeUnit.SECONDS);
      }
      client.disconnect().get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      // broker already gone: nothing to tell it
    }
  }
}
