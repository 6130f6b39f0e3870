package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.console.queue.AlarmKind;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.Designation;
import org.vigil.panel.engine.AreaStatus;

/**
 * {@code vigil demo} on ephemeral ports: every printed page answers, and the story runs over
 * real HTTP, MQTT and DC-09: set from the web keypad, two independent detectors clicked on the
 * simulator give an unconfirmed then a confirmed intruder alarm at the ARC, and a duress unset
 * raises a duress alarm at the ARC while keypad and Home Assistant look as for a normal unset.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoTest {
  @TempDir static Path dir;
  static Demo demo;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    demo = Demo.start(new Demo.Options(dir, 0, 0, 0, "demo password 1"));
  }

  @AfterAll
  static void stop() {
    if (demo != null) demo.close();
  }

  static HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String base() {
    return demo.panelUrl();
  }

  static void key(String keypad, String keys) throws Exception {
    for (char c : keys.toCharArray()) {
      assertThat(post(base() + "/keypad/" + keypad + "/key", "key=" + c).statusCode()).isEqualTo(200);
    }
  }

  static void sim(String action, String device, String value) throws Exception {
    HttpResponse<String> r = post(base() + "/simulator/" + action, "device=" + device + "&value=" + value + "&token=" + demo.simulatorToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void bannerPrintsEveryUrlAndTheDemoLogin() {
    String b = demo.banner();
    assertThat(b).contains(demo.simulatorUrl(), demo.installerUrl(), demo.consoleUrl(), "admin / demo password 1");
    demo.keypadUrls().forEach(u -> assertThat(b).contains(u));
  }

  @Test
  @Order(2)
  void everyPrintedPageAnswers() throws Exception {
    assertThat(get(base() + "/simulator?token=" + demo.simulatorToken()).statusCode()).isEqualTo(303);
    assertThat(get(base() + "/simulator/live?token=" + demo.simulatorToken()).body()).contains("hall:");
    // Before the installer logs in, the installer view is only the way in: no states, no log.
    assertThat(get(demo.installerUrl()).body()).contains("Installer view", "Authorise installer access", "installer code")
        .doesNotContain("Event log", "panel started");
    for (String k : demo.keypadUrls()) assertThat(get(k).statusCode()).isEqualTo(200);
    assertThat(get(demo.keypadUrls().get(0)).body()).contains("Hall keypad", "data-key=\"U\"");
    HttpResponse<String> login = get(demo.consoleUrl());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).containsIgnoringCase("password");
    assertThat(get(base() + "/static/htmx.min.js").body()).contains("htmx");
  }

  @Test
  @Order(3)
  void badSimulatorAndKeypadInputIsRefusedPolitely() throws Exception {
    // The simulator acts as every device: without its token nothing happens.
    assertThat(get(base() + "/simulator").statusCode()).isEqualTo(403);
    assertThat(post(base() + "/simulator/detector", "device=pir-hall&value=active").statusCode()).isEqualTo(403);
    assertThat(post(base() + "/simulator/detector", "device=pir-hall&value=active&token=0123").statusCode()).isEqualTo(403);
    assertThat(demo.panel().state().zone("pir-hall").active()).isFalse();
    String t = "&token=" + demo.simulatorToken();
    assertThat(post(base() + "/simulator/detector", "device=nope&value=active" + t).statusCode()).isEqualTo(400);
    assertThat(post(base() + "/simulator/holdup", "device=hd-counter-1&value=explode" + t).statusCode()).isEqualTo(400);
    assertThat(post(base() + "/simulator/teleport", "device=x" + t).statusCode()).isEqualTo(404);
    assertThat(post(base() + "/keypad/kp-hall/key", "key=Z").statusCode()).isEqualTo(400);
    assertThat(get(base() + "/keypad/kp-nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void setFromWebKeypadThenTwoDetectorsGiveUnconfirmedThenConfirmedAlarmAtTheArc() throws Exception {
    Map<String, String> ha = new ConcurrentHashMap<>();
    var watcher = Mqtt3Client.builder().identifier("ha-watcher").serverHost("127.0.0.1")
        .serverPort(URI.create(demo.mqttUrl()).getPort()).buildBlocking();
    watcher.connect();
    watcher.toAsync().subscribeWith().topicFilter("vigil/+/state").callback(p ->
        ha.put(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8))).send().get();

    key("kp-hall", "314159A");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.SETTING);
    sim("detector", "front-door", "active");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().zone("front-door").active());
    sim("detector", "front-door", "normal");
    await().atMost(Duration.ofSeconds(10)).until(() -> !demo.panel().state().zone("front-door").active());
    sim("detector", "front-lock", "active");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.SET);
    sim("arc", "vault", "complete");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("vault").status() == AreaStatus.SET);
    await().atMost(Duration.ofSeconds(10)).until(() -> "armed_away".equals(ha.get("vigil/hall/state")));

    sim("detector", "gb-hall", "active");
    await().atMost(Duration.ofSeconds(20)).until(() -> alarm(AlarmKind.INTRUDER, Designation.UNCONFIRMED));
    sim("detector", "pir-hall", "active");
    await().atMost(Duration.ofSeconds(20)).until(() -> alarm(AlarmKind.INTRUDER, Designation.SEQUENTIALLY_CONFIRMED));
    await().atMost(Duration.ofSeconds(10)).until(() -> "triggered".equals(ha.get("vigil/hall/state")));
    sim("detector", "gb-hall", "normal");
    sim("detector", "pir-hall", "normal");
    watcher.disconnect();
  }

  /** Sets hall and vault the bank's way: code + A, front door opened and closed, shunt lock, ARC completes the vault. */
  static void setHallAndVault(String code) throws Exception {
    sim("detector", "front-lock", "normal");
    await().atMost(Duration.ofSeconds(10)).until(() -> !demo.panel().state().zone("front-lock").active());
    key("kp-hall", "*" + code + "A");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.SETTING);
    sim("detector", "front-door", "active");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().zone("front-door").active());
    sim("detector", "front-door", "normal");
    await().atMost(Duration.ofSeconds(10)).until(() -> !demo.panel().state().zone("front-door").active());
    sim("detector", "front-lock", "active");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.SET);
    sim("arc", "vault", "complete");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("vault").status() == AreaStatus.SET);
  }

  static void unsetHall(String code) throws Exception {
    key("kp-hall", "*" + code + "U");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.UNSET);
  }

  @Test
  @Order(5)
  void duressUnsetLooksNormalAtTheKeypadAndInHomeAssistantButRaisesDuressAtTheArc() throws Exception {
    unsetHall("271828"); // ends the alarm of the previous test
    sim("arc", "hall", "restore"); // after a confirmed alarm only the ARC or the engineer restores (BS 8243 A.3)
    setHallAndVault("271828");
    // A normal unset by the deputy, to know exactly what it looks like.
    unsetHall("271828");
    String normalScreen = get(base() + "/keypad/kp-hall/screen").body();
    String normalHa = demo.devices().haState("hall");
    String normalAttributes = demo.devices().haAttributes("hall");
    assertThat(demo.desk().open()).noneMatch(a -> a.kind() == AlarmKind.DURESS);

    setHallAndVault("271828");
    unsetHall(Demo.DEMO_DURESS_PIN);
    assertThat(get(base() + "/keypad/kp-hall/screen").body()).isEqualTo(normalScreen).doesNotContainIgnoringCase("duress");
    assertThat(demo.devices().haState("hall")).isEqualTo(normalHa).isEqualTo("disarmed");
    assertThat(demo.devices().haAttributes("hall")).isEqualTo(normalAttributes).contains("Deputy manager");
    await().atMost(Duration.ofSeconds(20)).failFast(() -> false).conditionEvaluationListener(c -> {
      if (c.getRemainingTimeInMS() < 600) demo.panel().eventLog().tail(25).forEach(e -> System.err.println("LOG " + e.message() + " [" + e.rule() + "]"));
    }).until(() -> demo.desk().open().stream().anyMatch(a -> a.kind() == AlarmKind.DURESS));
    // The event log on the web shows no duress signal (the discreet blue strobe output is meant to be seen in the back room).
    assertThat(get(demo.installerUrl()).body()).doesNotContain("signal DURESS").doesNotContain("(HA)");
  }

  /** BS 8243 5.3.1 / 7.2.1: in the demo a hold-up press reaches the console with the demo cameras' images. */
  @Test
  @Order(6)
  void aHoldUpPressShowsTheDemoCamerasImagesAtTheConsole() throws Exception {
    sim("holdup", "hd-counter-1", "press_both");
    // The hold-up joins the open hold-up-family alarm of the account (the duress alarm of the previous test, if still open).
    await().atMost(Duration.ofSeconds(60)).until(() -> demo.desk().open().stream()
        .filter(a -> a.kind() == AlarmKind.HOLD_UP || a.kind() == AlarmKind.DURESS)
        .anyMatch(a -> demo.desk().find(a.id()).orElseThrow().history().stream().anyMatch(h -> h.action().contains("image(s) received"))));
    assertThat(demo.camera().frames()).isPositive();
    sim("holdup", "hd-counter-1", "reset");
  }

  static boolean alarm(AlarmKind kind, Designation d) {
    return demo.desk().open().stream().map(AlarmView.class::cast).anyMatch(a -> a.kind() == kind && a.designation() == d);
  }
}
