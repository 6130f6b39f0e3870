package org.vigil.panel.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.testing.Sites;
import org.vigil.panel.testing.HandClock;
import org.vigil.panel.testing.RecordingUplink;

/** MQTT devices against a real broker (embedded Moquette, MQTT 3.1.1). */
class MqttDevicesTest {
  @TempDir Path dir;
  final HandClock clock = new HandClock(Instant.parse("2026-11-23T09:00:00Z"));
  final RecordingUplink uplink = new RecordingUplink();
  Server broker;
  int port;
  PanelService panel;
  MqttDevices devices;
  Mqtt3BlockingClient device;
  final Map<String, String> retained = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    startBroker();
    panel = PanelService.start(Sites.bank(), dir, clock, uplink);
    devices = MqttDevices.start(panel, MqttMapping.zigbee2mqtt(Sites.bank(), "zigbee2mqtt", Duration.ofMinutes(30)),
        URI.create("tcp://127.0.0.1:" + port), clock);
    await().atMost(Duration.ofSeconds(10)).until(devices::connected);
    device = Mqtt3Client.builder().identifier("test-device").serverHost("127.0.0.1").serverPort(port)
        .automaticReconnectWithDefaultConfig().buildBlocking();
    device.connect();
  }

  void startBroker() throws Exception {
    Properties p = new Properties();
    p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
    p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
    p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    broker = new Server();
    broker.startServer(new MemoryConfig(p));
  }

  @AfterEach
  void stop() {
    try {
      device.disconnect();
    } catch (RuntimeException e) {
      // broker may be down in this test
    }
    devices.close();
    panel.close();
    broker.stopServer();
  }

  void send(String topic, String payload) {
    device.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
  }

  @Test
  void zigbee2mqttContactFalseOpensTheDoorAndTrueClosesIt() {
    send("zigbee2mqtt/front-door", "{\"contact\":false,\"battery\":97,\"linkquality\":120}");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("front-door").active());
    send("zigbee2mqtt/front-door", "{\"contact\":true,\"battery\":97}");
    await().atMost(Duration.ofSeconds(10)).until(() -> !panel.state().zone("front-door").active());
  }

  @Test
  void occupancyTamperAndBatteryLowBecomeActiveTamperAndFault() {
    send("zigbee2mqtt/pir-hall", "{\"occupancy\":true,\"tamper\":true,\"battery_low\":true}");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("pir-hall").active()
        && panel.state().zone("pir-hall").tamper() && panel.state().zone("pir-hall").fault());
  }

  @Test
  void malformedPayloadsAreCountedAndNeverAnAlarm() {
    send("zigbee2mqtt/pir-hall", "this is not json");
    send("zigbee2mqtt/pir-hall", "[1,2,3]");
    send("zigbee2mqtt/pir-hall", "{\"occupancy\":\"yes\"}");
    send("zigbee2mqtt/pir-hall", "{\"linkquality\":12}");
    send("zigbee2mqtt/hd-counter-1", "{\"action\":\"explode\"}");
    send("zigbee2mqtt/rd-front", "{\"card\":42}");
    await().atMost(Duration.ofSeconds(10)).until(() -> devices.malformed.get() == 6);
    assertThat(panel.state().zone("pir-hall")).isEqualTo(org.vigil.panel.engine.ZoneState.NORMAL);
    assertThat(uplink.sent).noneMatch(n -> n.signal() != Signal.FAULT || n.cid() != 305);
  }

  @Test
  void unknownTopicsAreCountedAndIgnored() {
    send("zigbee2mqtt/bridge/state", "online");
    send("zigbee2mqtt/kitchen-lamp", "{\"state\":\"ON\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> devices.unknownTopics.get() == 2);
    assertThat(devices.malformed.get()).isZero();
  }

  @Test
  void aSilentDeviceIsASupervisionFaultNeverAnAlarmEvenWhenSet() {
    // Set the vault with the ARC's help: a silent seismic detector there must not cause an alarm.
    panel.apply(new org.vigil.panel.engine.Input.RemoteCommand("vault", org.vigil.panel.engine.Input.RemoteAction.SET, 0));
    clock.advance(Duration.ofMinutes(31));
    devices.supervise();
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("seismic-1").fault());
    assertThat(devices.silentDevices()).contains("seismic-1", "front-door");
    assertThat(panel.state().zones().values()).noneMatch(z -> z.active());
    assertThat(uplink.sent).noneMatch(n -> n.signal() == Signal.INTRUDER || n.signal() == Signal.CONFIRMED_INTRUDER);
    assertThat(panel.eventLog().entries()).anyMatch(e -> e.message().contains("seismic-1 silent") && e.rule().contains("never an alarm"));
    send("zigbee2mqtt/seismic-1", "{\"vibration\":false}");
    await().atMost(Duration.ofSeconds(10)).until(() -> !panel.state().zone("seismic-1").fault());
  }

  @Test
  void aDeviceReportedOfflineByTheBridgeIsASupervisionFaultAtOnceNeverAnAlarm() {
    panel.apply(new org.vigil.panel.engine.Input.RemoteCommand("vault", org.vigil.panel.engine.Input.RemoteAction.SET, 0));
    send("zigbee2mqtt/seismic-1/availability", "{\"state\":\"offline\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("seismic-1").fault());
    assertThat(devices.silentDevices()).containsExactly("seismic-1");
    assertThat(uplink.sent).noneMatch(n -> n.signal() == Signal.INTRUDER || n.signal() == Signal.CONFIRMED_INTRUDER);
    send("zigbee2mqtt/seismic-1/availability", "online");
    await().atMost(Duration.ofSeconds(10)).until(() -> !panel.state().zone("seismic-1").fault());
    send("zigbee2mqtt/seismic-1/availability", "sleepy");
    await().atMost(Duration.ofSeconds(10)).until(() -> devices.malformed.get() == 1);
    assertThat(panel.eventLog().entries()).anyMatch(e -> e.message().equals("device seismic-1 reported offline by the bridge: supervision fault"));
  }

  @Test
  void aBrokerThatDisappearsAndReturnsIsCountedAndDevicesWorkAgain() throws Exception {
    broker.stopServer();
    await().atMost(Duration.ofSeconds(10)).until(() -> !devices.connected());
    assertThat(devices.disconnects.get()).isEqualTo(1);
    startBroker();
    await().atMost(Duration.ofSeconds(30)).until(devices::connected);
    await().atMost(Duration.ofSeconds(30)).until(() -> device.getState().isConnected());
    send("zigbee2mqtt/pir-office", "{\"occupancy\":true}");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("pir-office").active());
    assertThat(uplink.sent).noneMatch(n -> n.signal() == Signal.INTRUDER);
  }

  @Test
  void homeAssistantGetsOneRetainedAlarmPanelPerAreaAndItsState() throws Exception {
    device.toAsync().subscribeWith().topicFilter("homeassistant/alarm_control_panel/+/config").callback(p ->
        retained.put(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8))).send().get();
    device.toAsync().subscribeWith().topicFilter("vigil/+/state").callback(p ->
        retained.put(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8))).send().get();
    device.toAsync().subscribeWith().topicFilter("vigil/+/attributes").callback(p ->
        retained.put(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8))).send().get();
    await().atMost(Duration.ofSeconds(10)).until(() -> retained.keySet().stream().filter(t -> t.endsWith("/config")).count() == 3);
    assertThat(retained.get("vigil/hall/state")).isEqualTo("disarmed");
    String hall = retained.entrySet().stream().filter(e -> e.getKey().endsWith("_hall/config")).findFirst().orElseThrow().getValue();
    assertThat(hall).contains("\"code\":\"REMOTE_CODE\"", "\"state_topic\":\"vigil/hall/state\"", "\"command_topic\":\"vigil/hall/set\"");
    // Home Assistant arms with the code the user typed there; the panel checks it like a keypad would.
    send("vigil/office/set", "{\"action\":\"ARM_AWAY\",\"code\":\"271828\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().area("office").status() != AreaStatus.UNSET);
    await().atMost(Duration.ofSeconds(10)).until(() -> !"disarmed".equals(retained.get("vigil/office/state")));
    // Per-user attribution: the user whose code Home Assistant passed on.
    await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(retained.get("vigil/office/attributes")).contains("\"user\":2"));
    assertThat(retained.get("vigil/office/attributes")).contains("\"changed_by\":\"Deputy manager\"");
    assertThat(hall).contains("\"json_attributes_topic\":\"vigil/hall/attributes\"");
    // A wrong code or a bad command changes nothing.
    send("vigil/hall/set", "{\"action\":\"ARM_AWAY\",\"code\":\"000000\"}");
    send("vigil/hall/set", "{\"action\":\"ARM_AWAY\"}");
    send("vigil/hall/set", "garbage");
    send("vigil/cellar/set", "{\"action\":\"DISARM\",\"code\":\"271828\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> devices.refusedCommands.get() == 3);
    assertThat(panel.state().area("hall").status()).isEqualTo(AreaStatus.UNSET);
  }

  @Test
  void theSiteFileMapsTopicsFieldsAndSupervisionPerDevice() {
    devices.close();
    devices = MqttDevices.start(panel, MqttMapping.of(Sites.bank()), URI.create("tcp://127.0.0.1:" + port), clock);
    await().atMost(Duration.ofSeconds(10)).until(devices::connected);
    // bank.yaml: front-door on "zigbee2mqtt/Front door" (contact preset); its old convention topic is now unknown.
    send("zigbee2mqtt/Front door", "{\"contact\":false,\"tamper\":false,\"battery_low\":false}");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("front-door").active());
    send("zigbee2mqtt/front-door", "{\"contact\":true}");
    await().atMost(Duration.ofSeconds(10)).until(() -> devices.unknownTopics.get() == 1);
    assertThat(panel.state().zone("front-door").active()).isTrue();
    // vib-1: "vibration" true is active, and its tamper field is not read (tamper_field: none).
    send("zigbee2mqtt/Safe vibration A", "{\"vibration\":true,\"tamper\":true}");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("vib-1").active());
    assertThat(panel.state().zone("vib-1").tamper()).isFalse();
    // Hold-up device on its own topic.
    send("zigbee2mqtt/Counter 1 hold-up", "{\"action\":\"press_both\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> uplink.sent.stream().anyMatch(n -> n.signal() == Signal.HOLD_UP));
    // pir-hall is supervised after 2 h, the others after 25 h.
    clock.advance(Duration.ofHours(2));
    devices.supervise();
    assertThat(devices.silentDevices()).contains("pir-hall").doesNotContain("seismic-1", "hd-counter-1");
    await().atMost(Duration.ofSeconds(10)).until(() -> panel.state().zone("pir-hall").fault());
    assertThat(devices.mapping().outputTopic("bell")).isEqualTo("zigbee2mqtt/Bell relay/set");
    assertThat(devices.mapping().outputTopic("strobe")).isEqualTo("zigbee2mqtt/strobe/set");
  }

  @Test
  void homeAssistantStatesFollowTheAreaAndHideSilentAlarms() {
    var s = panel.state();
    assertThat(MqttDevices.haState(s, "hall", false)).isEqualTo("disarmed");
    assertThat(MqttDevices.haState(s, "hall", true)).as("an unset area is never triggered").isEqualTo("disarmed");
    java.util.Map<AreaStatus, String> expected = java.util.Map.of(AreaStatus.UNSET, "disarmed", AreaStatus.SETTING, "arming",
        AreaStatus.SET, "armed_away", AreaStatus.PART_SET, "armed_home", AreaStatus.ENTRY, "pending");
    for (var e : expected.entrySet()) {
      var areas = new java.util.LinkedHashMap<>(s.areas());
      areas.put("hall", new org.vigil.panel.engine.AreaState(e.getKey(), e.getKey() == AreaStatus.PART_SET ? "B" : null, 1, s.now()));
      var st = new org.vigil.panel.engine.PanelState(s.now(), areas, s.zones(), s.outputs(), s.paths(), s.deadlines(), s.nextSeq(), s.features());
      assertThat(MqttDevices.haState(st, "hall", false)).isEqualTo(e.getValue());
      if (e.getKey() != AreaStatus.UNSET) assertThat(MqttDevices.haState(st, "hall", true)).isEqualTo("triggered");
    }
  }
}
