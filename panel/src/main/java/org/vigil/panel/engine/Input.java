package org.vigil.panel.engine;

/**
 * Everything that can happen to the panel. World inputs come from devices, keypads, readers, the ARC
 * and the passage of time; {@link Internal} inputs are raised by one feature for the others during a
 * step (so features stay decoupled) and never come from outside.
 */
public sealed interface Input {

  /** Time passes: only fires due deadlines. */
  record Tick() implements Input {}

  /** A detector or switch zone goes active (door opens, PIR sees movement, button pressed, lock locked). */
  record DetectorActive(String device) implements Input {}

  record DetectorNormal(String device) implements Input {}

  record TamperOpen(String device) implements Input {}

  record TamperRestored(String device) implements Input {}

  record FaultRaised(String device) implements Input {}

  record FaultCleared(String device) implements Input {}

  /** Communication with a bus/wireless device lost, not identifiable as a fault (BS 8243 H.3.1). */
  record CommsLost(String device) implements Input {}

  record CommsRestored(String device) implements Input {}

  /**
   * One key at a keypad: digits, command letters A-D (set/part set), U (unset), * and #, or a named key
   * (OFF, AWAY, STAY, INSTANT, BYPASS, CODE, ESC, CLEAR). User programming: code + 8 (or CODE) + user
   * number ... (docs/users.md).
   */
  record KeyPressed(String keypad, String key) implements Input {}

  /** A card or tag presented at a reader, optionally with a PIN typed at its pad. */
  record CardPresented(String reader, String card, String pin) implements Input {}

  /** A hold-up device operation. */
  record HoldUpOperated(String device, HoldUpAction action) implements Input {}

  /** A command from the ARC or a remote service, on behalf of a user number (0 = ARC). */
  record RemoteCommand(String area, RemoteAction action, int user) implements Input {}

  /**
   * A user inhibits (until the next unset), isolates (until re-included) or re-includes a zone.
   *
   * @param user user number (its authority level in the zone's area decides)
   */
  record OmitZone(String device, OmitAction action, int user) implements Input {}

  enum OmitAction { INHIBIT, ISOLATE, REINCLUDE }

  /**
   * The shell finished an image capture asked for by {@link Effect.CaptureImages} (BS 8243 5.3): how
   * many images arrived, which camera shots failed and why, and where the ARC fetches them.
   *
   * @param problems one line per failed shot, e.g. "cam-1 image 2: slow (no image within 2000 ms)"
   * @param link where the ARC fetches the images, or null when none arrived
   */
  record ImagesCaptured(String reference, String device, int images, java.util.List<String> problems, String link) implements Input {}

  /**
   * Add a user, change a code or delete a user, on behalf of user {@code actor} in partition {@code
   * area} (seed 001 rules, docs/users.md). {@code source} is e.g. "keypad kp1" or "api".
   */
  record ManageUser(String source, int actor, String area, UserAction action, int user, String name, java.util.Map<String, Integer> authority, Code code, Boolean openClose) implements Input {}

  enum UserAction {
    ADD,
    CHANGE_CODE,
    DELETE,
    /** {@code authority}: area -> level 0-6 to grant or change, or -1 to take the area away. */
    SET_AUTHORITY,
    /** {@code openClose}: the user's open/close reporting (installer only, seed 001). */
    SET_OPEN_CLOSE
  }

  /**
   * A master or manager (access level 2) authorises installer access (access level 3) for a limited
   * time, or anyone with a valid code ends it (EN 50131-1, standards.md 1.2; docs/users.md). The same
   * as code + # + 65 / 64 at a keypad. {@code source} is e.g. "api" or "keypad kp1".
   *
   * @param grant true to authorise, false to end the authorisation
   * @param duration how long (null: the site's {@code codes.engineer_access}; longer is refused)
   */
  record AuthoriseInstaller(String source, int user, boolean grant, java.time.Duration duration) implements Input {
    public AuthoriseInstaller(String source, int user, boolean grant) {
      this(source, user, grant, null);
    }
  }

  /** A new code in clear, on its way to being hashed: never printed. */
  record Code(String digits) {
    @Override
    public String toString() {
      return "Code[hidden]";
    }
  }

  /** A detector with anti-masking reports that it is masked (EN 50131-1 Table 4, Table 6). */
  record Masked(String device) implements Input {}

  /** The masking of a detector has cleared. */
  record MaskCleared(String device) implements Input {}

  /**
   * A user asks to restore the alarm, tamper, fault and masking conditions of an area (and its
   * hold-up alarms): who may restore what follows EN 50131-1 Table 6 by grade and BS 8243 A.3.
   *
   * @param user user number; the access level comes from the user's authority in the area
   */
  record Restore(String area, int user) implements Input {}

  /**
   * The response to the panel's remote-reset challenge, obtained from the ARC and typed at the panel
   * (BS 8473 anti-code). The response is never printed.
   */
  record AntiCodeResponse(String area, String response) implements Input {
    @Override
    public String toString() {
      return "AntiCodeResponse[area=" + area + ", response=hidden]";
    }
  }

  /**
   * A user overrides the conditions that prevent setting an area (EN 50131-1 Table 5, as read in
   * docs/intruder.md), for the next set period only.
   */
  record OverrideSetting(String area, int user) implements Input {}

  /** A transmission path reported up or down by the transmitter. */
  record PathChanged(String path, boolean up) implements Input {}

  /**
   * The transmitter gave a signal up (the ARC's receivers answered DUH to it, issue 9): the panel
   * reports it locally (mandatory event-log entry, fault on the keypads); the ARC gets a Contact ID
   * 354 "failure to communicate event".
   *
   * @param event the outbound queue's number of the signal
   * @param what the signal as the event log describes it
   * @param hidden true for a duress signal: installer-level log only, nothing on a keypad
   */
  record SignalGivenUp(String path, long event, String what, String reason, boolean hidden) implements Input {}

  enum HoldUpAction {
    /** Both buttons pressed within the synchronised-push window. */
    PRESS_BOTH,
    /** Only one button (no alarm on a two-button device, BS 8243 4.5 a). */
    PRESS_ONE,
    /**
     * One button of a two-button device, reported separately: with {@link #BUTTON_B} within the
     * device's sync window it is a synchronised push (4.5 a, e); alone it is logged only.
     */
    BUTTON_A,
    BUTTON_B,
    /** Second method of a multi-action device (e.g. both buttons held again, 3.1.28). */
    SECOND_ACTION,
    RELEASE,
    /** Reset of a latched HD with its key. */
    RESET
  }

  enum RemoteAction {
    SET,
    UNSET,
    /** Completion of setting in conjunction with the ARC (BS 8243 6.3 e). */
    COMPLETE_SETTING,
    /** Engineer/ARC restore after an alarm (BS 8473; A.3). */
    RESTORE
  }

  /** Raised inside a step by one feature for the others. */
  sealed interface Internal extends Input {}

  /** A deadline held in the state has come due. */
  record TimerFired(TimerKey key) implements Internal {}

  /**
   * A user (or the ARC) asks to set, part set or unset areas.
   *
   * @param source e.g. "keypad kp1", "reader rd1", "remote"
   * @param partSet null for a full set
   */
  record Command(String source, String keypad, int user, java.util.List<String> areas, CommandKind kind, String partSet) implements Internal {}

  enum CommandKind { SET, UNSET }

  /** An area changed status (after the change is in the state). */
  record AreaChanged(String area, AreaStatus from, AreaStatus to, int user) implements Internal {}

  /** An alarm condition exists in an area: warning devices and status outputs follow these. */
  record AlarmRaised(String area, AlarmKind kind, boolean confirmed, boolean audible) implements Internal {}

  enum AlarmKind { INTRUDER, TAMPER, HOLD_UP, ENTRY_WARNING }

  /**
   * A hold-up condition raised without a hold-up device (BS 8243 3.1.17): a duress code at a keypad
   * or a duress PIN at a reader. It travels the hold-up path (confirmation time, 5.4.1.2) and is
   * reported as duress (Contact ID 121, SIA HA) with the user number; the source never shows on any
   * user-facing output.
   *
   * @param zone the zone number reported with the signal (e.g. 992), or null
   * @param source where it was raised, e.g. "keypad kp1" (logged at installer level only)
   */
  record HoldUpCondition(String area, int user, Integer zone, String source) implements Internal {}

  /**
   * A user at access level 2 or 3 (or the ARC/engineer) restores the hold-up alarms of an area
   * (EN 50131-1 Table 6; BS 8243 A.2.3).
   */
  record HoldUpRestore(String area, int user, int level, String source) implements Internal {}

  /**
   * A restore of an area's intruder, tamper, fault and masking conditions at an EN 50131-1 access
   * level (2 user, 3 engineer), e.g. from keypad function 60 (EN 50131-1 Table 6).
   */
  record RestoreRequest(String area, int user, int level, String source) implements Internal {}
}
