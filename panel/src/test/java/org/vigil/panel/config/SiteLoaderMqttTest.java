package org.vigil.panel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.MqttSettings.Preset;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;

/** The site file's {@code mqtt:} section: read into {@link MqttSettings}, every mistake with file:line:column. */
class SiteLoaderMqttTest {
  static final String SITE = SiteLoaderTest.MINIMAL + """
        - id: pir
          zone: 2
          area: shop
          role: interior
          technology: pir
      holdup_devices:
        - {id: hd, zone: 40, area: shop, name: Counter, type: two_button}
      outputs:
        - {id: bell, name: Bell, type: external_wd}
      """;

  static Parsed<SiteConfig> parse(String mqtt) {
    return new SiteLoader(1).parse(SITE + mqtt, Path.of("site.yaml"));
  }

  static Problem only(String mqtt) {
    return SiteLoaderTest.only(parse(mqtt));
  }

  @Test
  void withoutTheSectionTheConventionApplies() {
    SiteConfig c = parse("").orThrow();
    assertThat(c.mqtt()).isEqualTo(MqttSettings.CONVENTION);
    assertThat(c.mqtt().baseTopic()).isEqualTo("zigbee2mqtt");
    assertThat(c.mqtt().supervision()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void theBankExampleMapsItsDevicesInTheSiteFile() {
    MqttSettings m = Sites.load("bank.yaml").mqtt();
    assertThat(m.broker()).as("no broker in the example: vigil panel --mqtt URL turns MQTT on").isNull();
    assertThat(m.device("front-door").orElseThrow().topic()).isEqualTo("zigbee2mqtt/Front door");
    assertThat(m.device("front-door").orElseThrow().preset()).isEqualTo(Preset.CONTACT);
    assertThat(m.device("pir-hall").orElseThrow().supervision()).isEqualTo(Duration.ofHours(2));
    assertThat(m.device("vib-1").orElseThrow().tamperField()).isEqualTo("none");
    assertThat(m.device("hd-counter-1").orElseThrow().preset()).isEqualTo(Preset.HOLD_UP);
  }

  @Test
  void everyKeyIsRead() {
    SiteConfig c = parse("""
        mqtt:
          broker: mqtt://broker.lan:1884
          base_topic: site/z2m
          ha_topic: bank
          discovery_prefix: ha
          supervision: 0s
          devices:
            - {id: door, topic: site/z2m/Front, preset: contact, tamper_field: tamper_alarm, fault_field: low_battery, supervision: 1h}
            - {id: pir, active_field: presence, active_value: "yes"}
        """).orThrow();
    MqttSettings m = c.mqtt();
    assertThat(m.broker()).isEqualTo(URI.create("mqtt://broker.lan:1884"));
    assertThat(m.baseTopic()).isEqualTo("site/z2m");
    assertThat(m.haTopic()).isEqualTo("bank");
    assertThat(m.discoveryPrefix()).isEqualTo("ha");
    assertThat(m.supervision()).isZero();
    assertThat(m.devices()).hasSize(2);
    assertThat(m.device("door").orElseThrow().faultField()).isEqualTo("low_battery");
    assertThat(m.device("pir").orElseThrow().activeValue()).isEqualTo("yes");
  }

  @Test
  void anUnknownKeyIsReportedWithItsPosition() {
    Problem p = only("""
        mqtt:
          brokr: tcp://x:1883
        """);
    assertThat(p.message()).contains("unknown key 'brokr'", "did you mean 'broker'");
    assertThat(p.loc().file()).isEqualTo("site.yaml");
    assertThat(p.loc().line()).isEqualTo(SITE.split("\n").length + 2);
    assertThat(p.loc().column()).isEqualTo(3);
  }

  @Test
  void aBrokerIsAnMqttUrl() {
    assertThat(only("mqtt: {broker: http://x/}\n").message()).contains("expected an MQTT broker URL like tcp://127.0.0.1:1883");
    assertThat(only("mqtt: {broker: 'not a url'}\n").path()).isEqualTo("mqtt.broker");
  }

  @Test
  void topicsHaveNoWildcards() {
    assertThat(only("mqtt: {base_topic: 'z2m/#'}\n").message()).contains("no wildcards");
    assertThat(only("mqtt:\n  devices:\n    - {id: door, topic: 'z/+/x'}\n").path()).isEqualTo("mqtt.devices[0].topic");
  }

  @Test
  void anUndefinedDeviceIsNamedWithASuggestion() {
    Problem p = only("mqtt:\n  devices:\n    - {id: dor, preset: contact}\n");
    assertThat(p.message()).contains("undefined device 'dor'", "did you mean 'door'");
    assertThat(p.path()).isEqualTo("mqtt.devices[0].id");
    assertThat(p.loc().line()).isEqualTo(SITE.split("\n").length + 3);
  }

  @Test
  void aPresetMustFitTheDevice() {
    assertThat(only("mqtt:\n  devices:\n    - {id: hd, preset: contact}\n").message()).contains("preset 'contact' does not fit hold-up device 'hd'", "hold_up");
    assertThat(only("mqtt:\n  devices:\n    - {id: door, preset: hold_up}\n").message()).contains("does not fit detector 'door'");
    assertThat(only("mqtt:\n  devices:\n    - {id: door, preset: smoke}\n").message()).contains("unknown value 'smoke'");
  }

  @Test
  void fieldMappingAndSupervisionAreForDetectorsOnly() {
    assertThat(only("mqtt:\n  devices:\n    - {id: hd, active_field: x}\n").message()).contains("applies to detectors only");
    assertThat(only("mqtt:\n  devices:\n    - {id: hd, supervision: 1h}\n").message()).contains("only sends events");
  }

  @Test
  void aTopicIsUsedOnceEvenAgainstTheConvention() {
    Problem p = only("mqtt:\n  devices:\n    - {id: door, topic: zigbee2mqtt/pir}\n");
    assertThat(p.message()).contains("topic 'zigbee2mqtt/pir' is used by both");
    assertThat(only("mqtt:\n  devices:\n    - {id: door}\n    - {id: door}\n").message()).contains("already mapped");
  }

  @Test
  void aSupervisionTimeIsOffOrAtLeastAMinute() {
    assertThat(only("mqtt: {supervision: 10s}\n").message()).contains("0s (off) or at least 1m");
    assertThat(only("mqtt: {supervision: soon}\n").path()).isEqualTo("mqtt.supervision");
  }
}
