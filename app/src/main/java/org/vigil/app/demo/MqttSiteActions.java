package org.vigil.app.demo;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.panel.engine.Input;
import org.vigil.panel.mqtt.DeviceBinding;
import org.vigil.panel.mqtt.MqttMapping;
import org.vigil.panel.service.PanelService;
import org.vigil.panel.web.SiteActions;

/**
 * The site simulator's clicks, published as the real Zigbee2MQTT devices would (the device's whole
 * state each time), so each click travels device -> broker -> panel like in a real installation.
 */
final class MqttSiteActions implements SiteActions, AutoCloseable {
  private final Mqtt3BlockingClient client;
  private final MqttMapping mapping;
  private final PanelService panel;
  private final Map<String, Boolean> active = new ConcurrentHashMap<>();
  private final Map<String, Boolean> tamper = new ConcurrentHashMap<>();

  MqttSiteActions(String host, int port, MqttMapping mapping, PanelService panel) {
    this.mapping = mapping;
    this.panel = panel;
    this.client = Mqtt3Client.builder().identifier("vigil-site-simulator").serverHost(host).serverPort(port)
        .automaticReconnectWithDefaultConfig().buildBlocking();
    client.connect();
  }

  @Override
  public synchronized void detector(String device, boolean on) {
    active.put(device, on);
    publishState(device);
  }

  @Override
  public synchronized void tamper(String device, boolean open) {
    tamper.put(device, open);
    publishState(device);
  }

  private void publishState(String device) {
    DeviceBinding b = mapping.forDevice(device).orElseThrow(() -> new IllegalArgumentException("no MQTT device " + device));
    boolean on = active.getOrDefault(device, false);
    if (b.eventOnly()) throw new IllegalArgumentException(device + " is not a detector");
    var n = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    String when = b.activeValue();
    if (when == null) {
      switch (b.kind()) {
        case CONTACT -> n.put(b.activeField(), !on);
        case SWITCH -> n.put(b.activeField(), on ? "ON" : "OFF");
        default -> n.put(b.activeField(), on);
      }
    } else if (when.equalsIgnoreCase("true") || when.equalsIgnoreCase("false")) {
      n.put(b.activeField(), on == Boolean.parseBoolean(when.toLowerCase()));
    } else {
      n.put(b.activeField(), on ? when : "normal");
    }
    // The device's whole state each time, as Zigbee2MQTT sends it.
    if (b.tamperField() != null) n.put(b.tamperField(), tamper.getOrDefault(device, false));
    if (b.faultField() != null) n.put(b.faultField(), false);
    n.put("linkquality", 120);
    publish(b.topic(), n.toString());
  }

  @Override
  public void holdUp(String device, String action) {
    DeviceBinding b = mapping.forDevice(device).orElseThrow();
    publish(b.topic(), "{\"action\":\"" + action + "\"}");
  }

  @Override
  public void card(String reader, String card, String pin) {
    DeviceBinding b = mapping.forDevice(reader).orElseThrow();
    var n = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    n.put("card", card);
    if (pin != null && !pin.isBlank()) n.put("pin", pin);
    publish(b.topic(), n.toString());
  }

  @Override
  public void arcCompletesSetting(String area) {
    // The ARC's completion arrives over the signalling path, not MQTT.
    panel.submit(new Input.RemoteCommand(area, Input.RemoteAction.COMPLETE_SETTING, 0));
  }

  @Override
  public void arcRestores(String area) {
    panel.submit(new Input.RemoteCommand(area, Input.RemoteAction.RESTORE, 0));
  }

  private void publish(String topic, String json) {
    client.publishWith().topic(topic).payload(json.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
  }

  @Override
  public void close() {
    try {
      client.disconnect();
    } catch (RuntimeException e) {
      // broker already stopped
    }
  }
}
