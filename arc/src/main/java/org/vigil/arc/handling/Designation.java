package org.vigil.arc.handling;

/**
 * The designation shown to the operator: type, how (or whether) it is confirmed, duress, and whether it
 * was designated a false alert (BS8243 7.5.3).
 */
public record Designation(AlarmType type, Confirmation confirmation, boolean duress, boolean falseAlert) implements java.io.Serializable {

  public static Designation of(AlarmType type, Confirmation confirmation) {
    return new Designation(type, confirmation, false, false);
  }

  public boolean confirmed() {
    return confirmation.confirmed();
  }

  /** Operator-facing text, e.g. "sequentially confirmed hold-up". */
  public String text() {
    String what =
        switch (type) {
          case HOLD_UP -> duress ? "duress hold-up" : "hold-up";
          case INTRUDER -> "intruder";
          case TAMPER -> "tamper";
          case TECHNICAL -> "technical";
        };
    String how =
        switch (confirmation) {
          case UNCONFIRMED -> "unconfirmed";
          case SEQUENTIAL -> "sequentially confirmed";
          case AUDIBLE -> "audibly confirmed";
          case VISUAL -> "visually confirmed";
          case CALL_BACK -> "call-back confirmed";
          case TRANSMISSION_FAULT -> "confirmed (transmission fault)";
        };
    String base = type == AlarmType.TECHNICAL ? what : how + " " + what;
    return falseAlert ? base + " (false alert)" : base;
  }

  @Override
  public String toString() {
    return text();
  }
}
