package org.vigil.arc.console.queue;

/** BS 8243 designation of the alarm condition. */
public enum Designation {
    UNCONFIRMED("unconfirmed"),
    SEQUENTIALLY_CONFIRMED("sequentially confirmed"),
    AUDIBLY_CONFIRMED("audibly confirmed"),
    VISUALLY_CONFIRMED("visually confirmed"),
    CALL_BACK_CONFIRMED("call-back confirmed"),
    TRANSMISSION_FAULT_CONFIRMED("confirmed (transmission fault)"),
    FALSE_ALERT("false alert");

    public final String label;

    Designation(String label) {
        this.label = label;
    }

    public boolean confirmed() {
        return this != UNCONFIRMED && this != FALSE_ALERT;
    }
}
