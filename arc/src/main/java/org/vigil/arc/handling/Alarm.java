package org.vigil.arc.handling;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One alarm (incident) on an account, as the operator sees it. Alarm signals join the open security
 * alarm until it is closed or cancelled, so that fast-format sequences (BS8243 H.7.3) and transmission
 * fault evidence (DD243 4.3) are judged together.
 *
 * @param holdUp confirmation of the hold-up part, null when no hold-up signal joined
 * @param intruder confirmation of the intruder part, null when no intruder (or confirmed) signal joined
 * @param sawTamper a tamper signal joined
 * @param sawIntruder an unconfirmed intruder signal joined (H.7.3 b, d)
 * @param firstUnconfirmedAt receipt of the first alarm signal: the filtering delay is measured from here
 * @param setPeriod the account's set period when the alarm opened (DD243 4.3 "same set period")
 * @param holdUpBesidesDuress a hold-up signal other than duress joined (so the alarm is not "duress only" for the
 *     account's duress route)
 */
public record Alarm(
    String id,
    AlarmType openedAs,
    Designation designation,
    Priority priority,
    Status status,
    Instant openedAt,
    Instant firstUnconfirmedAt,
    long setPeriod,
    Confirmation holdUp,
    Confirmation intruder,
    boolean duress,
    boolean sawTamper,
    boolean sawIntruder,
    FilterState filter,
    Instant filterUntil,
    Set<String> holdUpDevices,
    List<String> signalIds,
    int imagesReceived,
    int imagesViewed,
    int listenInSeconds,
    String contraryIndication,
    String takenBy,
    boolean policeDispatched,
    boolean policeResponseAvailable,
    CloseCause closeCause,
    Instant closedAt,
    List<Decision> history,
    boolean holdUpBesidesDuress) implements java.io.Serializable {

  public enum Status {
    OPEN,
    CANCELLED_FALSE_ALERT,
    CLOSED
  }

  public Alarm {
    holdUpDevices = Set.copyOf(holdUpDevices);
    signalIds = List.copyOf(signalIds);
    history = List.copyOf(history);
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  /** Only duress signals made this a hold-up alarm: the account's duress route decides police or not. */
  public boolean duressOnly() {
    return duress && !holdUpBesidesDuress;
  }

  public boolean security() {
    return designation.type() != AlarmType.TECHNICAL;
  }

  /** Whether the police would be asked about this alarm's hold-up URN (else intruder). */
  public PoliceResponse.Kind policeKind() {
    return holdUp != null ? PoliceResponse.Kind.HOLD_UP : PoliceResponse.Kind.INTRUDER;
  }
}
