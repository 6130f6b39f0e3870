package org.vigil.arc.handling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Working copy of an {@link Alarm} inside one engine step; never escapes the step. */
final class MutableAlarm {
  String id;
  AlarmType openedAs;
  Designation designation;
  Priority priority;
  Alarm.Status status;
  Instant openedAt;
  Instant firstUnconfirmedAt;
  long setPeriod;
  Confirmation holdUp;
  Confirmation intruder;
  boolean duress;
  boolean sawTamper;
  boolean sawIntruder;
  FilterState filter = FilterState.NONE;
  Instant filterUntil;
  Set<String> holdUpDevices = new LinkedHashSet<>();
  List<String> signalIds = new ArrayList<>();
  int imagesReceived;
  int imagesViewed;
  int listenInSeconds;
  String contraryIndication;
  String takenBy;
  boolean policeDispatched;
  boolean policeResponseAvailable;
  CloseCause closeCause;
  Instant closedAt;
  List<Decision> history = new ArrayList<>();
  boolean holdUpBesidesDuress;
  /** Technical alarm text (what it is about), kept in the history. */
  boolean technical;

  static MutableAlarm of(Alarm a) {
    MutableAlarm m = new MutableAlarm();
    m.id = a.id();
    m.openedAs = a.openedAs();
    m.designation = a.designation();
    m.priority = a.priority();
    m.status = a.status();
    m.openedAt = a.openedAt();
    m.firstUnconfirmedAt = a.firstUnconfirmedAt();
    m.setPeriod = a.setPeriod();
    m.holdUp = a.holdUp();
    m.intruder = a.intruder();
    m.duress = a.duress();
    m.sawTamper = a.sawTamper();
    m.sawIntruder = a.sawIntruder();
    m.filter = a.filter();
    m.filterUntil = a.filterUntil();
    m.holdUpDevices = new LinkedHashSet<>(a.holdUpDevices());
    m.signalIds = new ArrayList<>(a.signalIds());
    m.imagesReceived = a.imagesReceived();
    m.imagesViewed = a.imagesViewed();
    m.listenInSeconds = a.listenInSeconds();
    m.contraryIndication = a.contraryIndication();
    m.takenBy = a.takenBy();
    m.policeDispatched = a.policeDispatched();
    m.policeResponseAvailable = a.policeResponseAvailable();
    m.closeCause = a.closeCause();
    m.closedAt = a.closedAt();
    m.history = new ArrayList<>(a.history());
    m.technical = a.designation().type() == AlarmType.TECHNICAL;
    m.holdUpBesidesDuress = a.holdUpBesidesDuress();
    return m;
  }

  Alarm freeze() {
    return new Alarm(
        id, openedAs, designation, priority, status, openedAt, firstUnconfirmedAt, setPeriod, holdUp, intruder, duress,
        sawTamper, sawIntruder, filter, filterUntil, holdUpDevices, signalIds, imagesReceived, imagesViewed,
        listenInSeconds, contraryIndication, takenBy, policeDispatched, policeResponseAvailable, closeCause, closedAt,
        history, holdUpBesidesDuress);
  }

  boolean duressOnly() {
    return duress && !holdUpBesidesDuress;
  }

  boolean open() {
    return status == Alarm.Status.OPEN;
  }

  /** The designation the parts add up to: hold-up dominates intruder, intruder dominates tamper. */
  Designation computeDesignation() {
    boolean falseAlert = status == Alarm.Status.CANCELLED_FALSE_ALERT;
    if (technical) return new Designation(AlarmType.TECHNICAL, Confirmation.UNCONFIRMED, false, falseAlert);
    if (holdUp != null) return new Designation(AlarmType.HOLD_UP, holdUp, duress, falseAlert);
    if (intruder != null) return new Designation(AlarmType.INTRUDER, intruder, false, falseAlert);
    return new Designation(AlarmType.TAMPER, Confirmation.UNCONFIRMED, false, falseAlert);
  }

  PoliceResponse.Kind policeKind() {
    return holdUp != null ? PoliceResponse.Kind.HOLD_UP : PoliceResponse.Kind.INTRUDER;
  }

  boolean confirmed() {
    return computeDesignation().confirmed();
  }
}
