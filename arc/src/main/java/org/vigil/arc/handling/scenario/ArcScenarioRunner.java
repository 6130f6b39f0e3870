package org.vigil.arc.handling.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.arc.handling.AccountHandling;
import org.vigil.arc.handling.AccountState;
import org.vigil.arc.handling.Alarm;
import org.vigil.arc.handling.HandlingEffect;
import org.vigil.arc.handling.PoliceResponse;
import org.vigil.arc.handling.StepResult;

/**
 * Runs an {@link ArcScenario} on a virtual clock: each step's input goes through
 * {@link AccountHandling#step} at the step's instant, then its expectations are checked against the new
 * state and the effects of that step. Never throws for a failed expectation: failures are collected.
 */
public final class ArcScenarioRunner {

  /** Outcome: the failures (empty = pass) and a readable transcript of every effect. */
  public record Result(String name, List<String> failures, List<String> transcript, AccountState finalState) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  public Result run(ArcScenario sc) {
    AccountState state = AccountState.initial(sc.profile(), sc.start());
    List<String> failures = new ArrayList<>();
    List<String> transcript = new ArrayList<>();
    for (ArcScenario.Step step : sc.steps()) {
      StepResult r;
      try {
        r = AccountHandling.step(state, step.input(), step.at());
      } catch (RuntimeException e) {
        failures.add(where(step) + "engine threw " + e);
        break;
      }
      state = r.state();
      transcript.add(where(step) + step.input());
      for (HandlingEffect e : r.effects()) {
        transcript.add("    " + e);
        if (e.rule() == null || e.rule().isBlank()) failures.add(where(step) + "effect without a rule: " + e);
      }
      check(sc, step, state, r.effects(), failures);
    }
    return new Result(sc.name(), failures, transcript, state);
  }

  private static String where(ArcScenario.Step s) {
    return "step " + s.index() + " (at " + s.atText() + "): ";
  }

  @SuppressWarnings("unchecked")
  private void check(ArcScenario sc, ArcScenario.Step step, AccountState s, List<HandlingEffect> effects, List<String> f) {
    Map<String, Object> ex = step.expect();
    if (ex.isEmpty()) return;
    String w = where(step);
    String account = sc.profile().accountId();
    Object alarmRef = ex.getOrDefault("alarm", 1);
    String alarmId = alarmRef instanceof Number n ? account + "-" + n.intValue() : String.valueOf(alarmRef);
    Alarm a = s.alarm(alarmId).orElse(null);
    for (Map.Entry<String, Object> e : ex.entrySet()) {
      String key = e.getKey();
      Object want = e.getValue();
      switch (key) {
        case "alarm" -> {}
        case "designation", "type", "confirmation", "status", "priority", "filter", "filterUntil", "policeAvailable",
            "policeDispatched", "openTasks", "noOpenTasks", "closeCause", "duress" -> {
          if (a == null) {
            f.add(w + "expected alarm " + alarmId + " (for " + key + ") but there is none");
            continue;
          }
          Object got = switch (key) {
            case "designation" -> a.designation().text();
            case "type" -> a.designation().type().name();
            case "confirmation" -> a.designation().confirmation().name();
            case "status" -> a.status().name();
            case "priority" -> a.priority().name();
            case "filter" -> a.filter().name();
            case "filterUntil" -> a.filterUntil();
            case "policeAvailable" -> a.policeResponseAvailable();
            case "policeDispatched" -> a.policeDispatched();
            case "closeCause" -> a.closeCause() == null ? null : a.closeCause().name();
            case "duress" -> a.duress();
            case "openTasks", "noOpenTasks" -> s.openTasks().stream().filter(t -> t.alarmId().equals(alarmId))
                .map(t -> t.kind().name()).sorted().toList();
            default -> null;
          };
          Object expected = switch (key) {
            case "filterUntil" -> {
              try {
                yield ArcScenarioLoader.time(new com.fasterxml.jackson.databind.node.TextNode(String.valueOf(want)), sc.start(), key);
              } catch (ScenarioException ex2) {
                f.add(w + ex2.getMessage());
                yield null;
              }
            }
            case "openTasks" -> ((Collection<Object>) want).stream().map(String::valueOf).sorted().toList();
            case "noOpenTasks" -> List.of();
            default -> want instanceof String str ? str : want;
          };
          if (!Objects.equals(String.valueOf(expected), String.valueOf(got))) {
            f.add(w + "alarm " + alarmId + " " + key + ": expected " + expected + " but was " + got);
          }
        }
        case "emitted", "notEmitted" -> {
          for (Object name : asList(want)) {
            boolean found = effects.stream().anyMatch(x -> x.getClass().getSimpleName().equals(name));
            if (key.equals("emitted") && !found) f.add(w + "expected effect " + name + " in this step; got " + names(effects));
            if (key.equals("notEmitted") && found) f.add(w + "did not expect effect " + name + " in this step");
          }
        }
        case "taskCreated" -> {
          boolean found = effects.stream().anyMatch(x -> x instanceof HandlingEffect.TaskCreated tc
              && tc.task().kind().name().equals(String.valueOf(want)));
          if (!found) f.add(w + "expected a " + want + " task to be created in this step");
        }
        case "refused" -> {
          List<HandlingEffect.ActionRefused> refusals = effects.stream()
              .filter(x -> x instanceof HandlingEffect.ActionRefused).map(x -> (HandlingEffect.ActionRefused) x).toList();
          boolean ok = want instanceof Boolean b
              ? b == !refusals.isEmpty()
              : refusals.stream().anyMatch(r -> r.reason().contains(String.valueOf(want)));
          if (!ok) f.add(w + "expected the action to be refused (" + want + "); refusals: " + refusals);
        }
        case "accepted" -> {
          boolean refused = effects.stream().anyMatch(x -> x instanceof HandlingEffect.ActionRefused);
          if (Boolean.TRUE.equals(want) == refused) {
            f.add(w + "expected the action " + (Boolean.TRUE.equals(want) ? "accepted" : "refused") + "; effects " + effects);
          }
        }
        case "alert" -> {
          boolean found = effects.stream().anyMatch(x -> x instanceof HandlingEffect.SetUnsetAlert al
              && al.kind().name().equals(String.valueOf(want)));
          if (!found) f.add(w + "expected set/unset alert " + want + "; got " + names(effects));
        }
        case "police" -> {
          Map<String, Object> p = (Map<String, Object>) want;
          String kindName = String.valueOf(p.getOrDefault("kind", "INTRUDER")).toUpperCase();
          PoliceResponse r = s.response(PoliceResponse.Kind.valueOf(kindName));
          if (p.containsKey("status") && !String.valueOf(p.get("status")).equals(r.status().name())) {
            f.add(w + kindName + " police status: expected " + p.get("status") + " but was " + r.status());
          }
          if (p.containsKey("available") && !Objects.equals(p.get("available"), r.available())) {
            f.add(w + kindName + " police available: expected " + p.get("available") + " but was " + r.available());
          }
          if (p.containsKey("falseAlarms")) {
            int n = r.falseAlarmsInLast12Months(step.at(), sc.profile().zone());
            if (((Number) p.get("falseAlarms")).intValue() != n) {
              f.add(w + kindName + " false alarms in 12 months: expected " + p.get("falseAlarms") + " but was " + n);
            }
          }
        }
        case "openAlarms" -> {
          int n = s.openAlarms().size();
          if (((Number) want).intValue() != n) f.add(w + "open alarms: expected " + want + " but was " + n + " " + s.openAlarms().stream().map(x -> x.id() + " " + x.designation()).toList());
        }
        case "setState" -> {
          if (!String.valueOf(want).equals(s.setState().name())) f.add(w + "set state: expected " + want + " but was " + s.setState());
        }
        case "queue" -> {
          List<String> got = AccountHandling.queue(s).stream().map(Alarm::id).toList();
          List<String> exp = asList(want).stream().map(o -> o instanceof Number n ? account + "-" + n.intValue() : String.valueOf(o)).toList();
          if (!exp.equals(got)) f.add(w + "queue: expected " + exp + " but was " + got);
        }
        default -> f.add(w + "unknown expectation " + key);
      }
    }
  }

  private static List<Object> asList(Object o) {
    if (o instanceof Collection<?> c) return new ArrayList<>(c);
    return List.of(o);
  }

  private static List<String> names(List<HandlingEffect> effects) {
    return effects.stream().map(x -> x.getClass().getSimpleName()).distinct().toList();
  }
}
