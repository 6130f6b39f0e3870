package org.vigil.arc.console.queue;

/** What the alarm is about, as the operator sees it. Duress and hold-up are worked first. */
public enum AlarmKind {
    DURESS("duress"), HOLD_UP("hold-up"), INTRUDER("intruder"), TAMPER("tamper"), TECHNICAL("technical");

    public final String label;

    AlarmKind(String label) {
        this.label = label;
    }
}
