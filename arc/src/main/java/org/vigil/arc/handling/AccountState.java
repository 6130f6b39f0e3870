package org.vigil.arc.handling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine remembers about one account. Immutable; {@link AccountHandling#step} returns
 * the next one. Closed alarms are kept (the last {@value #KEEP_CLOSED}) for the operator's history.
 */
public record AccountState(
    HandlingProfile profile,
    SetState setState,
    Instant setSince,
    long setPeriod,
    List<Alarm> alarms,
    List<Task> tasks,
    List<PathFaultRecord> pathFaults,
    HoldUpWindow holdUpWindow,
    PoliceResponse intruderResponse,
    PoliceResponse holdUpResponse,
    Instant nextScheduleCheck,
    int nextAlarmSeq,
    int nextTaskSeq) implements java.io.Serializable {

  public static final int KEEP_CLOSED = 20;

  public AccountState {
    alarms = List.copyOf(alarms);
    tasks = List.copyOf(tasks);
    pathFaults = List.copyOf(pathFaults);
  }

  /** A fresh account: set state unknown until the first open/close signal. */
  public static AccountState initial(HandlingProfile profile, Instant now) {
    return new AccountState(
        profile,
        SetState.UNKNOWN,
        null,
        0,
        List.of(),
        List.of(),
        List.of(),
        null,
        recorded(PoliceResponse.initial(PoliceResponse.Kind.INTRUDER, profile.intruderUrn(), now), profile, now),
        recorded(PoliceResponse.initial(PoliceResponse.Kind.HOLD_UP, profile.holdUpUrn(), now), profile, now),
        AgreedSchedule.nextSettingAfter(profile, now).orElse(null),
        1,
        1);
  }

  /** A new account whose record says the police have withdrawn response starts withdrawn. */
  private static PoliceResponse recorded(PoliceResponse r, HandlingProfile profile, Instant now) {
    return profile.policeResponseWithdrawn() && r.status() != PoliceResponse.Status.NO_URN
        ? r.withStatus(PoliceResponse.Status.WITHDRAWN, now, null) : r;
  }

  /** The same state with a changed profile (the administrator edited the account). */
  public AccountState withProfile(HandlingProfile p, Instant now) {
    return new AccountState(
        p,
        setState,
        setSince,
        setPeriod,
        alarms,
        tasks,
        pathFaults,
        holdUpWindow,
        sameUrn(intruderResponse, p.intruderUrn(), now),
        sameUrn(holdUpResponse, p.holdUpUrn(), now),
        AgreedSchedule.nextSettingAfter(p, now).orElse(null),
        nextAlarmSeq,
        nextTaskSeq);
  }

  private static PoliceResponse sameUrn(PoliceResponse r, String urn, Instant now) {
    return java.util.Objects.equals(r.urn(), urn) ? r : PoliceResponse.initial(r.kind(), urn, now);
  }

  /**
   * The earliest instant at which a {@link HandlingInput.Tick} can change anything, or empty when no
   * deadline is pending. A driver with many accounts ticks only those whose deadline has come.
   */
  public Optional<Instant> nextDeadline() {
    java.util.stream.Stream<Instant> filters =
        alarms.stream().filter(a -> a.open() && a.filter() == FilterState.RUNNING).map(Alarm::filterUntil);
    java.util.stream.Stream<Instant> others =
        java.util.stream.Stream.of(
            holdUpWindow == null ? null : holdUpWindow.expiresAt(),
            nextScheduleCheck,
            intruderResponse.nextDeadline(profile.zone()),
            holdUpResponse.nextDeadline(profile.zone()));
    return java.util.stream.Stream.concat(filters, others).filter(java.util.Objects::nonNull).min(Instant::compareTo);
  }

  public Optional<Alarm> alarm(String id) {
    return alarms.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public List<Alarm> openAlarms() {
    return alarms.stream().filter(Alarm::open).toList();
  }

  public List<Task> openTasks() {
    return tasks.stream().filter(Task::open).toList();
  }

  public PoliceResponse response(PoliceResponse.Kind kind) {
    return kind == PoliceResponse.Kind.INTRUDER ? intruderResponse : holdUpResponse;
  }
}
