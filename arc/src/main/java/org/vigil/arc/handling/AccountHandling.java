package org.vigil.arc.handling;

import static org.vigil.arc.handling.HandlingEffect.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.arc.handling.HandlingInput.*;
import org.vigil.protocol.event.EventCategory;

/**
 * The pure per-account alarm-handling engine (BS8243 Section 3, DD243 4.3 and 6.2):
 * {@code step(state, input, now) -> (state, effects)}. It never reads a clock; deadlines (filtering
 * delay, hold-up confirmation time, agreed setting times, police withdrawal) live in the state and fire
 * on any input whose {@code now} has reached them, typically a {@link Tick}.
 *
 * <p>Signals are judged at their receipt time: deadlines due before a signal's {@code receivedAt} fire
 * first, the signal is applied, then deadlines up to {@code now} fire.
 */
public final class AccountHandling {

  /** BS8243 7.5.3: the intentional delay for sequentially confirmed intruder alarms. */
  public static final Duration FILTER_DELAY = Duration.ofSeconds(120);

  /** BS8243 7.1.1: minimum listen-in before an audible designation. */
  public static final int MIN_LISTEN_IN_SECONDS = 30;

  private AccountHandling() {}

  public static StepResult step(AccountState state, HandlingInput input, Instant now) {
    // A profile change applies from now; what it changes (police record, duress route) is decided in the step.
    Work w = new Work(input instanceof ProfileChanged pc ? state.withProfile(pc.profile(), now) : state);
    Instant at = now;
    if (input instanceof SignalReceived sr && sr.signal().receivedAt().isBefore(now)) {
      at = sr.signal().receivedAt();
    }
    w.fireDeadlines(at);
    switch (input) {
      case SignalReceived sr -> w.signal(sr.signal(), at);
      case PathFault pf -> w.pathFault(pf.pathId(), pf.technology(), at, "ARC path supervision");
      case PathRestored pr -> w.pathRestored(pr.pathId(), at, "ARC path supervision");
      case Tick t -> {}
      case ImagesReceived ir -> w.imagesReceived(ir, at);
      case ProfileChanged pc -> w.profileChanged(state.profile(), at);
      case OperatorAction a -> w.operator(a, at);
    }
    w.fireDeadlines(now);
    return w.result();
  }

  /** Working copy of the state for one step; never escapes {@link #step}. */
  private static final class Work {
    final HandlingProfile profile;
    SetState setState;
    Instant setSince;
    long setPeriod;
    final List<MutableAlarm> alarms = new ArrayList<>();
    final List<Task> tasks;
    final List<PathFaultRecord> pathFaults;
    HoldUpWindow window;
    PoliceResponse intruderResponse;
    PoliceResponse holdUpResponse;
    Instant nextScheduleCheck;
    int nextAlarmSeq;
    int nextTaskSeq;
    final List<HandlingEffect> effects = new ArrayList<>();
    /** Set while a profile change is applied: alarms are re-decided once at its end. */
    boolean profileChange;

    Work(AccountState s) {
      profile = s.profile();
      setState = s.setState();
      setSince = s.setSince();
      setPeriod = s.setPeriod();
      for (Alarm a : s.alarms()) alarms.add(MutableAlarm.of(a));
      tasks = new ArrayList<>(s.tasks());
      pathFaults = new ArrayList<>(s.pathFaults());
      window = s.holdUpWindow();
      intruderResponse = s.intruderResponse();
      holdUpResponse = s.holdUpResponse();
      nextScheduleCheck = s.nextScheduleCheck();
      nextAlarmSeq = s.nextAlarmSeq();
      nextTaskSeq = s.nextTaskSeq();
    }

    StepResult result() {
      List<MutableAlarm> closed = alarms.stream().filter(a -> !a.open()).toList();
      Set<String> dropped = new LinkedHashSet<>();
      for (int i = 0; i < closed.size() - AccountState.KEEP_CLOSED; i++) dropped.add(closed.get(i).id);
      List<Alarm> kept = alarms.stream().filter(a -> !dropped.contains(a.id)).map(MutableAlarm::freeze).toList();
      List<Task> keptTasks = tasks.stream().filter(t -> t.open() || !dropped.contains(t.alarmId())).toList();
      AccountState next =
          new AccountState(
              profile, setState, setSince, setPeriod, kept, keptTasks, pathFaults, window, intruderResponse,
              holdUpResponse, nextScheduleCheck, nextAlarmSeq, nextTaskSeq);
      return new StepResult(next, effects);
    }

    // ---------------------------------------------------------------- deadlines

    void fireDeadlines(Instant t) {
      for (MutableAlarm a : alarms) {
        if (a.open() && a.filter == FilterState.RUNNING && !a.filterUntil.isAfter(t)) {
          a.filter = FilterState.EXPIRED;
          effects.add(new FilterExpired(a.id, a.filterUntil, Rules.FILTER));
          decide(a, a.filterUntil, Rules.FILTER, "filtering delay of 120 s from the first alarm ended: alarm presented");
          present(a, a.filterUntil);
        }
      }
      if (window != null && !window.expiresAt().isAfter(t)) {
        MutableAlarm a = find(window.alarmId()).filter(MutableAlarm::open).orElse(null);
        decide(
            a,
            window.expiresAt(),
            Rules.HOLD_UP_REINSTATEMENT,
            "hold-up confirmation time started " + window.startedAt() + " ended (devices " + window.devices()
                + "); the next hold-up signal starts a new one");
        window = null;
      }
      int guard = 0;
      while (nextScheduleCheck != null && !nextScheduleCheck.isAfter(t) && guard++ < 64) {
        Instant due = nextScheduleCheck;
        if (profile.setUnsetMonitoring() && setState != SetState.SET) {
          String detail = "not set by the agreed latest setting time " + due + " (state " + setState + ")";
          effects.add(new SetUnsetAlert(SetUnsetAlertKind.LATE_TO_SET, due, detail, Rules.SET_UNSET));
          technical(due, Rules.SET_UNSET, "late to set: " + detail, null);
        }
        nextScheduleCheck = AgreedSchedule.nextSettingAfter(profile, due).orElse(null);
      }
      // A long gap may cover several changes (withdrawal taking effect, then URN deletion).
      for (int i = 0; i < 3; i++) {
        PoliceResponse i2 = intruderResponse.tick(t, profile.zone());
        PoliceResponse h2 = holdUpResponse.tick(t, profile.zone());
        if (i2.equals(intruderResponse) && h2.equals(holdUpResponse)) break;
        if (!i2.equals(intruderResponse)) responseChanged(i2, t, "time-driven change");
        if (!h2.equals(holdUpResponse)) responseChanged(h2, t, "time-driven change");
      }
    }

    // ---------------------------------------------------------------- signals

    void signal(StoredSignal sig, Instant at) {
      EventCategory cat = sig.category();
      if (isPathRestore(sig)) {
        pathRestored(failedPathOf(sig), at, sig.codeText());
        return;
      }
      switch (cat) {
        case HOLD_UP, DURESS, CONFIRMED_HOLD_UP -> holdUp(sig, at);
        case INTRUDER -> intruder(sig, at);
        case TAMPER -> tamper(sig, at);
        case CONFIRMED_INTRUDER -> confirmedSignal(sig, at);
        case ATS_FAULT -> pathFault(failedPathOf(sig), technologyOf(sig), at, sig.codeText() + " " + sig.signalId());
        case OPEN -> unset(sig, at);
        case CLOSE -> set(sig, at);
        case CANCEL -> cancelDuringFilter(sig, at, Rules.FILTER_MIS_OPERATION, "mis-operation signal " + sig.codeText());
        case BYPASS -> bypass(sig, at);
        case UNVERIFIED_INTRUDER -> {
          MutableAlarm a = currentSecurity();
          if (a != null) a.signalIds.add(sig.signalId());
          decide(a, at, Rules.FAST_FORMAT, sig.codeText() + ": burglary not verified by a second detector; no change");
        }
        case TEST, INFORMATION ->
            decide(null, at, Rules.SIGNAL_LOG, sig.codeText() + " (" + cat + ") logged, no alarm");
        case FAULT, FIRE, MEDICAL, USER_CODE_TAMPER, SETTING_ERROR, UNKNOWN -> {
          MutableAlarm a = technical(at, Rules.SIGNAL_LOG, sig.codeText() + " (" + cat + ") needs attention", sig);
          a.imagesReceived += sig.images();
        }
      }
    }

    private static boolean isPathRestore(StoredSignal s) {
      if (s.contactId() >= 350 && s.contactId() <= 357 && s.qualifier() == 3) return true;
      return s.contactId() < 0 && s.siaCode() != null && Set.of("YK", "LR", "NR").contains(s.siaCode());
    }

    /** Which path a panel-reported ATS fault is about: the device field names it, else the code does. */
    private String failedPathOf(StoredSignal s) {
      if (s.deviceId() != null && !s.deviceId().isBlank()) return s.deviceId();
      return switch (s.contactId()) {
        case 351 -> "telco-1";
        case 352 -> "telco-2";
        case 353, 355, 357 -> "radio";
        default -> s.siaCode() != null && s.contactId() < 0 ? "sia-" + s.siaCode() : "cid-" + s.contactId();
      };
    }

    private Technology technologyOf(StoredSignal s) {
      String path = failedPathOf(s);
      Optional<HandlingProfile.TransmissionPath> p = profile.path(path);
      if (p.isPresent()) return p.get().technology();
      if (s.contactId() == 351 || s.contactId() == 352 || "LT".equals(s.siaCode())) return Technology.PSTN;
      if (s.contactId() == 353 || s.contactId() == 355 || s.contactId() == 357) return Technology.RADIO;
      if ("NT".equals(s.siaCode())) return Technology.IP;
      return null;
    }

    void holdUp(StoredSignal sig, Instant at) {
      EventCategory cat = sig.category();
      String dev = sig.deviceKey();
      MutableAlarm a = currentSecurity();
      boolean fresh = a == null;
      if (fresh) a = newSecurity(at, AlarmType.HOLD_UP);
      a.signalIds.add(sig.signalId());
      a.imagesReceived += sig.images();
      if (a.filter == FilterState.RUNNING) {
        a.filter = FilterState.CANCELLED;
        effects.add(new FilterCancelled(a.id, "hold-up signal joined the alarm", Rules.NO_FILTER_HOLD_UP));
        decide(a, at, Rules.NO_FILTER_HOLD_UP, "hold-up signal joined: the filtering delay does not apply to hold-up");
      }
      boolean hadHoldUp = a.holdUp != null;
      a.duress |= cat == EventCategory.DURESS;
      if (cat != EventCategory.DURESS) a.holdUpBesidesDuress = true;
      Confirmation c = hadHoldUp ? a.holdUp : Confirmation.UNCONFIRMED;
      String rule = Rules.HOLD_UP_SEQUENTIAL;
      String why;
      if (cat == EventCategory.CONFIRMED_HOLD_UP) {
        why = sig.codeText() + ": confirmed hold-up by signal processing at the CIE";
        if (!c.confirmed()) c = Confirmation.SEQUENTIAL;
        // A CIE-confirmed hold-up consumes the running confirmation time.
      } else if (window != null) {
        boolean otherDevice = !window.devices().contains(dev);
        boolean multiAction = sig.deviceId() != null && profile.multiActionDevices().contains(sig.deviceId());
        if (otherDevice) {
          why = "second hold-up signal from a different device (" + dev + ", first " + window.devices()
              + ") within the hold-up confirmation time started " + window.startedAt();
          if (!c.confirmed()) c = Confirmation.SEQUENTIAL;
        } else if (multiAction) {
          why = "second signal from multi-action hold-up device " + dev + " within the hold-up confirmation time";
          if (!c.confirmed()) c = Confirmation.SEQUENTIAL;
        } else {
          why = "repeat signal from the same single-action device " + dev + " does not confirm";
        }
        Set<String> devs = new LinkedHashSet<>(window.devices());
        devs.add(dev);
        window = new HoldUpWindow(window.startedAt(), window.expiresAt(), devs, a.id);
      } else {
        window = new HoldUpWindow(at, at.plus(profile.holdUpConfirmationTime()), Set.of(dev), a.id);
        rule = Rules.HOLD_UP_CONFIRMATION_TIME;
        why = "first hold-up signal (" + dev + "): unconfirmed hold-up; hold-up confirmation time of "
            + profile.holdUpConfirmationTime().toHours() + " h runs until " + window.expiresAt();
      }
      a.holdUp = c;
      a.holdUpDevices.add(dev);
      if (cat == EventCategory.DURESS) {
        boolean zone992 = sig.contactId() != 121 && sig.contactId() != 124 && sig.contactId() != 125
            && DuressSignals.isDuressZone(EventCategory.HOLD_UP, sig.zoneOrUser());
        decide(a, at, zone992 ? Rules.DURESS + "; " + DuressSignals.RULE_ZONE_992 : Rules.DURESS, "duress signal " + sig.codeText()
            + (zone992 ? " on the duress zone 992" : " from user " + sig.zoneOrUser()) + ": top priority");
      }
      if (fresh) {
        opened(a, at, rule, why);
      } else {
        decide(a, at, rule, why);
        refresh(a, at, rule, why);
        updatePolice(a, at, false);
      }
      if (cat == EventCategory.DURESS && profile.duressRoute() == DuressRoute.ARC_AND_KEYHOLDERS) {
        decide(a, at, Rules.DURESS_ROUTE, "duress route of the account is ARC and keyholders: police are not offered for"
            + " duress" + (a.duressOnly() ? "" : " (a hold-up signal besides duress joined: hold-up police response applies)"));
        ensureKeyholder(a, at, Rules.DURESS_ROUTE, "duress: the keyholders are informed (account duress route)");
      }
      afterHoldUpChange(a, at);
    }

    /** Call-back while unconfirmed; once confirmed, call-back is not needed and keyholders follow. */
    private void afterHoldUpChange(MutableAlarm a, Instant at) {
      if (a.holdUp != null && a.holdUp.confirmed()) {
        closeTasks(a, Task.Kind.CALL_BACK, Task.Status.NOT_NEEDED, "hold-up alarm confirmed (" + a.holdUp + ")",
            Rules.CALL_BACK_NOT_NEEDED);
        present(a, at);
      } else {
        ensureCallBack(a, at, Rules.CALL_BACK, "unconfirmed hold-up without sequential confirmation");
      }
    }

    void intruder(StoredSignal sig, Instant at) {
      MutableAlarm a = currentSecurity();
      boolean fresh = a == null;
      if (fresh) a = newSecurity(at, AlarmType.INTRUDER);
      a.signalIds.add(sig.signalId());
      a.imagesReceived += sig.images();
      a.sawIntruder = true;
      if (a.intruder == null) a.intruder = Confirmation.UNCONFIRMED;
      alarmSignalJoins(a, sig, at, fresh, "intruder alarm " + sig.codeText() + " zone " + sig.zoneOrUser());
    }

    void tamper(StoredSignal sig, Instant at) {
      MutableAlarm a = currentSecurity();
      boolean fresh = a == null;
      if (fresh) a = newSecurity(at, AlarmType.TAMPER);
      a.signalIds.add(sig.signalId());
      a.sawTamper = true;
      alarmSignalJoins(a, sig, at, fresh, "tamper " + sig.codeText() + " zone " + sig.zoneOrUser());
    }

    /** Common part of an unconfirmed intruder or tamper signal. */
    private void alarmSignalJoins(MutableAlarm a, StoredSignal sig, Instant at, boolean fresh, String what) {
      boolean wasConfirmed = a.intruder != null && a.intruder.confirmed();
      String rule = a.intruder == null ? Rules.TAMPER_ONLY : Rules.FILTER;
      String why = what + (a.intruder == null ? ": notified as tamper only" : ": unconfirmed");
      List<PathFaultRecord> evidence = transmissionEvidence();
      if (!wasConfirmed && !evidence.isEmpty() && a.setPeriod == setPeriod) {
        a.intruder = Confirmation.TRANSMISSION_FAULT;
        rule = Rules.TRANSMISSION_FAULT_A;
        PathFaultRecord f = evidence.get(0);
        why = "transmission fault (path " + f.pathId() + " at " + f.at() + ") and " + what + " in the same set period";
      }
      if (fresh) {
        opened(a, at, rule, why);
        openFilter(a, at);
        return;
      }
      if (a.holdUp != null) {
        decide(a, at, Rules.FAST_FORMAT, what + " joins the hold-up alarm (a confirmed signal next designates confirmed hold-up, H.7.3 d/e)");
      } else {
        decide(a, at, rule, why);
      }
      refresh(a, at, rule, why);
      if (!wasConfirmed && a.intruder != null && a.intruder.confirmed()) intruderConfirmed(a, at);
    }

    /** A confirmed-alarm signal (CID 139, SIA BV/BM): designated by what preceded it (BS8243 H.7.3). */
    void confirmedSignal(StoredSignal sig, Instant at) {
      MutableAlarm a = currentSecurity();
      boolean fresh = a == null;
      if (fresh) a = newSecurity(at, AlarmType.INTRUDER);
      a.signalIds.add(sig.signalId());
      a.imagesReceived += sig.images();
      if (a.holdUp != null) {
        String rule = Rules.fastFormat(a.sawIntruder ? 'd' : a.sawTamper ? 'e' : 'a');
        String why = sig.codeText() + " after " + (a.sawIntruder ? "hold-up and intruder" : a.sawTamper ? "hold-up and tamper" : "hold-up")
            + ": confirmed hold-up";
        decide(a, at, rule, why);
        if (!a.holdUp.confirmed()) {
          a.holdUp = Confirmation.SEQUENTIAL;
          refresh(a, at, rule, why);
          afterHoldUpChange(a, at);
        }
        return;
      }
      boolean wasConfirmed = a.intruder != null && a.intruder.confirmed();
      String rule = a.sawIntruder ? Rules.fastFormat('b') : a.sawTamper ? Rules.fastFormat('c') : Rules.FAST_FORMAT;
      String why = sig.codeText() + (a.sawIntruder ? " after an intruder alarm" : a.sawTamper ? " after a tamper alarm" : " with no earlier signal")
          + ": confirmed intruder";
      if (!wasConfirmed) a.intruder = Confirmation.SEQUENTIAL;
      if (fresh) {
        opened(a, at, rule, why);
        openFilter(a, at);
        return;
      }
      decide(a, at, rule, why);
      refresh(a, at, rule, why);
      if (!wasConfirmed) intruderConfirmed(a, at);
    }

    void set(StoredSignal sig, Instant at) {
      setState = SetState.SET;
      setSince = at;
      setPeriod++;
      pathFaults.clear();
      decide(null, at, Rules.SET_UNSET, "set (" + sig.codeText() + ", user " + sig.zoneOrUser() + "): set period " + setPeriod + " begins");
    }

    void unset(StoredSignal sig, Instant at) {
      if (profile.setUnsetMonitoring()) {
        Optional<AgreedSchedule.ClosedPeriod> closed = AgreedSchedule.closedPeriodAt(profile, at);
        if (closed.isPresent()) {
          String detail = "unset at " + at + " before the agreed earliest unsetting time "
              + (closed.get().unset() == null ? "(none agreed)" : closed.get().unset().toString());
          effects.add(new SetUnsetAlert(SetUnsetAlertKind.EARLY_UNSET, at, detail, Rules.SET_UNSET));
          technical(at, Rules.SET_UNSET, "early unset: " + detail, sig);
        }
      }
      cancelDuringFilter(sig, at, Rules.FILTER_UNSET, "unset signal " + sig.codeText());
      setState = SetState.UNSET;
      setSince = at;
      setPeriod++;
      pathFaults.clear();
      decide(null, at, Rules.SET_UNSET, "unset (" + sig.codeText() + ", user " + sig.zoneOrUser() + "): set period ended");
    }

    /** BS8243 7.5.3 (a)/(b): mis-operation or unset during the filtering delay cancels as a false alert. */
    void cancelDuringFilter(StoredSignal sig, Instant at, String rule, String what) {
      boolean any = false;
      for (MutableAlarm a : alarms) {
        if (!a.open() || a.technical) continue;
        any = true;
        if (a.holdUp != null) {
          decide(a, at, Rules.NO_FILTER_HOLD_UP, what + " does not cancel a hold-up alarm");
          continue;
        }
        if (a.filter == FilterState.RUNNING && at.isBefore(a.filterUntil)) {
          if (a.contraryIndication != null) {
            decide(a, at, rule, what + " during the filtering delay, but a contrary indication is recorded ("
                + a.contraryIndication + "): alarm stands");
            continue;
          }
          a.signalIds.add(sig.signalId());
          Designation before = a.designation;
          a.status = Alarm.Status.CANCELLED_FALSE_ALERT;
          a.closeCause = CloseCause.FALSE_ALERT;
          a.closedAt = at;
          a.filter = FilterState.CANCELLED;
          a.designation = a.computeDesignation();
          String why = what + " " + Duration.between(a.firstUnconfirmedAt, at).toMillis() / 1000.0
              + " s after the first alarm, within the 120 s filtering delay: false alert";
          effects.add(new DesignationChanged(a.id, before, a.designation, why, rule));
          decide(a, at, rule, why);
          effects.add(new AlarmCancelledAsFalseAlert(a.id, sig.signalId(), why, rule));
          Priority p = Priority.of(a.designation);
          if (p != a.priority) {
            effects.add(new PriorityChanged(a.id, a.priority, p, rule));
            a.priority = p;
          }
          closeTasks(a, null, Task.Status.NOT_NEEDED, "alarm cancelled as false alert", rule);
        } else {
          String state = a.filter == FilterState.EXPIRED ? "after the filtering delay ended at " + a.filterUntil
              : "with no filtering delay running (" + a.filter + ")";
          decide(a, at, Rules.FILTER, what + " " + state + " does not cancel the alarm");
        }
      }
      if (!any) decide(null, at, rule, what + ": no alarm open");
    }

    void bypass(StoredSignal sig, Instant at) {
      boolean holdUpInhibit = "HB".equals(sig.siaCode())
          || (sig.zoneOrUser() != null && profile.holdUpZones().contains(sig.zoneOrUser()))
          || (sig.deviceId() != null && profile.holdUpZones().contains(sig.deviceId()));
      if (!holdUpInhibit) {
        decide(null, at, Rules.SIGNAL_LOG, sig.codeText() + " zone " + sig.zoneOrUser() + " inhibited/bypassed, logged");
        return;
      }
      MutableAlarm a = technical(at, Rules.HOLD_UP_REINSTATEMENT,
          "hold-up device(s) inhibited at reinstatement (" + sig.codeText() + " " + sig.deviceKey() + ")", sig);
      createTask(Task.Kind.INFORM_KEYHOLDER, a, at, Rules.HOLD_UP_REINSTATEMENT,
          "inform a keyholder that hold-up device(s) are inhibited", keyholderLines());
    }

    // ---------------------------------------------------------------- transmission faults

    /** DD243 4.3 evidence: faults in the current set period; unrestored faults when the set state is unknown. */
    private List<PathFaultRecord> transmissionEvidence() {
      return switch (setState) {
        case SET -> List.copyOf(pathFaults);
        case UNKNOWN -> pathFaults.stream().filter(f -> !f.restored()).toList();
        case UNSET -> List.of();
      };
    }

    void pathFault(String pathId, Technology tech, Instant at, String source) {
      if (tech == null) tech = profile.path(pathId).map(HandlingProfile.TransmissionPath::technology).orElse(null);
      if (setState == SetState.UNSET) {
        technical(at, Rules.TRANSMISSION_FAULT, "path " + pathId + " fault (" + source
            + ") while unset: not in a set period, not confirmation evidence", null);
        return;
      }
      List<PathFaultRecord> before = transmissionEvidence();
      pathFaults.add(new PathFaultRecord(pathId, tech, at, false, source));
      MutableAlarm sec = currentSecurity();
      if (sec != null && sec.setPeriod == setPeriod && sec.holdUp == null
          && (sec.intruder != null || sec.sawTamper) && (sec.intruder == null || !sec.intruder.confirmed())) {
        String why = "path " + pathId + " fault after the alarm in the same set period: confirmed alarm";
        sec.intruder = Confirmation.TRANSMISSION_FAULT;
        decide(sec, at, Rules.TRANSMISSION_FAULT_A, why);
        refresh(sec, at, Rules.TRANSMISSION_FAULT_A, why);
        intruderConfirmed(sec, at);
        return;
      }
      final Technology t = tech;
      Optional<PathFaultRecord> other = before.stream()
          .filter(f -> !f.pathId().equals(pathId) && f.technology() != null && t != null && f.technology() != t)
          .findFirst();
      if (other.isPresent()) {
        String why = "faults on two paths of different technologies (" + other.get().pathId() + " " + other.get().technology()
            + ", " + pathId + " " + t + "): confirmed alarm";
        if (sec != null) {
          decide(sec, at, Rules.TRANSMISSION_FAULT_B, why);
          if (sec.intruder == null || !sec.intruder.confirmed()) {
            sec.intruder = Confirmation.TRANSMISSION_FAULT;
            refresh(sec, at, Rules.TRANSMISSION_FAULT_B, why);
            if (sec.holdUp == null) intruderConfirmed(sec, at);
          }
          return;
        }
        MutableAlarm a = newSecurity(at, AlarmType.INTRUDER);
        a.intruder = Confirmation.TRANSMISSION_FAULT;
        opened(a, at, Rules.TRANSMISSION_FAULT_B, why);
        openFilter(a, at);
        return;
      }
      String why = "path " + pathId + " (" + (t == null ? "technology unknown" : t) + ") fault (" + source
          + "): a single path fault alone is not a confirmed alarm";
      if (sec != null && sec.holdUp != null) why += "; DD243 covers intruder alarms, the hold-up alarm is unchanged";
      technical(at, Rules.TRANSMISSION_FAULT, why, null);
    }

    void pathRestored(String pathId, Instant at, String source) {
      for (int i = 0; i < pathFaults.size(); i++) {
        if (pathFaults.get(i).pathId().equals(pathId) && !pathFaults.get(i).restored()) {
          pathFaults.set(i, pathFaults.get(i).restore());
        }
      }
      decide(null, at, Rules.TRANSMISSION_FAULT, "path " + pathId + " restored (" + source + ")");
    }

    // ---------------------------------------------------------------- filtering

    /** Opens the filtering delay for a new intruder or tamper alarm, or records why it does not apply. */
    private void openFilter(MutableAlarm a, Instant at) {
      if (a.holdUp != null) return;
      if (a.intruder != null && a.intruder.confirmed()) {
        List<String> failed = overrideFailures(at);
        if (failed.isEmpty()) {
          a.filter = FilterState.NOT_APPLIED;
          effects.add(new FilterNotApplied(a.id, overrideText(), Rules.FILTER_OVERRIDE));
          decide(a, at, Rules.FILTER_OVERRIDE, "filtering delay not applied: " + overrideText());
          present(a, at);
          return;
        }
      }
      a.filter = FilterState.RUNNING;
      a.filterUntil = a.firstUnconfirmedAt.plus(FILTER_DELAY);
      effects.add(new FilterStarted(a.id, a.filterUntil, Rules.FILTER));
      decide(a, at, Rules.FILTER, "filtering delay of 120 s from the first alarm (" + a.firstUnconfirmedAt
          + ") runs until " + a.filterUntil);
    }

    /** The intruder part has just become confirmed. */
    private void intruderConfirmed(MutableAlarm a, Instant at) {
      if (a.holdUp != null) return;
      if (a.filter == FilterState.RUNNING) {
        List<String> failed = overrideFailures(at);
        if (failed.isEmpty()) {
          a.filter = FilterState.CANCELLED;
          effects.add(new FilterNotApplied(a.id, overrideText(), Rules.FILTER_OVERRIDE));
          decide(a, at, Rules.FILTER_OVERRIDE, "filtering delay stopped at confirmation: " + overrideText());
          present(a, at);
        } else {
          decide(a, at, Rules.FILTER_CONTINUES, "confirmed during the filtering delay: the delay keeps running until "
              + a.filterUntil + " (override not met: " + String.join("; ", failed) + ")");
        }
        return;
      }
      present(a, at);
    }

    private static String overrideText() {
      return "set/unset monitoring agreed, alarm at least 30 min after the latest agreed setting time and 30 min"
          + " before the earliest agreed unsetting time, set for at least 15 min";
    }

    /** The BS8243 7.5.3 conditions 1-4 that do NOT hold at {@code t}; empty = no filtering delay. */
    List<String> overrideFailures(Instant t) {
      List<String> failed = new ArrayList<>();
      if (!profile.setUnsetMonitoring()) failed.add("1: no set/unset monitoring agreed");
      Optional<AgreedSchedule.ClosedPeriod> closed = AgreedSchedule.closedPeriodAt(profile, t);
      if (closed.isEmpty()) {
        failed.add("2/3: not within an agreed closed period");
      } else {
        Instant set = closed.get().set();
        if (t.isBefore(set.plus(Duration.ofMinutes(30)))) {
          failed.add("2: less than 30 min after the latest agreed setting time " + set);
        }
        Instant unset = closed.get().unset();
        if (unset != null && t.isAfter(unset.minus(Duration.ofMinutes(30)))) {
          failed.add("3: less than 30 min before the earliest agreed unsetting time " + unset);
        }
      }
      if (setState != SetState.SET) {
        failed.add("4: no evidence that the system is set (" + setState + ")");
      } else if (t.isBefore(setSince.plus(Duration.ofMinutes(15)))) {
        failed.add("4: set for less than 15 min (set at " + setSince + ")");
      }
      return failed;
    }

    /** The alarm is now in front of the operator with its response: keyholders, police availability. */
    private void present(MutableAlarm a, Instant at) {
      if (!a.open() || a.technical) return;
      if (a.holdUp != null) {
        if (a.holdUp.confirmed()) {
          ensureKeyholder(a, at, Rules.KEYHOLDER, "confirmed hold-up: follow the keyholder list");
        }
        return;
      }
      if (a.intruder != null && a.intruder.confirmed()) {
        ensureKeyholder(a, at, Rules.KEYHOLDER, "confirmed intruder: follow the keyholder list");
      } else if (a.filter != FilterState.RUNNING) {
        ensureKeyholder(a, at, Rules.UNCONFIRMED_KEYHOLDER_ONLY, "unconfirmed alarm: keyholder response");
      }
    }

    // ---------------------------------------------------------------- operators

    /** Late images join the alarm holding their signal; a failed fetch is written to its history. */
    void imagesReceived(ImagesReceived ir, Instant at) {
      MutableAlarm a = null;
      for (MutableAlarm m : alarms) {
        for (String sid : m.signalIds) {
          if (sid.equals(ir.signalId()) || sid.startsWith(ir.signalId() + ".")) a = m;
        }
      }
      String detail = ir.detail() == null || ir.detail().isBlank() ? "" : " (" + ir.detail() + ")";
      if (a == null) {
        decide(null, at, Rules.VIEWING, ir.images() + " image(s) for signal " + ir.signalId() + " belong to no alarm" + detail);
        return;
      }
      a.imagesReceived += Math.max(0, ir.images());
      decide(a, at, Rules.VIEWING, ir.images() == 0 ? "no images received for signal " + ir.signalId() + detail
          : ir.images() + " image(s) received for signal " + ir.signalId() + " (" + a.imagesReceived + " in all)" + detail);
    }

    void operator(OperatorAction act, Instant at) {
      if (act instanceof ReinstatePoliceResponse r) {
        reinstate(r, at);
        return;
      }
      String alarmId = switch (act) {
        case TakeAlarm x -> x.alarmId();
        case ReleaseAlarm x -> x.alarmId();
        case RecordListenIn x -> x.alarmId();
        case ImagesViewed x -> x.alarmId();
        case DesignateAudiblyConfirmed x -> x.alarmId();
        case DesignateVisuallyConfirmed x -> x.alarmId();
        case RecordInconclusiveEvidence x -> x.alarmId();
        case RecordContraryIndication x -> x.alarmId();
        case RecordCallBackOutcome x -> x.alarmId();
        case DispatchPolice x -> x.alarmId();
        case InformKeyholder x -> x.alarmId();
        case CloseAlarm x -> x.alarmId();
        case ReinstatePoliceResponse x -> throw new IllegalStateException("handled above");
      };
      Optional<MutableAlarm> found = find(alarmId);
      if (found.isEmpty()) {
        refuse(act, "no alarm " + alarmId + " on account " + profile.accountId(), Rules.OPERATOR);
        return;
      }
      MutableAlarm a = found.get();
      if (!a.open()) {
        refuse(act, "alarm " + a.id + " is " + (a.status == Alarm.Status.CANCELLED_FALSE_ALERT ? "cancelled as a false alert" : "closed"),
            Rules.OPERATOR);
        return;
      }
      switch (act) {
        case TakeAlarm x -> {
          if (a.takenBy != null && !a.takenBy.equals(x.operator())) {
            refuse(act, "alarm " + a.id + " is already taken by " + a.takenBy, Rules.OPERATOR);
          } else {
            a.takenBy = x.operator();
            decide(a, at, Rules.OPERATOR, "taken by " + x.operator());
          }
        }
        case ReleaseAlarm x -> {
          if (a.takenBy == null) {
            refuse(act, "nobody holds alarm " + a.id, Rules.RELEASE);
          } else if (!a.takenBy.equals(x.operator()) && !x.supervisor()) {
            refuse(act, "alarm " + a.id + " is held by " + a.takenBy + ": only they or a supervisor may release it", Rules.RELEASE);
          } else {
            String from = a.takenBy;
            a.takenBy = null;
            decide(a, at, Rules.RELEASE, from.equals(x.operator()) ? x.operator() + " released the alarm to the queue"
                : x.operator() + " (supervisor) released the alarm from " + from + " to the queue");
          }
        }
        case RecordListenIn x -> {
          if (x.seconds() <= 0) {
            refuse(act, "listen-in duration must be positive, was " + x.seconds(), Rules.LISTEN_IN);
          } else {
            a.listenInSeconds += x.seconds();
            decide(a, at, Rules.LISTEN_IN, x.operator() + " listened in for " + x.seconds() + " s (total "
                + a.listenInSeconds + " s, minimum " + MIN_LISTEN_IN_SECONDS + " s)");
          }
        }
        case ImagesViewed x -> {
          if (x.imagesViewed() < 0 || x.imagesViewed() > a.imagesReceived) {
            refuse(act, "viewed " + x.imagesViewed() + " images but " + a.imagesReceived + " were received", Rules.VIEWING);
          } else {
            a.imagesViewed = Math.max(a.imagesViewed, x.imagesViewed());
            decide(a, at, Rules.VIEWING, x.operator() + " viewed " + a.imagesViewed + " of " + a.imagesReceived + " images");
          }
        }
        case DesignateAudiblyConfirmed x -> {
          if (a.technical) {
            refuse(act, "a technical alarm cannot be audibly confirmed", Rules.AUDIBLE);
          } else if (a.listenInSeconds < MIN_LISTEN_IN_SECONDS) {
            refuse(act, "listen-in of at least " + MIN_LISTEN_IN_SECONDS + " s is required before an audible designation, "
                + a.listenInSeconds + " s recorded", Rules.LISTEN_IN);
          } else {
            operatorConfirms(a, at, Confirmation.AUDIBLE, Rules.AUDIBLE, x.operator() + ": sounds consistent with a genuine alarm");
          }
        }
        case DesignateVisuallyConfirmed x -> {
          if (a.technical) {
            refuse(act, "a technical alarm cannot be visually confirmed", Rules.VISUAL);
          } else if (a.imagesReceived == 0) {
            refuse(act, "no images received for this alarm", Rules.VIEWING);
          } else if (a.imagesViewed < a.imagesReceived) {
            refuse(act, "every image received must be viewed first: " + a.imagesViewed + " of " + a.imagesReceived
                + " viewed", Rules.VIEWING);
          } else {
            operatorConfirms(a, at, Confirmation.VISUAL, Rules.VISUAL, x.operator() + ": images consistent with a genuine alarm");
          }
        }
        case RecordInconclusiveEvidence x -> {
          String rule = a.imagesViewed > 0 ? Rules.VISUAL : Rules.AUDIBLE;
          decide(a, at, rule, x.operator() + ": evidence inconclusive (" + x.note()
              + "): not designated; waiting for sequential confirmation");
          if (a.holdUp != null && !a.holdUp.confirmed()) {
            ensureCallBack(a, at, Rules.CALL_BACK, "hold-up evidence inconclusive: call-back");
          }
        }
        case RecordContraryIndication x -> {
          if (x.evidence() == null || x.evidence().isBlank()) {
            refuse(act, "a contrary indication needs the evidence (what was heard or seen)", Rules.FILTER);
          } else {
            a.contraryIndication = x.evidence();
            decide(a, at, Rules.FILTER, x.operator() + " recorded a contrary indication (" + x.evidence()
                + "): an unset or mis-operation signal will not cancel this alarm");
          }
        }
        case RecordCallBackOutcome x -> callBackOutcome(a, x, at);
        case DispatchPolice x -> dispatch(a, x, at);
        case InformKeyholder x -> {
          boolean known = profile.keyholders().stream().anyMatch(k -> k.name().equals(x.keyholder()));
          if (!known) {
            refuse(act, x.keyholder() + " is not a keyholder of account " + profile.accountId(), Rules.KEYHOLDER);
          } else {
            effects.add(new KeyholderContacted(a.id, x.keyholder(), x.reached(), Rules.KEYHOLDER));
            decide(a, at, Rules.KEYHOLDER, x.operator() + (x.reached() ? " informed keyholder " : " could not reach keyholder ")
                + x.keyholder());
            if (x.reached()) {
              closeTasks(a, Task.Kind.INFORM_KEYHOLDER, Task.Status.DONE, "keyholder " + x.keyholder() + " informed",
                  Rules.KEYHOLDER);
            }
          }
        }
        case CloseAlarm x -> close(a, x, at);
        case ReinstatePoliceResponse x -> throw new IllegalStateException("handled above");
      }
    }

    private void operatorConfirms(MutableAlarm a, Instant at, Confirmation how, String rule, String why) {
      boolean holdUp = a.holdUp != null;
      Confirmation current = holdUp ? a.holdUp : a.intruder;
      if (current != null && current.confirmed()) {
        decide(a, at, rule, why + "; already " + a.designation.text() + ", designation unchanged");
        return;
      }
      if (a.contraryIndication == null) a.contraryIndication = how == Confirmation.AUDIBLE ? "audible evidence" : "visual evidence";
      if (holdUp) {
        a.holdUp = how;
      } else {
        a.intruder = how;
      }
      decide(a, at, rule, why);
      refresh(a, at, rule, why);
      if (holdUp) {
        afterHoldUpChange(a, at);
      } else {
        if (a.filter == FilterState.RUNNING) {
          a.filter = FilterState.CANCELLED;
          effects.add(new FilterCancelled(a.id, how + " confirmation is a contrary indication; the delay is for sequential"
              + " confirmation", rule));
        }
        present(a, at);
      }
    }

    private void callBackOutcome(MutableAlarm a, RecordCallBackOutcome x, Instant at) {
      Optional<Task> task = tasks.stream()
          .filter(t -> t.open() && t.kind() == Task.Kind.CALL_BACK && t.alarmId().equals(a.id)).findFirst();
      if (task.isEmpty()) {
        String why = a.holdUp != null && a.holdUp.confirmed()
            ? "no call-back pending: the hold-up alarm is already " + a.designation.text()
            : "no call-back pending for alarm " + a.id;
        refuse(x, why, a.holdUp != null && a.holdUp.confirmed() ? Rules.CALL_BACK_NOT_NEEDED : Rules.CALL_BACK);
        return;
      }
      HandlingProfile.CallBackProcedure p = profile.callBack();
      boolean confirms = switch (x.outcome()) {
        case GENUINE -> true;
        case FALSE -> false;
        case NO_ANSWER -> p.noAnswerConfirms();
        case WRONG_CODE_WORD -> p.wrongCodeWordConfirms();
      };
      closeTasks(a, Task.Kind.CALL_BACK, Task.Status.DONE, "call-back outcome " + x.outcome(), Rules.CALL_BACK);
      String why = x.operator() + ": call-back outcome " + x.outcome() + (confirms ? ": confirmed hold-up" : ": not confirmed");
      decide(a, at, Rules.CALL_BACK, why);
      if (confirms) {
        a.holdUp = Confirmation.CALL_BACK;
        refresh(a, at, Rules.CALL_BACK, why);
        afterHoldUpChange(a, at);
      } else if (x.outcome() == CallBackOutcome.FALSE) {
        decide(a, at, Rules.CALL_BACK, "all well confirmed with the code word: close the alarm with a false cause");
      } else {
        ensureKeyholder(a, at, Rules.CALL_BACK, "call-back " + x.outcome() + " does not confirm under the account's procedure: keyholder");
      }
    }

    private void dispatch(MutableAlarm a, DispatchPolice x, Instant at) {
      if (a.technical) {
        refuse(x, "technical alarms are not passed to police", Rules.POLICE);
        return;
      }
      if (a.policeDispatched) {
        refuse(x, "police already dispatched for alarm " + a.id, Rules.OPERATOR);
        return;
      }
      if (a.filter == FilterState.RUNNING) {
        refuse(x, "filtering delay runs until " + a.filterUntil, Rules.FILTER);
        return;
      }
      if (a.duressOnly() && profile.duressRoute() == DuressRoute.ARC_AND_KEYHOLDERS) {
        refuse(x, "duress alarms of account " + profile.accountId() + " go to the ARC and keyholders only: police are not"
            + " called for duress", Rules.DURESS_ROUTE);
        return;
      }
      PoliceResponse r = response(a.policeKind());
      if (r.urn() == null || r.urn().isBlank()) {
        refuse(x, "no police URN for " + a.policeKind() + " on this account: keyholder response only", Rules.POLICE);
        return;
      }
      if (!r.available()) {
        refuse(x, "police response for URN " + r.urn() + " is " + r.status(), Rules.POLICE);
        return;
      }
      if (a.holdUp == null && (a.intruder == null || !a.intruder.confirmed())) {
        refuse(x, "an unconfirmed intruder or tamper alarm gets keyholder response only", Rules.UNCONFIRMED_KEYHOLDER_ONLY);
        return;
      }
      if (a.holdUp != null && r.confirmationRequired() && !a.holdUp.confirmed()) {
        refuse(x, "hold-up response was reinstated on condition of confirmation: confirm first (call-back)",
            Rules.POLICE_REINSTATE);
        return;
      }
      a.policeDispatched = true;
      effects.add(new PoliceDispatched(a.id, r.urn(), a.designation, Rules.POLICE));
      decide(a, at, Rules.POLICE, x.operator() + " passed " + a.designation.text() + " to police, URN " + r.urn());
    }

    private void close(MutableAlarm a, CloseAlarm x, Instant at) {
      if (x.cause() == null) {
        refuse(x, "closing an alarm requires a cause", Rules.CLOSE_CAUSE);
        return;
      }
      a.status = Alarm.Status.CLOSED;
      a.closeCause = x.cause();
      a.closedAt = at;
      if (a.filter == FilterState.RUNNING) a.filter = FilterState.CANCELLED;
      effects.add(new AlarmClosed(a.id, x.cause(), x.operator(), Rules.CLOSE_CAUSE));
      decide(a, at, Rules.CLOSE_CAUSE, x.operator() + " closed with cause " + x.cause()
          + (x.note() == null || x.note().isBlank() ? "" : " (" + x.note() + ")"));
      closeTasks(a, null, Task.Status.NOT_NEEDED, "alarm closed", Rules.OPERATOR);
      if (a.policeDispatched && x.cause().isFalseAlarm()) {
        PoliceResponse r = response(a.policeKind());
        PoliceResponse next = r.recordFalseAlarm(at, profile.zone());
        decide(a, at, Rules.POLICE, "policed false alarm counted against URN " + r.urn() + ": "
            + next.falseAlarmsInLast12Months(at, profile.zone()) + " in the rolling 12 months");
        responseChanged(next, at, "false alarm on alarm " + a.id);
      }
    }

    /**
     * The administrator edited the account. A change of the police-response record withdraws or reinstates both
     * URNs' response; a change of the duress route re-decides police for open duress alarms. Each is logged.
     */
    void profileChanged(HandlingProfile before, Instant at) {
      boolean was = before.policeResponseWithdrawn();
      boolean is = profile.policeResponseWithdrawn();
      Set<PoliceResponse.Kind> recorded = java.util.EnumSet.noneOf(PoliceResponse.Kind.class);
      profileChange = true;
      for (PoliceResponse.Kind k : PoliceResponse.Kind.values()) {
        PoliceResponse r = response(k);
        if (r.status() == PoliceResponse.Status.NO_URN) continue;
        boolean urnChanged = !java.util.Objects.equals(k == PoliceResponse.Kind.INTRUDER ? before.intruderUrn() : before.holdUpUrn(), r.urn());
        if (is && (!was || urnChanged) && r.status() != PoliceResponse.Status.WITHDRAWN && r.status() != PoliceResponse.Status.URN_DELETED) {
          responseChanged(r.withStatus(PoliceResponse.Status.WITHDRAWN, at, null), at,
              "police withdrew response for URN " + r.urn() + ", recorded on the account", Rules.POLICE_RECORD);
          recorded.add(k);
        } else if (!is && was && r.status() == PoliceResponse.Status.WITHDRAWN) {
          responseChanged(r.reinstated(at, false), at, "police reinstated response for URN " + r.urn() + ", recorded on the account",
              Rules.POLICE_RECORD);
          recorded.add(k);
        }
      }
      profileChange = false;
      boolean routeChanged = before.duressRoute() != profile.duressRoute();
      if (routeChanged) {
        decide(null, at, Rules.DURESS_ROUTE, "duress route of the account changed from " + before.duressRoute() + " to "
            + profile.duressRoute());
      }
      // Each open alarm the change concerns gets a decision naming why police are (not) offered now.
      for (MutableAlarm a : alarms) {
        if (!a.open() || a.technical) continue;
        if (recorded.contains(a.policeKind())) updatePolice(a, at, true, Rules.POLICE_RECORD);
        else if (routeChanged && a.duress) updatePolice(a, at, true, Rules.DURESS_ROUTE);
        else updatePolice(a, at, false);
      }
    }

    private void reinstate(ReinstatePoliceResponse r, Instant at) {
      PoliceResponse cur = response(r.kind());
      if (cur.status() != PoliceResponse.Status.WITHDRAWN && cur.status() != PoliceResponse.Status.WITHDRAWAL_PENDING) {
        refuse(r, "police response for " + r.kind() + " is " + cur.status() + ", not withdrawn", Rules.POLICE_REINSTATE);
        return;
      }
      Instant last = cur.lastFalseAlarmOrStart();
      if (r.kind() == PoliceResponse.Kind.INTRUDER) {
        if (!profile.intruderConfirmationTechnology()) {
          refuse(r, "an unconfirmed intruder system must be upgraded to confirmation (BS8243) first", Rules.POLICE_REINSTATE);
          return;
        }
        boolean threeMonthsClear = !at.isBefore(last.atZone(profile.zone()).plusMonths(3).toInstant());
        if (!r.remedialActionTaken() && !threeMonthsClear) {
          refuse(r, "needs remedial action or 3 months free of false alarms (last " + last + ")", Rules.POLICE_REINSTATE);
          return;
        }
        responseChanged(cur.reinstated(at, false), at, "reinstated: " + (r.remedialActionTaken() ? "remedial action taken" : "3 months clear"));
      } else {
        List<String> missing = new ArrayList<>();
        if (at.isBefore(last.plus(Duration.ofDays(90)))) missing.add("90 days clear of false alarms (last " + last + ")");
        if (!r.confirmationInPlace()) missing.add("hold-up confirmation in place");
        if (!r.dualActionDevices()) missing.add("dual-action hold-up devices");
        if (!r.duressRemoved()) missing.add("duress facility removed");
        if (!missing.isEmpty()) {
          refuse(r, "hold-up reinstatement needs: " + String.join(", ", missing), Rules.POLICE_REINSTATE);
          return;
        }
        responseChanged(cur.reinstated(at, true), at, "reinstated with confirmation required");
      }
    }

    // ---------------------------------------------------------------- helpers

    private PoliceResponse response(PoliceResponse.Kind kind) {
      return kind == PoliceResponse.Kind.INTRUDER ? intruderResponse : holdUpResponse;
    }

    private void responseChanged(PoliceResponse next, Instant at, String why) {
      responseChanged(next, at, why, why.startsWith("reinstated") ? Rules.POLICE_REINSTATE : Rules.POLICE);
    }

    private void responseChanged(PoliceResponse next, Instant at, String why, String rule) {
      if (next.kind() == PoliceResponse.Kind.INTRUDER) intruderResponse = next;
      else holdUpResponse = next;
      effects.add(new PoliceResponseStatus(null, next.kind(), next.urn(), next.status(), next.available(),
          next.falseAlarmsInLast12Months(at, profile.zone()), rule));
      decide(null, at, rule, next.kind() + " police response " + next.status() + " (" + why + ")"
          + (next.status() == PoliceResponse.Status.WITHDRAWAL_PENDING ? ", withdrawn from " + next.withdrawalEffectiveAt() : ""));
      // An alarm whose police availability changes because of the account record names that record as its rule.
      String alarmRule = Rules.POLICE_RECORD.equals(rule) ? rule : null;
      if (profileChange) return; // profileChanged re-decides every open alarm itself
      for (MutableAlarm a : alarms) {
        if (a.open() && !a.technical && a.policeKind() == next.kind()) updatePolice(a, at, false, alarmRule);
      }
    }

    private void updatePolice(MutableAlarm a, Instant at, boolean force) {
      updatePolice(a, at, force, null);
    }

    private void updatePolice(MutableAlarm a, Instant at, boolean force, String ruleOverride) {
      PoliceResponse r = response(a.policeKind());
      boolean byRoute = a.duressOnly() && profile.duressRoute() == DuressRoute.ARC_AND_KEYHOLDERS;
      boolean available = r.available() && !byRoute;
      if (force || available != a.policeResponseAvailable) {
        a.policeResponseAvailable = available;
        String rule = byRoute ? Rules.DURESS_ROUTE : ruleOverride != null ? ruleOverride : Rules.POLICE;
        effects.add(new PoliceResponseStatus(a.id, r.kind(), r.urn(), r.status(), available,
            r.falseAlarmsInLast12Months(at, profile.zone()), rule));
        decide(a, at, rule, r.kind() + " police response " + (available ? "available" : "not available")
            + (byRoute ? " for duress (account duress route: ARC and keyholders)" : "")
            + " (URN " + r.urn() + ", " + r.status() + ")");
      }
    }

    private MutableAlarm newSecurity(Instant at, AlarmType openedAs) {
      MutableAlarm a = new MutableAlarm();
      a.id = profile.accountId() + "-" + nextAlarmSeq++;
      a.openedAs = openedAs;
      a.status = Alarm.Status.OPEN;
      a.openedAt = at;
      a.firstUnconfirmedAt = at;
      a.setPeriod = setPeriod;
      alarms.add(a);
      return a;
    }

    private void opened(MutableAlarm a, Instant at, String rule, String why) {
      a.designation = a.computeDesignation();
      a.priority = Priority.of(a.designation);
      effects.add(new AlarmOpened(a.id, a.designation, a.priority, at, rule));
      decide(a, at, rule, "opened as " + a.designation.text() + ": " + why);
      if (!a.technical) updatePolice(a, at, true);
    }

    /** Recomputes designation and priority after a change, emitting what changed with the rule. */
    private void refresh(MutableAlarm a, Instant at, String rule, String why) {
      Designation d = a.computeDesignation();
      PoliceResponse.Kind kindBefore = a.designation.type() == AlarmType.HOLD_UP ? PoliceResponse.Kind.HOLD_UP : PoliceResponse.Kind.INTRUDER;
      if (!d.equals(a.designation)) {
        effects.add(new DesignationChanged(a.id, a.designation, d, why, rule));
        a.designation = d;
      }
      Priority p = Priority.of(d);
      if (p != a.priority) {
        effects.add(new PriorityChanged(a.id, a.priority, p, rule));
        a.priority = p;
      }
      if (kindBefore != a.policeKind()) {
        updatePolice(a, at, true);
      }
    }

    private MutableAlarm technical(Instant at, String rule, String why, StoredSignal sig) {
      MutableAlarm a = alarms.stream().filter(x -> x.open() && x.technical).reduce((x, y) -> y).orElse(null);
      if (a == null) {
        a = new MutableAlarm();
        a.id = profile.accountId() + "-" + nextAlarmSeq++;
        a.technical = true;
        a.openedAs = AlarmType.TECHNICAL;
        a.status = Alarm.Status.OPEN;
        a.openedAt = at;
        a.firstUnconfirmedAt = at;
        a.setPeriod = setPeriod;
        alarms.add(a);
        if (sig != null) a.signalIds.add(sig.signalId());
        opened(a, at, rule, why);
      } else {
        if (sig != null) a.signalIds.add(sig.signalId());
        decide(a, at, rule, why);
      }
      return a;
    }

    private MutableAlarm currentSecurity() {
      return alarms.stream().filter(a -> a.open() && !a.technical).reduce((x, y) -> y).orElse(null);
    }

    private Optional<MutableAlarm> find(String id) {
      if (id == null) return Optional.empty();
      return alarms.stream().filter(a -> a.id.equals(id)).findFirst();
    }

    private void decide(MutableAlarm a, Instant at, String rule, String text) {
      Decision d = new Decision(at, a == null ? null : a.id, rule, text);
      if (a != null) a.history.add(d);
      effects.add(new DecisionLogged(d));
    }

    private void refuse(OperatorAction act, String reason, String rule) {
      effects.add(new ActionRefused(act, reason, rule));
    }

    private List<String> keyholderLines() {
      if (profile.keyholders().isEmpty()) return List.of("no keyholder on record: contact the client");
      List<String> lines = new ArrayList<>();
      int i = 1;
      for (HandlingProfile.Keyholder k : profile.keyholders()) lines.add(i++ + ". " + k.name() + " " + k.phone());
      return lines;
    }

    private void ensureKeyholder(MutableAlarm a, Instant at, String rule, String why) {
      boolean exists = tasks.stream().anyMatch(t -> t.open() && t.kind() == Task.Kind.INFORM_KEYHOLDER && t.alarmId().equals(a.id));
      if (!exists) createTask(Task.Kind.INFORM_KEYHOLDER, a, at, rule, why, keyholderLines());
    }

    private void ensureCallBack(MutableAlarm a, Instant at, String rule, String why) {
      boolean exists = tasks.stream().anyMatch(t -> t.open() && t.kind() == Task.Kind.CALL_BACK && t.alarmId().equals(a.id));
      if (!exists) createTask(Task.Kind.CALL_BACK, a, at, rule, why, profile.callBack().steps());
    }

    private void createTask(Task.Kind kind, MutableAlarm a, Instant at, String rule, String why, List<String> steps) {
      Task t = new Task(profile.accountId() + "-T" + nextTaskSeq++, kind, a.id, at, rule, steps, Task.Status.OPEN, null);
      tasks.add(t);
      effects.add(new TaskCreated(t, rule));
      decide(a, at, rule, kind + " task " + t.id() + ": " + why);
    }

    /** Closes the alarm's open tasks of a kind (null = all kinds). */
    private void closeTasks(MutableAlarm a, Task.Kind kind, Task.Status status, String why, String rule) {
      for (int i = 0; i < tasks.size(); i++) {
        Task t = tasks.get(i);
        if (t.open() && t.alarmId().equals(a.id) && (kind == null || t.kind() == kind)) {
          tasks.set(i, t.closed(status, why));
          effects.add(new TaskClosed(t.id(), status, why, rule));
        }
      }
    }
  }

  /** Alarms of a state in console queue order (open ones only). */
  public static List<Alarm> queue(AccountState s) {
    return s.openAlarms().stream().sorted(AlarmQueueOrder.COMPARATOR).toList();
  }

}
