package org.vigil.panel.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.vigil.panel.engine.Input;

/**
 * Pure translation of one MQTT payload into panel inputs, given what the device said last time.
 * Zigbee2MQTT sends the whole device state on every change, so only fields whose value changed
 * become inputs. Bad payloads are a typed {@link Result.Malformed}, never an exception.
 */
public final class DeviceReading {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeviceReading() {}

  /** The device's last known values (null = never reported). */
  public record Last(Boolean active, Boolean tamper, Boolean fault) {
    public static final Last NONE = new Last(null, null, null);
  }

  public sealed interface Result {
    record Inputs(List<Input> inputs, Last last) implements Result {}

    record Malformed(String reason) implements Result {}
  }

  public static Result read(DeviceBinding b, byte[] payload, Last last) {
    JsonNode n;
    try {
      n = JSON.readTree(payload);
    } catch (Exception e) {
      return new Result.Malformed("not JSON");
    }
    if (n == null || !n.isObject()) return new Result.Malformed("not a JSON object");
    List<Input> out = new ArrayList<>();
    String id = b.device();
    switch (b.kind()) {
      case HOLD_UP -> {
        JsonNode a = n.get("action");
        if (a == null || !a.isTextual()) return new Result.Malformed("no text field 'action'");
        Input.HoldUpAction act;
        try {
          act = Input.HoldUpAction.valueOf(a.asText().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
          return new Result.Malformed("unknown action '" + a.asText() + "' (press_both, press_one, second_action, release, reset)");
        }
        out.add(new Input.HoldUpOperated(id, act));
        return new Result.Inputs(out, last);
      }
      case READER -> {
        JsonNode c = n.get("card");
        if (c == null || !c.isTextual() || c.asText().isBlank()) return new Result.Malformed("no text field 'card'");
        JsonNode p = n.get("pin");
        if (p != null && !p.isTextual() && !p.isNull()) return new Result.Malformed("'pin' is not text");
        out.add(new Input.CardPresented(id, c.asText(), p == null || p.isNull() ? null : p.asText()));
        return new Result.Inputs(out, last);
      }
      default -> {}
    }
    String field = b.activeField() == null ? DeviceBinding.defaultField(b.kind()) : b.activeField();
    JsonNode v = n.get(field);
    Boolean active = null;
    if (v != null && !v.isNull()) {
      active = active(b, v);
      if (active == null) {
        return new Result.Malformed("field '" + field + "' has the wrong type or an unknown value"
            + (b.activeValue() == null ? "" : " (active when " + b.activeValue() + ")"));
      }
    } else if (b.kind() == org.vigil.panel.config.MqttSettings.Preset.VIBRATION && b.activeValue() == null && "vibration".equals(field)) {
      // Some vibration sensors expose occupancy instead.
      JsonNode o = n.get("occupancy");
      if (o != null && !o.isNull()) {
        if (!o.isBoolean()) return new Result.Malformed("field 'occupancy' is not true/false");
        active = o.asBoolean();
      }
    }
    Boolean tamper = null;
    if (b.tamperField() != null && n.has(b.tamperField())) {
      tamper = bool(n, b.tamperField());
      if (tamper == null) return new Result.Malformed("field '" + b.tamperField() + "' is not true/false");
    }
    Boolean fault = null;
    if (b.faultField() != null && n.has(b.faultField())) {
      fault = bool(n, b.faultField());
      if (fault == null) return new Result.Malformed("field '" + b.faultField() + "' is not true/false");
    }
    if (active == null && tamper == null && fault == null) {
      return new Result.Malformed("none of the fields this device reports (" + field + (b.tamperField() == null ? "" : ", " + b.tamperField())
          + (b.faultField() == null ? "" : ", " + b.faultField()) + ")");
    }
    if (active != null && !active.equals(last.active())) out.add(active ? new Input.DetectorActive(id) : new Input.DetectorNormal(id));
    if (tamper != null && !tamper.equals(last.tamper())) out.add(tamper ? new Input.TamperOpen(id) : new Input.TamperRestored(id));
    if (fault != null && !fault.equals(last.fault())) out.add(fault ? new Input.FaultRaised(id) : new Input.FaultCleared(id));
    // First report of a normal device is not news: the panel starts with every device normal.
    if (last.active() == null) out.removeIf(i -> i instanceof Input.DetectorNormal);
    if (last.tamper() == null) out.removeIf(i -> i instanceof Input.TamperRestored);
    if (last.fault() == null) out.removeIf(i -> i instanceof Input.FaultCleared);
    return new Result.Inputs(out, new Last(active != null ? active : last.active(), tamper != null ? tamper : last.tamper(),
        fault != null ? fault : last.fault()));
  }

  /** Whether a value of the active field means active; null when it has the wrong type or an unknown value. */
  private static Boolean active(DeviceBinding b, JsonNode v) {
    String when = b.activeValue();
    if (when != null) {
      if (when.equalsIgnoreCase("true") || when.equalsIgnoreCase("false")) {
        return v.isBoolean() ? v.asBoolean() == Boolean.parseBoolean(when.toLowerCase()) : null;
      }
      // A text value: that text is active, any other text or number is normal.
      return v.isTextual() || v.isNumber() ? v.asText().equalsIgnoreCase(when) : null;
    }
    return switch (b.kind()) {
      case CONTACT -> v.isBoolean() ? !v.asBoolean() : null;
      case SWITCH -> v.isTextual() ? switchState(v.asText()) : v.isBoolean() ? v.asBoolean() : null;
      default -> v.isBoolean() ? v.asBoolean() : null;
    };
  }

  private static Boolean bool(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  private static Boolean switchState(String text) {
    return switch (text.toUpperCase()) {
      case "ON", "LOCK", "LOCKED", "CLOSED" -> true;
      case "OFF", "UNLOCK", "UNLOCKED", "OPEN" -> false;
      default -> null;
    };
  }
}
