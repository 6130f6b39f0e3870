package org.vigil.arc.console.queue;

/** BS 8243 designation of the alarm condition. */
public enum Designation {
    UNCONFIRMED("unconfirmed"),
    SEQUENTIALLY_CONFIRMED("sequentially confirmed"),
    AUDIBLY_CONFIRMED("audibly confirmed"),
    VISUALLY_CONFIRMED("visually confirmed"),
    FALSE_ALERT("false alert");

    public final String label;

    Designation(String label) {
        this.label = label;
    }

    public boolean confirmed() {
        return this == SEQUENTIALLY_CONFIRMED || this == AUDIBLY_CONFIRMED || this == VISUALLY_CONFIRMED;
    }
}
