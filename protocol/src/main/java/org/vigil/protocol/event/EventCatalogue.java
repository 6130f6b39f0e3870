package org.vigil.protocol.event;

import static org.vigil.protocol.event.EventCategory.*;
import static org.vigil.protocol.event.NumberKind.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one event catalogue: Contact ID (SIA DC-05) codes and SIA DC-03 two-letter codes with their
 * meaning for alarm handling. Sources and corrections: ../shared/research/dc09-and-arc.md B.2-B.4
 * (SIA DU is Dealer ID, not duress; 129/HV confirmed hold-up; 139/BV confirmed intruder; 406 cancel;
 * 121 duress).
 */
public final class EventCatalogue {

  private static final List<EventCode> CODES =
      List.of(
          c(100, "MA", "MH", MEDICAL, ZONE, "Medical"),
          c(110, "FA", "FH", FIRE, ZONE, "Fire"),
          c(120, "PA", "PH", HOLD_UP, ZONE, "Panic"),
          c(121, "HA", "HH", DURESS, USER, "Duress"),
          c(122, "HA", "HH", HOLD_UP, ZONE, "Silent hold-up (24 h silent)"),
          c(123, "PA", "PH", HOLD_UP, ZONE, "Audible hold-up (24 h audible)"),
          c(124, "HA", "HH", DURESS, ZONE, "Duress - access granted"),
          c(125, "HA", "HH", DURESS, ZONE, "Duress - egress granted"),
          c(129, "HV", null, CONFIRMED_HOLD_UP, ZONE, "Confirmed hold-up"),
          c(130, "BA", "BH", INTRUDER, ZONE, "Burglary"),
          c(131, "BA", "BH", INTRUDER, ZONE, "Perimeter burglary"),
          c(132, "BA", "BH", INTRUDER, ZONE, "Interior burglary"),
          c(133, "BA", "BH", INTRUDER, ZONE, "24 hour (safe)"),
          c(134, "BA", "BH", INTRUDER, ZONE, "Entry/exit"),
          c(135, "BA", "BH", INTRUDER, ZONE, "Day/night"),
          c(136, "BA", "BH", INTRUDER, ZONE, "Outdoor"),
          c(137, "TA", "TR", TAMPER, ZONE, "Tamper"),
          c(138, "BA", "BH", INTRUDER, ZONE, "Near alarm"),
          c(139, "BV", null, CONFIRMED_INTRUDER, ZONE, "Confirmed intruder (intrusion verifier)"),
          c(140, "BA", "BH", INTRUDER, ZONE, "General alarm"),
          c(143, "ET", "ER", FAULT, ZONE, "Expansion module failure"),
          c(144, "TA", "TR", TAMPER, ZONE, "Sensor tamper"),
          c(145, "ES", "EJ", TAMPER, ZONE, "Expansion module tamper"),
          c(146, "BA", "BH", INTRUDER, ZONE, "Silent burglary"),
          c(147, "BT", "BJ", FAULT, ZONE, "Sensor supervision failure"),
          c(301, "AT", "AR", FAULT, NONE, "AC loss"),
          c(302, "YT", "YR", FAULT, NONE, "Low system battery"),
          // A restart can hide an attack on the CIE: the ARC shows it as a technical alarm.
          c(305, "RR", null, FAULT, NONE, "System reset (panel restart)"),
          c(309, "YT", "YR", FAULT, NONE, "Battery test failure"),
          c(311, "YM", "YR", FAULT, NONE, "Battery missing/dead"),
          // 330: Contact ID "system peripheral trouble"; a hold-up camera is a peripheral of the CIE
          // (docs/holdup.md). SIA has no camera code: ET/ER (expansion trouble) is the peripheral pair.
          c(330, "ET", "ER", FAULT, ZONE, "System peripheral trouble"),
          c(350, "YC", "YK", ATS_FAULT, NONE, "Communication trouble"),
          c(351, "LT", "LR", ATS_FAULT, NONE, "Telco 1 fault"),
          c(352, "LT", "LR", ATS_FAULT, NONE, "Telco 2 fault"),
          c(353, "YC", "YK", ATS_FAULT, NONE, "Long range radio transmitter fault"),
          c(354, "YC", "YK", ATS_FAULT, NONE, "Failure to communicate event"),
          c(355, "YC", "YK", ATS_FAULT, NONE, "Loss of radio supervision"),
          c(356, "YC", "YK", ATS_FAULT, NONE, "Loss of central polling"),
          c(357, "YC", "YK", ATS_FAULT, NONE, "Long range radio VSWR problem"),
          c(374, "EA", null, SETTING_ERROR, ZONE, "Exit error alarm (zone)"),
          c(378, "BG", null, UNVERIFIED_INTRUDER, ZONE, "Burglary not verified (cross-zone trouble)"),
          // Masking of an anti-masking detector (EN 50131-1 Table 4): reported as a sensor trouble.
          c(380, "BT", "BJ", FAULT, ZONE, "Sensor trouble (masking)"),
          c(383, "TA", "TR", TAMPER, ZONE, "Sensor tamper"),
          c(384, "XT", "XR", FAULT, ZONE, "RF low battery"),
          oc(400, "OP", "CL", "Open/close"),
          oc(401, "OP", "CL", "Open/close by user"),
          oc(402, "OB", "CB", "Group open/close"),
          new EventCode(403, "OA", "CA", OPEN, CLOSE, AREA, "Automatic open/close"),
          c(406, "OC", null, CANCEL, USER, "Cancel"),
          oc(407, "OQ", "CQ", "Remote arm/disarm"),
          oc(408, "OP", "CL", "Quick arm"),
          oc(409, "OS", "CS", "Keyswitch open/close"),
          oc(441, "OG", "CG", "Armed stay (part set)"),
          oc(456, "OG", "CG", "Partial arm"),
          c(457, "EE", null, SETTING_ERROR, USER, "Exit error (user)"),
          c(459, "CR", null, SETTING_ERROR, USER, "Recent closing"),
          c(461, "JA", null, USER_CODE_TAMPER, NONE, "Wrong code entry"),
          c(570, "BB", "BU", BYPASS, ZONE, "Zone/sensor bypass"),
          c(571, "FB", "FU", BYPASS, ZONE, "Fire bypass"),
          c(572, "BB", "BU", BYPASS, ZONE, "24 hour zone bypass"),
          c(573, "BB", "BU", BYPASS, ZONE, "Burglary bypass"),
          c(574, "BB", "BU", BYPASS, USER, "Group bypass"),
          c(601, "RX", null, TEST, USER, "Manual trigger test report"),
          c(602, "RP", null, TEST, NONE, "Periodic test report"),
          c(608, "RY", null, TEST, NONE, "Periodic test - system trouble present"));

  /** SIA-only codes (no Contact ID equivalent in the table above) and SIA codes not used as a pair. */
  private static final List<EventCode> SIA_ONLY =
      List.of(
          sia("BR", INFORMATION, ZONE, "Burglary restoral"),
          sia("BM", CONFIRMED_INTRUDER, ZONE, "Burglary alarm - cross point (verified)"),
          sia("BC", CANCEL, USER, "Burglary cancel by authorised user"),
          sia("BX", TEST, ZONE, "Burglary test"),
          sia("HR", INFORMATION, ZONE, "Hold-up restoral"),
          sia("HT", FAULT, ZONE, "Hold-up trouble"),
          sia("HJ", INFORMATION, ZONE, "Hold-up trouble restore"),
          sia("HB", BYPASS, ZONE, "Hold-up bypass"),
          sia("HU", INFORMATION, ZONE, "Hold-up unbypass"),
          sia("PR", INFORMATION, ZONE, "Panic restoral"),
          sia("OR", OPEN, USER, "Disarm from alarm"),
          sia("NL", CLOSE, AREA, "Perimeter armed"),
          sia("CI", SETTING_ERROR, AREA, "Fail to close"),
          sia("OI", SETTING_ERROR, AREA, "Fail to open"),
          sia("YS", ATS_FAULT, NONE, "Communications trouble"),
          sia("NT", ATS_FAULT, NONE, "Network failure"),
          sia("NR", INFORMATION, NONE, "Network restoral"),
          sia("TX", TEST, NONE, "Test report"),
          sia("TS", TEST, NONE, "Test start"),
          sia("TE", TEST, NONE, "Test end"),
          sia("UA", INTRUDER, ZONE, "Untyped zone alarm"),
          sia("UB", BYPASS, ZONE, "Untyped zone bypass"),
          sia("UU", INFORMATION, ZONE, "Untyped zone unbypass"),
          sia("YN", FAULT, NONE, "Invalid report"),
          sia("DU", INFORMATION, NONE, "Dealer ID (not duress)"));

  private static final Map<Integer, EventCode> BY_CID = new LinkedHashMap<>();
  private static final Map<String, EventCode> BY_SIA = new LinkedHashMap<>();
  private static final Map<String, EventCategory> SIA_CATEGORY = new LinkedHashMap<>();
  private static final java.util.Set<String> SIA_RESTORES = new java.util.HashSet<>();

  static {
    for (EventCode code : CODES) {
      BY_CID.put(code.contactId(), code);
    }
    // SIA lookups: the first Contact ID row that uses a SIA code defines its meaning, except where
    // the row is a specialisation (HA is hold-up family; 121 duress also sends HA but a received HA
    // without more context is a silent hold-up alarm).
    for (EventCode code : CODES) {
      BY_SIA.putIfAbsent(code.siaEvent(), code);
      SIA_CATEGORY.putIfAbsent(code.siaEvent(), code.category());
      if (code.siaRestore() != null) {
        SIA_CATEGORY.putIfAbsent(code.siaRestore(), code.restoreCategory());
        BY_SIA.putIfAbsent(code.siaRestore(), code);
      }
    }
    for (EventCode code : CODES) {
      if (code.siaRestore() != null && code.category() != OPEN && !SIA_CATEGORY.get(code.siaRestore()).equals(CLOSE)) {
        SIA_RESTORES.add(code.siaRestore());
      }
    }
    SIA_RESTORES.addAll(java.util.List.of("BR", "HR", "PR", "HJ", "HU", "UU", "NR"));
    // A received HA is the hold-up family either way (silent hold-up or duress, research fact 15);
    // without the Contact ID user/zone distinction it is handled as a hold-up alarm.
    SIA_CATEGORY.put("HA", HOLD_UP);
    BY_SIA.put("HA", BY_CID.get(122));
    for (EventCode code : SIA_ONLY) {
      BY_SIA.putIfAbsent(code.siaEvent(), code);
      SIA_CATEGORY.putIfAbsent(code.siaEvent(), code.category());
    }
  }

  private EventCatalogue() {}

  /** Every Contact ID row, in code order. */
  public static List<EventCode> contactIdCodes() {
    return Collections.unmodifiableList(CODES);
  }

  public static Optional<EventCode> byContactId(int code) {
    return Optional.ofNullable(BY_CID.get(code));
  }

  /** The row that defines a SIA two-letter code (event or restore form). */
  public static Optional<EventCode> bySia(String siaCode) {
    return Optional.ofNullable(BY_SIA.get(siaCode));
  }

  /**
   * Meaning of a Contact ID event with its qualifier: 1 = new event / opening, 3 = restore /
   * closing, 6 = previously reported condition still present (treated like 1).
   */
  public static EventCategory categoryOfContactId(int code, int qualifier) {
    EventCode row = BY_CID.get(code);
    if (row == null) return UNKNOWN;
    return qualifier == 3 ? row.restoreCategory() : row.category();
  }

  /** Meaning of a SIA two-letter event code. */
  public static EventCategory categoryOfSia(String siaCode) {
    return SIA_CATEGORY.getOrDefault(siaCode, UNKNOWN);
  }

  /** The SIA code for a Contact ID event and qualifier, or empty when there is none. */
  public static Optional<String> siaForContactId(int code, int qualifier) {
    EventCode row = BY_CID.get(code);
    if (row == null) return Optional.empty();
    return Optional.ofNullable(qualifier == 3 ? row.siaRestore() : row.siaEvent());
  }

  /**
   * Whether a SIA code reports a restore (end of a condition) rather than a new condition: the
   * restore form of a catalogue pair (BH, TR, AR, ...) other than closings, and the SIA-only
   * restorals (BR, HR, PR, HJ, HU, UU, NR).
   */
  public static boolean isSiaRestore(String siaCode) {
    return SIA_RESTORES.contains(siaCode);
  }

  /** Whether an event with this category and qualifier is a restore rather than a new condition. */
  public static boolean isRestore(int contactId, int qualifier) {
    EventCode row = BY_CID.get(contactId);
    return qualifier == 3 && row != null && row.category() != OPEN;
  }

  private static EventCode c(
      int cid, String sia, String siaRestore, EventCategory cat, NumberKind n, String meaning) {
    return new EventCode(cid, sia, siaRestore, cat, INFORMATION, n, meaning);
  }

  private static EventCode oc(int cid, String open, String close, String meaning) {
    return new EventCode(cid, open, close, OPEN, CLOSE, USER, meaning);
  }

  private static EventCode sia(String code, EventCategory cat, NumberKind n, String meaning) {
    return new EventCode(-1, code, null, cat, INFORMATION, n, meaning);
  }
}
