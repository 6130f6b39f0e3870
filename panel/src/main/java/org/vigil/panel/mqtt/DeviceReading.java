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
    Boolean active = switch (b.kind()) {
      case CONTACT -> bool(n, "contact") == null ? null : !bool(n, "contact");
      case OCCUPANCY -> bool(n, "occupancy");
      case VIBRATION -> bool(n, "vibration") != null ? bool(n, "vibration") : bool(n, "occupancy");
      case SWITCH -> switchState(n);
      default -> null;
    };
    String field = switch (b.kind()) {
      case CONTACT -> "contact";
      case OCCUPANCY -> "occupancy";
      case VIBRATION -> "vibration";
      default -> "state";
    };
    if (n.has(field) && active == null && !(b.kind() == DeviceBinding.Kind.VIBRATION && bool(n, "occupancy") != null)) {
      return new Result.Malformed("field '" + field + "' has the wrong type");
    }
    Boolean tamper = bool(n, "tamper");
    if (n.has("tamper") && tamper == null) return new Result.Malformed("field 'tamper' is not true/false");
    Boolean fault = bool(n, "battery_low");
    if (n.has("battery_low") && fault == null) return new Result.Malformed("field 'battery_low' is not true/false");
    if (active == null && tamper == null && fault == null) return new Result.Malformed("none of the fields this device reports (" + field + ", tamper, battery_low)");
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

  private static Boolean bool(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  private static Boolean switchState(JsonNode n) {
    JsonNode v = n.get("state");
    if (v == null || !v.isTextual()) return null;
    return switch (v.asText().toUpperCase()) {
      case "ON", "LOCK", "LOCKED", "CLOSED" -> true;
      case "OFF", "UNLOCK", "UNLOCKED", "OPEN" -> false;
      default -> null;
    };
  }
}
