package org.vigil.arc.handling;


/** Everything that can happen to an account: stored signals, ARC-generated path events, operators, time. */
public sealed interface HandlingInput {

  /** A signal the receiver has durably stored. */
  record SignalReceived(StoredSignal signal) implements HandlingInput {}

  /** The ARC's own supervision found a path failed (poll missed); DD243 4.3 evidence. */
  record PathFault(String pathId, Technology technology) implements HandlingInput {}

  /** The ARC's supervision sees the path working again. */
  record PathRestored(String pathId, Technology technology) implements HandlingInput {}

  /**
   * Images for visual confirmation arrived after their signal (fetched from its DC-09 {@code [V]}
   * link, org.vigil.arc.images): they count towards the alarm that holds the signal, BS8243 7.2.1.
   *
   * @param signalId the store id of the signal ("123"; matches the engine's "123" and "123.n")
   * @param images images stored (0 when the fetch failed: logged with {@code detail})
   * @param detail problems met, or "" (shown in the alarm's history)
   */
  record ImagesReceived(String signalId, int images, String detail) implements HandlingInput {}

  /**
   * The administrator edited the account: the new profile applies from now. A change of the police-response
   * record (withdrawn / reinstated by the police) or of the duress route is decided and logged with its rule.
   */
  record ProfileChanged(HandlingProfile profile) implements HandlingInput {}

  /** Time passes: fires due deadlines (filter expiry, hold-up confirmation time, schedules, police). */
  record Tick() implements HandlingInput {}

  /** Operator and administrator actions. Every one names the operator for the audit trail. */
  sealed interface OperatorAction extends HandlingInput {
    String operator();
  }

  record TakeAlarm(String operator, String alarmId) implements OperatorAction {}

  /**
   * The holder gives a taken alarm back to the queue, or a supervisor takes it off its holder (operator ill,
   * shift change). {@code supervisor} is the console's role check: the engine refuses anyone else.
   */
  record ReleaseAlarm(String operator, String alarmId, boolean supervisor) implements OperatorAction {}

  /** Listen-in of N seconds (live plus stored audio), BS8243 7.1.1. */
  record RecordListenIn(String operator, String alarmId, int seconds) implements OperatorAction {}

  /** The operator has viewed every image received so far for the alarm, BS8243 7.2.1. */
  record ImagesViewed(String operator, String alarmId, int imagesViewed) implements OperatorAction {}

  record DesignateAudiblyConfirmed(String operator, String alarmId) implements OperatorAction {}

  record DesignateVisuallyConfirmed(String operator, String alarmId) implements OperatorAction {}

  /** Audio or images inconclusive: wait for sequential confirmation; call-back for hold-up (7.1.2, 7.2.2). */
  record RecordInconclusiveEvidence(String operator, String alarmId, String note) implements OperatorAction {}

  /** Audible or visual evidence of genuine intrusion: blocks cancellation during filtering (7.5.3). */
  record RecordContraryIndication(String operator, String alarmId, String evidence) implements OperatorAction {}

  enum CallBackOutcome {
    /** Distress, wrong or duress code word, or the caller confirms a genuine hold-up. */
    GENUINE,
    /** Correct code word and all well. */
    FALSE,
    NO_ANSWER,
    WRONG_CODE_WORD
  }

  record RecordCallBackOutcome(String operator, String alarmId, CallBackOutcome outcome)
      implements OperatorAction {}

  record DispatchPolice(String operator, String alarmId) implements OperatorAction {}

  record InformKeyholder(String operator, String alarmId, String keyholder, boolean reached)
      implements OperatorAction {}

  /** Close with a cause; a null cause is refused. */
  record CloseAlarm(String operator, String alarmId, CloseCause cause, String note) implements OperatorAction {}

  /**
   * Administrator: police reinstated response for the URN (NPCC policy).
   *
   * @param remedialActionTaken cause found and fixed (intruder: alternative to 3 months clear)
   * @param confirmationInPlace hold-up: confirmation technology or call-back in place
   * @param dualActionDevices hold-up: only dual-action hold-up devices
   * @param duressRemoved hold-up: duress facility removed
   */
  record ReinstatePoliceResponse(
      String operator,
      PoliceResponse.Kind kind,
      boolean remedialActionTaken,
      boolean confirmationInPlace,
      boolean dualActionDevices,
      boolean duressRemoved)
      implements OperatorAction {}

  /** Convenience: the tick input is stateless. */
  static Tick tick() {
    return new Tick();
  }

}
