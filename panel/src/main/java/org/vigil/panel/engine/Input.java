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

  /** One key at a keypad: digits, command letters A-D (set/part set), U (unset), * (clear). */
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

  /** A transmission path reported up or down by the transmitter. */
  record PathChanged(String path, boolean up) implements Input {}

  enum HoldUpAction {
    /** Both buttons pressed within the synchronised-push window. */
    PRESS_BOTH,
    /** Only one button (no alarm on a two-button device, BS 8243 4.5 a). */
    PRESS_ONE,
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
}
