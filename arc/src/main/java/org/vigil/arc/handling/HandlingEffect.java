package org.vigil.arc.handling;

import java.time.Instant;

/** What a step decided. Every effect names the rule that made it, so every decision is explainable. */
public sealed interface HandlingEffect {

  /** Rule reference, e.g. "BS8243 7.5.3" or "DD243 4.3(b)". Never blank. */
  String rule();

  record AlarmOpened(String alarmId, Designation designation, Priority priority, Instant at, String rule)
      implements HandlingEffect {}

  record DesignationChanged(String alarmId, Designation from, Designation to, String reason, String rule)
      implements HandlingEffect {}

  record FilterStarted(String alarmId, Instant until, String rule) implements HandlingEffect {}

  /** The four conditions of BS8243 7.5.3 held: no delay (or the running delay stops). */
  record FilterNotApplied(String alarmId, String reason, String rule) implements HandlingEffect {}

  record FilterCancelled(String alarmId, String reason, String rule) implements HandlingEffect {}

  record FilterExpired(String alarmId, Instant at, String rule) implements HandlingEffect {}

  record AlarmCancelledAsFalseAlert(String alarmId, String signalId, String reason, String rule)
      implements HandlingEffect {}

  record TaskCreated(Task task, String rule) implements HandlingEffect {}

  record TaskClosed(String taskId, Task.Status status, String reason, String rule) implements HandlingEffect {}

  record PriorityChanged(String alarmId, Priority from, Priority to, String rule) implements HandlingEffect {}

  /** Police response for an alarm (alarmId set) or a URN change (alarmId null). */
  record PoliceResponseStatus(
      String alarmId, PoliceResponse.Kind kind, String urn, PoliceResponse.Status status, boolean available,
      int falseAlarmsIn12Months, String rule)
      implements HandlingEffect {}

  record PoliceDispatched(String alarmId, String urn, Designation designation, String rule)
      implements HandlingEffect {}

  record KeyholderContacted(String alarmId, String keyholder, boolean reached, String rule)
      implements HandlingEffect {}

  record AlarmClosed(String alarmId, CloseCause cause, String operator, String rule) implements HandlingEffect {}

  enum SetUnsetAlertKind {
    LATE_TO_SET,
    EARLY_UNSET
  }

  record SetUnsetAlert(SetUnsetAlertKind kind, Instant at, String detail, String rule) implements HandlingEffect {}

  record DecisionLogged(Decision decision) implements HandlingEffect {
    @Override
    public String rule() {
      return decision.rule();
    }
  }

  /** An operator action that the rules do not allow, with the reason. Nothing else changes. */
  record ActionRefused(HandlingInput.OperatorAction action, String reason, String rule) implements HandlingEffect {}
}
