package org.vigil.arc.handling.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.arc.handling.CloseCause;
import org.vigil.arc.handling.DuressRoute;
import org.vigil.arc.handling.HandlingInput;
import org.vigil.arc.handling.HandlingInput.CallBackOutcome;
import org.vigil.arc.handling.HandlingProfile;
import org.vigil.arc.handling.PoliceResponse;
import org.vigil.arc.handling.StoredSignal;
import org.vigil.arc.handling.Technology;

/** Reads ARC scenario YAML into an {@link ArcScenario}; every problem is a {@link ScenarioException}. */
public final class ArcScenarioLoader {

  /** Expectation keys the runner understands (a typo is an error, not a silently passing test). */
  public static final Set<String> EXPECT_KEYS =
      Set.of(
          "alarm", "designation", "type", "confirmation", "status", "priority", "filter", "filterUntil",
          "policeAvailable", "policeDispatched", "openTasks", "noOpenTasks", "closeCause", "duress",
          "emitted", "notEmitted", "refused", "accepted", "alert", "police", "openAlarms", "setState",
          "queue", "taskCreated");

  private static final Set<String> STEP_KEYS =
      Set.of("at", "signal", "pathFault", "pathRestored", "action", "tick", "expect", "note");

  private static final Pattern DURATION = Pattern.compile("\\+?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+)ms)?");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  public ArcScenario load(Path file) throws ScenarioException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), "cannot read: " + e.getMessage());
    }
    return parse(text, file.getFileName().toString());
  }

  public ArcScenario parse(String text, String source) throws ScenarioException {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(source, "not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) throw new ScenarioException(source, "expected a mapping at the top");
    String name = text(root, "name", source, false);
    if (name == null) name = source;
    String rule = text(root, "rule", source, false);
    HandlingProfile profile = profile(required(root, "profile", source), "profile");
    Instant start = instant(required(root, "start", source), "start");
    JsonNode steps = required(root, "steps", source);
    if (!steps.isArray()) throw new ScenarioException("steps", "expected a list");
    List<ArcScenario.Step> list = new ArrayList<>();
    Instant previous = start;
    int signalSeq = 1;
    for (int i = 0; i < steps.size(); i++) {
      String where = "steps[" + i + "]";
      JsonNode s = steps.get(i);
      if (!s.isObject()) throw new ScenarioException(where, "expected a mapping");
      checkKeys(s, STEP_KEYS, where);
      JsonNode atNode = required(s, "at", where);
      Instant at = time(atNode, start, where + ".at");
      if (at.isBefore(previous)) {
        throw new ScenarioException(where + ".at", "steps must not go back in time (" + at + " before " + previous + ")");
      }
      previous = at;
      List<String> kinds = new ArrayList<>();
      for (String k : List.of("signal", "pathFault", "pathRestored", "action", "tick")) if (s.has(k)) kinds.add(k);
      if (kinds.size() > 1) throw new ScenarioException(where, "one input per step, found " + kinds);
      HandlingInput input;
      String kind = kinds.isEmpty() ? "tick" : kinds.get(0);
      switch (kind) {
        case "signal" -> input = new HandlingInput.SignalReceived(signal(s.get("signal"), at, where + ".signal", "s" + signalSeq++));
        case "pathFault" -> {
          JsonNode p = s.get("pathFault");
          input = new HandlingInput.PathFault(text(p, "path", where + ".pathFault", true), technology(p, where + ".pathFault"));
        }
        case "pathRestored" -> {
          JsonNode p = s.get("pathRestored");
          input = new HandlingInput.PathRestored(text(p, "path", where + ".pathRestored", true), technology(p, where + ".pathRestored"));
        }
        case "action" -> input = action(s.get("action"), profile.accountId(), where + ".action");
        default -> input = HandlingInput.tick();
      }
      Map<String, Object> expect = new LinkedHashMap<>();
      if (s.has("expect")) {
        JsonNode e = s.get("expect");
        if (!e.isObject()) throw new ScenarioException(where + ".expect", "expected a mapping");
        checkKeys(e, EXPECT_KEYS, where + ".expect");
        expect.putAll(yaml.convertValue(e, Map.class));
      }
      list.add(new ArcScenario.Step(i, atNode.asText(), at, input, expect));
    }
    return new ArcScenario(name, rule, profile, start, list);
  }

  // ---------------------------------------------------------------- profile

  private HandlingProfile profile(JsonNode p, String where) throws ScenarioException {
    if (!p.isObject()) throw new ScenarioException(where, "expected a mapping");
    checkKeys(p, Set.of("account", "holdUpConfirmationHours", "setUnsetMonitoring", "zone", "schedule", "keyholders",
        "callBack", "intruderUrn", "holdUpUrn", "intruderConfirmationTechnology", "paths", "multiActionDevices",
        "holdUpZones", "duressRoute", "policeResponseWithdrawn"), where);
    HandlingProfile.Builder b = HandlingProfile.builder(text(p, "account", where, true));
    try {
      if (p.has("holdUpConfirmationHours")) {
        b.holdUpConfirmationTime(Duration.ofMinutes(Math.round(number(p.get("holdUpConfirmationHours"), where + ".holdUpConfirmationHours") * 60)));
      }
      if (p.has("setUnsetMonitoring")) b.setUnsetMonitoring(bool(p.get("setUnsetMonitoring"), where + ".setUnsetMonitoring"));
      if (p.has("zone")) b.zone(ZoneId.of(p.get("zone").asText()));
      if (p.has("intruderUrn")) b.intruderUrn(p.get("intruderUrn").asText());
      if (p.has("holdUpUrn")) b.holdUpUrn(p.get("holdUpUrn").asText());
      if (p.has("intruderConfirmationTechnology")) {
        b.intruderConfirmationTechnology(bool(p.get("intruderConfirmationTechnology"), where + ".intruderConfirmationTechnology"));
      }
      if (p.has("schedule")) schedule(b, p.get("schedule"), where + ".schedule");
      if (p.has("duressRoute")) b.duressRoute(enumValue(DuressRoute.class, p.get("duressRoute").asText(), where + ".duressRoute"));
      if (p.has("policeResponseWithdrawn")) {
        b.policeResponseWithdrawn(bool(p.get("policeResponseWithdrawn"), where + ".policeResponseWithdrawn"));
      }
      for (JsonNode k : list(p, "keyholders", where)) {
        b.keyholder(text(k, "name", where + ".keyholders", true), text(k, "phone", where + ".keyholders", false));
      }
      for (JsonNode path : list(p, "paths", where)) {
        Technology t = technology(path, where + ".paths");
        if (t == null) throw new ScenarioException(where + ".paths", "technology is required");
        b.path(text(path, "id", where + ".paths", true), t);
      }
      for (JsonNode d : list(p, "multiActionDevices", where)) b.multiActionDevice(d.asText());
      for (JsonNode d : list(p, "holdUpZones", where)) b.holdUpZone(d.asText());
      if (p.has("callBack")) {
        JsonNode c = p.get("callBack");
        HandlingProfile.CallBackProcedure std = HandlingProfile.CallBackProcedure.standard();
        List<String> steps = new ArrayList<>();
        for (JsonNode st : list(c, "steps", where + ".callBack")) steps.add(st.asText());
        b.callBack(new HandlingProfile.CallBackProcedure(
            steps.isEmpty() ? std.steps() : steps,
            c.has("noAnswerConfirms") ? bool(c.get("noAnswerConfirms"), where + ".callBack.noAnswerConfirms") : std.noAnswerConfirms(),
            c.has("wrongCodeWordConfirms") ? bool(c.get("wrongCodeWordConfirms"), where + ".callBack.wrongCodeWordConfirms") : std.wrongCodeWordConfirms()));
      }
      return b.build();
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new ScenarioException(where, e.getMessage());
    }
  }

  private void schedule(HandlingProfile.Builder b, JsonNode s, String where) throws ScenarioException {
    if (!s.isObject()) throw new ScenarioException(where, "expected a mapping of weekday (or everyDay) to times");
    Iterator<Map.Entry<String, JsonNode>> it = s.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String w = where + "." + e.getKey();
      LocalTime unset = localTime(e.getValue(), "earliestUnsetting", w);
      LocalTime set = localTime(e.getValue(), "latestSetting", w);
      if (e.getKey().equals("everyDay")) {
        b.everyDay(unset, set);
      } else {
        DayOfWeek day;
        try {
          day = DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
          throw new ScenarioException(w, "not a weekday (MONDAY..SUNDAY or everyDay)");
        }
        b.schedule(day, unset, set);
      }
    }
  }

  private static LocalTime localTime(JsonNode n, String field, String where) throws ScenarioException {
    String t = text(n, field, where, true);
    try {
      return LocalTime.parse(t);
    } catch (DateTimeException e) {
      throw new ScenarioException(where + "." + field, "not a time of day (HH:MM): " + t);
    }
  }

  // ---------------------------------------------------------------- inputs

  private StoredSignal signal(JsonNode s, Instant at, String where, String defaultId) throws ScenarioException {
    if (!s.isObject()) throw new ScenarioException(where, "expected a mapping");
    checkKeys(s, Set.of("cid", "q", "sia", "zone", "user", "device", "path", "technology", "images", "id", "area"), where);
    String id = s.has("id") ? s.get("id").asText() : defaultId;
    String zone = s.has("zone") ? s.get("zone").asText() : s.has("user") ? s.get("user").asText() : null;
    String device = s.has("device") ? s.get("device").asText() : null;
    String path = s.has("path") ? s.get("path").asText() : null;
    StoredSignal sig;
    if (s.has("cid") == s.has("sia")) throw new ScenarioException(where, "give exactly one of cid (Contact ID) or sia (SIA code)");
    if (s.has("cid")) {
      int cid = integer(s.get("cid"), where + ".cid");
      int q = s.has("q") ? integer(s.get("q"), where + ".q") : 1;
      if (cid < 0 || cid > 999) throw new ScenarioException(where + ".cid", "Contact ID codes are 000-999, was " + cid);
      if (q != 1 && q != 3 && q != 6) throw new ScenarioException(where + ".q", "qualifier must be 1, 3 or 6, was " + q);
      sig = StoredSignal.contactId(id, at, cid, q, zone, device, path);
    } else {
      String code = s.get("sia").asText();
      if (!code.matches("[A-Z]{2}")) throw new ScenarioException(where + ".sia", "SIA codes are two capital letters, was '" + code + "'");
      sig = StoredSignal.sia(id, at, code, zone, device, path);
    }
    Technology t = technology(s, where);
    if (t != null) sig = sig.withTechnology(t);
    if (s.has("images")) {
      int n = integer(s.get("images"), where + ".images");
      if (n < 0) throw new ScenarioException(where + ".images", "must be >= 0");
      sig = sig.withImages(n);
    }
    if (s.has("area")) sig = sig.withArea(s.get("area").asText());
    return sig;
  }

  private HandlingInput action(JsonNode a, String account, String where) throws ScenarioException {
    if (!a.isObject()) throw new ScenarioException(where, "expected a mapping");
    String type = text(a, "type", where, true);
    String op = a.has("operator") ? a.get("operator").asText() : "op1";
    if (type.equals("reinstate")) {
      PoliceResponse.Kind kind = enumValue(PoliceResponse.Kind.class, text(a, "kind", where, true), where + ".kind");
      return new HandlingInput.ReinstatePoliceResponse(op, kind, flag(a, "remedialActionTaken", where),
          flag(a, "confirmationInPlace", where), flag(a, "dualActionDevices", where), flag(a, "duressRemoved", where));
    }
    JsonNode alarmNode = required(a, "alarm", where);
    String alarm = alarmNode.isInt() ? account + "-" + alarmNode.asInt() : alarmNode.asText();
    return switch (type) {
      case "take" -> new HandlingInput.TakeAlarm(op, alarm);
      case "release" -> new HandlingInput.ReleaseAlarm(op, alarm, a.has("supervisor") && bool(a.get("supervisor"), where + ".supervisor"));
      case "listenIn" -> new HandlingInput.RecordListenIn(op, alarm, integer(required(a, "seconds", where), where + ".seconds"));
      case "imagesViewed" -> new HandlingInput.ImagesViewed(op, alarm, integer(required(a, "count", where), where + ".count"));
      case "designateAudible" -> new HandlingInput.DesignateAudiblyConfirmed(op, alarm);
      case "designateVisual" -> new HandlingInput.DesignateVisuallyConfirmed(op, alarm);
      case "inconclusive" -> new HandlingInput.RecordInconclusiveEvidence(op, alarm, text(a, "note", where, false));
      case "contraryIndication" -> new HandlingInput.RecordContraryIndication(op, alarm, text(a, "evidence", where, false));
      case "callBack" -> new HandlingInput.RecordCallBackOutcome(op, alarm,
          enumValue(CallBackOutcome.class, text(a, "outcome", where, true), where + ".outcome"));
      case "dispatchPolice" -> new HandlingInput.DispatchPolice(op, alarm);
      case "informKeyholder" -> new HandlingInput.InformKeyholder(op, alarm, text(a, "keyholder", where, true),
          !a.has("reached") || bool(a.get("reached"), where + ".reached"));
      case "close" -> new HandlingInput.CloseAlarm(op, alarm,
          a.has("cause") && !a.get("cause").isNull() ? enumValue(CloseCause.class, a.get("cause").asText(), where + ".cause") : null,
          text(a, "note", where, false));
      default -> throw new ScenarioException(where + ".type", "unknown action '" + type + "' (take, release, listenIn, imagesViewed,"
          + " designateAudible, designateVisual, inconclusive, contraryIndication, callBack, dispatchPolice,"
          + " informKeyholder, close, reinstate)");
    };
  }

  // ---------------------------------------------------------------- values

  /** An absolute instant, or an offset from the start such as "2m", "119s", "1h30m", "+8h", "PT2M". */
  static Instant time(JsonNode n, Instant start, String where) throws ScenarioException {
    String t = n.asText().trim();
    if (n.isNumber()) return start.plusMillis(Math.round(n.asDouble() * 1000));
    if (t.contains("T") && !t.startsWith("PT") && !t.startsWith("+PT")) return instant(n, where);
    return start.plus(duration(t, where));
  }

  static Duration duration(String t, String where) throws ScenarioException {
    String s = t.startsWith("+") ? t.substring(1) : t;
    if (s.startsWith("PT") || s.startsWith("P")) {
      try {
        return Duration.parse(s);
      } catch (DateTimeException e) {
        throw new ScenarioException(where, "not a duration: " + t);
      }
    }
    Matcher m = DURATION.matcher(s);
    if (s.isEmpty() || !m.matches()) {
      throw new ScenarioException(where, "not a time: '" + t + "' (use an instant like 2026-01-05T20:00:00Z or an offset like 90s, 2m, 1h30m, 1d)");
    }
    Duration d = Duration.ZERO;
    if (m.group(1) != null) d = d.plusDays(Long.parseLong(m.group(1)));
    if (m.group(2) != null) d = d.plusHours(Long.parseLong(m.group(2)));
    if (m.group(3) != null) d = d.plusMinutes(Long.parseLong(m.group(3)));
    if (m.group(4) != null) d = d.plusMillis(Math.round(Double.parseDouble(m.group(4)) * 1000));
    if (m.group(5) != null) d = d.plusMillis(Long.parseLong(m.group(5)));
    return d;
  }

  private static Instant instant(JsonNode n, String where) throws ScenarioException {
    try {
      return Instant.parse(n.asText());
    } catch (DateTimeException e) {
      throw new ScenarioException(where, "not an instant (e.g. 2026-01-05T20:00:00Z): " + n.asText());
    }
  }

  private static Technology technology(JsonNode n, String where) throws ScenarioException {
    if (!n.has("technology")) return null;
    return enumValue(Technology.class, n.get("technology").asText(), where + ".technology");
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) throws ScenarioException {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) names.add(c.name());
      throw new ScenarioException(where, "'" + value + "' is not one of " + names);
    }
  }

  private static JsonNode required(JsonNode n, String field, String where) throws ScenarioException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw new ScenarioException(where + "." + field, "is required");
    return v;
  }

  private static String text(JsonNode n, String field, String where, boolean required) throws ScenarioException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new ScenarioException(where + "." + field, "is required");
      return null;
    }
    if (!v.isValueNode()) throw new ScenarioException(where + "." + field, "expected a single value");
    return v.asText();
  }

  private static List<JsonNode> list(JsonNode n, String field, String where) throws ScenarioException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return List.of();
    if (!v.isArray()) throw new ScenarioException(where + "." + field, "expected a list");
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  private static int integer(JsonNode n, String where) throws ScenarioException {
    if (n.isInt()) return n.asInt();
    if (n.isTextual() && n.asText().matches("-?\\d{1,9}")) return Integer.parseInt(n.asText());
    throw new ScenarioException(where, "not a whole number: " + n.asText());
  }

  private static double number(JsonNode n, String where) throws ScenarioException {
    if (n.isNumber()) return n.asDouble();
    throw new ScenarioException(where, "not a number: " + n.asText());
  }

  private static boolean bool(JsonNode n, String where) throws ScenarioException {
    if (n.isBoolean()) return n.asBoolean();
    throw new ScenarioException(where, "expected true or false, was " + n.asText());
  }

  private static boolean flag(JsonNode n, String field, String where) throws ScenarioException {
    return n.has(field) && bool(n.get(field), where + "." + field);
  }

  private static void checkKeys(JsonNode n, Set<String> allowed, String where) throws ScenarioException {
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) throw new ScenarioException(where + "." + k, "unknown key (allowed: " + allowed + ")");
    }
  }
}
