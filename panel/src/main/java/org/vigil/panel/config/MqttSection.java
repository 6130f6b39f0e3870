package org.vigil.panel.config;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.config.MqttSettings.MqttDevice;
import org.vigil.panel.config.MqttSettings.Preset;
import org.vigil.panel.yaml.Fields;
import org.vigil.panel.yaml.Names;
import org.vigil.panel.yaml.Problems;
import org.vigil.panel.yaml.YNode;

/** Reads and checks the site file's {@code mqtt:} section (problems with file, line and column like every other key). */
final class MqttSection {
  static final Duration MIN_SUPERVISION = Duration.ofMinutes(1);

  private MqttSection() {}

  static MqttSettings read(Fields f, Problems p) {
    if (f == null) return MqttSettings.CONVENTION;
    MqttSettings d = MqttSettings.CONVENTION;
    URI broker = broker(f);
    String base = topic(f, "base_topic", d.baseTopic());
    String ha = topic(f, "ha_topic", d.haTopic());
    String discovery = topic(f, "discovery_prefix", d.discoveryPrefix());
    Duration supervision = supervision(f, "supervision", d.supervision());
    List<MqttDevice> devices = f.list("devices", (node, path) -> device(node, path, p));
    f.done();
    return new MqttSettings(broker, base, ha, discovery, supervision, List.copyOf(devices));
  }

  private static URI broker(Fields f) {
    String s = f.str("broker");
    if (s == null) return null;
    try {
      URI u = new URI(s.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
      if ((scheme.equals("tcp") || scheme.equals("mqtt")) && u.getHost() != null && (u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/"))) {
        return u;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    f.error("broker", "expected an MQTT broker URL like tcp://127.0.0.1:1883 (tcp:// or mqtt://, a host, an optional port), found '" + s + "'");
    return null;
  }

  /** A topic or topic base: not empty, no wildcards, no leading or trailing '/'. */
  private static String topic(Fields f, String key, String def) {
    String s = f.str(key);
    if (s == null) return def;
    String why = topicProblem(s);
    if (why != null) {
      f.error(key, why + ", found '" + s + "'");
      return def;
    }
    return s;
  }

  static String topicProblem(String s) {
    if (s.isBlank()) return "a topic must not be empty";
    if (s.contains("+") || s.contains("#")) return "a topic has no wildcards (+ or #)";
    if (s.startsWith("/") || s.endsWith("/")) return "a topic neither starts nor ends with '/'";
    if (s.chars().anyMatch(c -> c == 0)) return "a topic has no NUL character";
    return null;
  }

  private static Duration supervision(Fields f, String key, Duration def) {
    Duration v = f.duration(key, def);
    if (v == null) return def;
    if (!v.isZero() && v.compareTo(MIN_SUPERVISION) < 0) {
      f.error(key, "a supervision time is 0s (off) or at least 1m: shorter would fault devices that report only on change");
      return def;
    }
    return v;
  }

  private static MqttDevice device(YNode node, String path, Problems p) {
    Fields f = Fields.of(node, path, p);
    String id = f.reqStr("id");
    String topic = f.has("topic") ? topic(f, "topic", null) : null;
    Preset preset = f.enumOf("preset", Preset.class, null, false);
    String activeField = f.str("active_field");
    if (activeField != null && activeField.isBlank()) f.error("active_field", "must not be empty");
    String activeValue = f.str("active_value");
    String tamper = f.str("tamper_field");
    String fault = f.str("fault_field");
    Duration supervision = f.has("supervision") ? supervision(f, "supervision", null) : null;
    f.done();
    return id == null ? null : new MqttDevice(id, topic, preset, activeField, activeValue, tamper, fault, supervision);
  }

  /** References: every id is a device of the site, the preset fits it, every topic is used once. */
  static void check(SiteConfig c, Problems p) {
    MqttSettings m = c.mqtt();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, String> topics = new HashMap<>();
    for (int i = 0; i < m.devices().size(); i++) {
      MqttDevice d = m.devices().get(i);
      String path = "mqtt.devices[" + i + "]";
      Integer before = seen.putIfAbsent(d.id(), i);
      if (before != null) err(c, p, path + ".id", "device '" + d.id() + "' is already mapped by mqtt.devices[" + before + "]");
      String kind = c.detector(d.id()).isPresent() ? "detector" : c.holdUpDevice(d.id()).isPresent() ? "hold-up device"
          : c.reader(d.id()).isPresent() ? "reader" : c.output(d.id()).isPresent() ? "output" : null;
      if (kind == null) {
        String hint = Names.closest(d.id(), c.deviceIds().keySet());
        err(c, p, path + ".id", "undefined device '" + d.id() + "' (MQTT maps detectors, hold-up devices, readers and outputs)"
            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        continue;
      }
      List<Preset> fits = switch (kind) {
        case "detector" -> List.of(Preset.CONTACT, Preset.OCCUPANCY, Preset.VIBRATION, Preset.SWITCH);
        case "hold-up device" -> List.of(Preset.HOLD_UP);
        case "reader" -> List.of(Preset.READER);
        default -> List.of();
      };
      if (d.preset() != null && !fits.contains(d.preset())) {
        err(c, p, path + ".preset", "preset '" + d.preset().name().toLowerCase() + "' does not fit " + kind + " '" + d.id() + "'"
            + (fits.isEmpty() ? " (an output has only a topic)" : " (use " + String.join(" or ", fits.stream().map(x -> x.name().toLowerCase()).toList()) + ")"));
      }
      if (!kind.equals("detector")) {
        for (String k : List.of("active_field", "active_value", "tamper_field", "fault_field")) {
          if (value(d, k) != null) err(c, p, path + "." + k, k + " applies to detectors only; " + kind + " '" + d.id() + "' has a fixed payload");
        }
        if (d.supervision() != null) err(c, p, path + ".supervision", kind + " '" + d.id() + "' only sends events: it is not supervised by silence");
      }
    }
    // Every device's topic, listed or by convention, is used once.
    for (var e : c.deviceIds().entrySet()) {
      String id = e.getKey();
      boolean mapped = switch (e.getValue()) {
        case "detector", "hold-up device", "reader", "output" -> true;
        default -> false;
      };
      if (!mapped) continue;
      String t = m.device(id).map(MqttDevice::topic).orElse(null);
      if (t == null) t = m.baseTopic() + "/" + id + (e.getValue().equals("output") ? "/set" : "");
      String prev = topics.putIfAbsent(t, id);
      if (prev != null) {
        int idx = indexOf(m, id) >= 0 ? indexOf(m, id) : indexOf(m, prev);
        err(c, p, idx >= 0 ? "mqtt.devices[" + idx + "].topic" : "mqtt", "topic '" + t + "' is used by both '" + prev + "' and '" + id + "'");
      }
    }
  }

  private static int indexOf(MqttSettings m, String id) {
    for (int i = 0; i < m.devices().size(); i++) if (m.devices().get(i).id().equals(id)) return i;
    return -1;
  }

  private static String value(MqttDevice d, String key) {
    return switch (key) {
      case "active_field" -> d.activeField();
      case "active_value" -> d.activeValue();
      case "tamper_field" -> d.tamperField();
      default -> d.faultField();
    };
  }

  private static void err(SiteConfig c, Problems p, String path, String message) {
    p.add(c.locate(path), path, message);
  }
}
