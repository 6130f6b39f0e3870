package org.vigil.arc.handling;

/** Rule references used in decisions, so the texts stay consistent and greppable. */
public final class Rules {
  public static final String FILTER = "BS8243 7.5.3";
  public static final String FILTER_OVERRIDE = "BS8243 7.5.3 conditions 1-4";
  public static final String FILTER_MIS_OPERATION = "BS8243 7.5.3(a)";
  public static final String FILTER_UNSET = "BS8243 7.5.3(b)";
  public static final String FILTER_CONTINUES = "DD243 6.2";
  public static final String NO_FILTER_HOLD_UP = "BS8243 7.5.3 (no filtering for hold-up)";
  public static final String HOLD_UP_SEQUENTIAL = "BS8243 7.3.2";
  public static final String HOLD_UP_CONFIRMATION_TIME = "BS8243 5.4.1.2";
  public static final String HOLD_UP_REINSTATEMENT = "BS8243 A.2.3";
  public static final String TAMPER_ONLY = "BS8243 H.7.1";
  public static final String FAST_FORMAT = "BS8243 H.7.3";
  public static final String TRANSMISSION_FAULT_A = "DD243 4.3(a)";
  public static final String TRANSMISSION_FAULT_B = "DD243 4.3(b)";
  public static final String TRANSMISSION_FAULT = "DD243 4.3";
  public static final String LISTEN_IN = "BS8243 7.1.1";
  public static final String AUDIBLE = "BS8243 7.1.2";
  public static final String VIEWING = "BS8243 7.2.1";
  public static final String VISUAL = "BS8243 7.2.2";
  public static final String CALL_BACK = "BS8243 7.4";
  public static final String CALL_BACK_NOT_NEEDED = "BS8243 7.4 NOTE 1";
  public static final String DURESS = "BS8243 3.1.17";
  public static final String SET_UNSET = "BS 5979 set/unset monitoring";
  public static final String KEYHOLDER = "BS 5979 keyholder procedure";
  public static final String UNCONFIRMED_KEYHOLDER_ONLY = "NPCC policy: unconfirmed intruder = keyholder response";
  public static final String POLICE = PoliceResponse.RULE;
  public static final String POLICE_REINSTATE = PoliceResponse.RULE_REINSTATE;
  public static final String CLOSE_CAUSE = "BS 8473 false alarm management";
  public static final String OPERATOR = "Vigil: operator action";
  public static final String RELEASE = "Vigil: one operator handles an alarm; the holder or a supervisor releases it";
  /** The administrator's record of the police's decision for the account's URNs (letter from the police). */
  public static final String POLICE_RECORD = "NPCC policy (standards.md 6.3): response status recorded on the account";
  /**
   * Where duress goes: UK police policy (ACPO, now NPCC) bars duress codes for police calls (research
   * panel-anchors.md item 3), so an account may route duress to the ARC and keyholders only (seed 000: duress).
   */
  public static final String DURESS_ROUTE = "Vigil: account duress route (NPCC policy on duress codes, seed 000)";
  public static final String SIGNAL_LOG = "Vigil: signal logged";

  private Rules() {}

  /** "BS8243 H.7.3(a)" etc. */
  public static String fastFormat(char c) {
    return FAST_FORMAT + "(" + c + ")";
  }
}
