package org.vigil.arc.handling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Police response for one URN (intruder and hold-up have separate URNs), with the false alarms the
 * police counted in a rolling 12 months. Thresholds and reinstatement follow the NPCC security systems
 * policy as summarised in research/standards.md 6.3-6.4: intruder warning after 2, withdrawn after 3;
 * hold-up warning after 1, withdrawn after 2; withdrawal takes effect 14 days after the notice.
 *
 * @param kind intruder or hold-up
 * @param urn the URN, or null when the account has none for this kind
 * @param status current level
 * @param falseAlarms false alarms counted since {@code countFrom} (older ones drop out of the window)
 * @param statusSince when the status last changed
 * @param withdrawalEffectiveAt for {@link Status#WITHDRAWAL_PENDING}: when withdrawal takes effect
 * @param countFrom false alarms before this instant no longer count (set on reinstatement)
 * @param confirmationRequired hold-up: after reinstatement only confirmed hold-up alarms are passed
 */
public record PoliceResponse(
    Kind kind,
    String urn,
    Status status,
    List<Instant> falseAlarms,
    Instant statusSince,
    Instant withdrawalEffectiveAt,
    Instant countFrom,
    boolean confirmationRequired) implements java.io.Serializable {

  public enum Kind {
    INTRUDER,
    HOLD_UP
  }

  public enum Status {
    /** Immediate response. */
    LEVEL_1,
    /** Advisory letter sent: one more false alarm withdraws response. */
    WARNED,
    /** Withdrawal notified; police still respond until it takes effect. */
    WITHDRAWAL_PENDING,
    /** Level 3: keyholder response only, alarms are not passed to police. */
    WITHDRAWN,
    /** Hold-up URN deleted after 6 months withdrawn without reinstatement. */
    URN_DELETED,
    NO_URN
  }

  public static final String RULE = "NPCC policy (standards.md 6.3)";
  public static final String RULE_REINSTATE = "NPCC policy (standards.md 6.4)";
  public static final Duration WITHDRAWAL_NOTICE = Duration.ofDays(14);

  public PoliceResponse {
    falseAlarms = List.copyOf(falseAlarms);
  }

  public static PoliceResponse initial(Kind kind, String urn, Instant now) {
    return new PoliceResponse(
        kind, urn, urn == null || urn.isBlank() ? Status.NO_URN : Status.LEVEL_1, List.of(), now, null, now, false);
  }

  public int warningThreshold() {
    return kind == Kind.INTRUDER ? 2 : 1;
  }

  public int withdrawalThreshold() {
    return kind == Kind.INTRUDER ? 3 : 2;
  }

  /** Whether alarms of this kind may be passed to police now. */
  public boolean available() {
    return status == Status.LEVEL_1 || status == Status.WARNED || status == Status.WITHDRAWAL_PENDING;
  }

  /** False alarms in the rolling 12 months ending at {@code now}. */
  public int falseAlarmsInLast12Months(Instant now, ZoneId zone) {
    Instant from = now.atZone(zone).minusMonths(12).toInstant();
    return (int) falseAlarms.stream().filter(t -> t.isAfter(from) && !t.isAfter(now)).count();
  }

  /** Latest counted false alarm, or {@code countFrom} when there is none. */
  public Instant lastFalseAlarmOrStart() {
    return falseAlarms.isEmpty() ? countFrom : falseAlarms.get(falseAlarms.size() - 1);
  }

  PoliceResponse withStatus(Status s, Instant at, Instant effectiveAt) {
    return new PoliceResponse(kind, urn, s, falseAlarms, at, effectiveAt, countFrom, confirmationRequired);
  }

  /** Records a false alarm and moves the status; the caller logs the change. */
  PoliceResponse recordFalseAlarm(Instant at, ZoneId zone) {
    List<Instant> list = new ArrayList<>(falseAlarms);
    list.add(at);
    PoliceResponse next =
        new PoliceResponse(kind, urn, status, list, statusSince, withdrawalEffectiveAt, countFrom, confirmationRequired);
    int n = next.falseAlarmsInLast12Months(at, zone);
    if (status == Status.NO_URN || status == Status.WITHDRAWN || status == Status.URN_DELETED) return next;
    if (n >= withdrawalThreshold() && status != Status.WITHDRAWAL_PENDING) {
      return next.withStatus(Status.WITHDRAWAL_PENDING, at, at.plus(WITHDRAWAL_NOTICE));
    }
    if (n >= warningThreshold() && status == Status.LEVEL_1) {
      return next.withStatus(Status.WARNED, at, null);
    }
    return next;
  }

  /** Time-driven changes: withdrawal takes effect, warnings lapse, hold-up URNs are deleted. */
  PoliceResponse tick(Instant now, ZoneId zone) {
    if (status == Status.WITHDRAWAL_PENDING && !now.isBefore(withdrawalEffectiveAt)) {
      return withStatus(Status.WITHDRAWN, withdrawalEffectiveAt, null);
    }
    if (status == Status.WARNED && falseAlarmsInLast12Months(now, zone) < warningThreshold()) {
      return withStatus(Status.LEVEL_1, now, null);
    }
    if (status == Status.WITHDRAWN
        && kind == Kind.HOLD_UP
        && !now.isBefore(statusSince.atZone(zone).plusMonths(6).toInstant())) {
      return withStatus(Status.URN_DELETED, now, null);
    }
    return this;
  }

  /**
   * The earliest instant at which {@link #tick} may change this record (never later than the real one;
   * a little early is harmless), or null when nothing is pending.
   */
  public Instant nextDeadline(ZoneId zone) {
    return switch (status) {
      case WITHDRAWAL_PENDING -> withdrawalEffectiveAt;
      case WARNED -> falseAlarms.size() >= warningThreshold()
          // The warning lapses when the threshold-th most recent false alarm leaves the 12 months.
          ? falseAlarms.get(falseAlarms.size() - warningThreshold()).atZone(zone).plusMonths(12).minusDays(1).toInstant()
          : statusSince;
      case WITHDRAWN -> kind == Kind.HOLD_UP ? statusSince.atZone(zone).plusMonths(6).toInstant() : null;
      default -> null;
    };
  }

  PoliceResponse reinstated(Instant at, boolean requireConfirmation) {
    return new PoliceResponse(kind, urn, Status.LEVEL_1, List.of(), at, null, at, requireConfirmation);
  }
}
