package org.vigil.arc.console.queue;

/** Outcome of an operator action: done (with the rule that allowed it) or refused with a reason; refused changes nothing. */
public sealed interface ActionResult {
    record Done(AlarmView alarm, String rule) implements ActionResult {}

    record Refused(Reason reason, String message, String rule) implements ActionResult {}

    enum Reason {
        NOT_FOUND(404), HELD_BY_OTHER(409), CLOSED(409), STALE(409), NOT_ALLOWED(409), FORBIDDEN(403), INVALID(400);

        public final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }
}
