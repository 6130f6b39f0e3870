package org.vigil.arc.console.queue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.arc.console.auth.Role;

/**
 * When each operator action is allowed. Pure: (alarm, actor, action, now) -> refusal or nothing. Every refusal
 * names the rule behind it so the operator sees why a button is disabled.
 */
public final class ActionRules {
    public static final String ONE_HANDLER = "Vigil console: one operator handles an alarm at a time";

    private ActionRules() {}

    public static Set<ActionKind> allowed(AlarmView a, Actor actor, Instant now) {
        Set<ActionKind> out = EnumSet.noneOf(ActionKind.class);
        for (ActionKind k : ActionKind.values()) if (check(a, actor, k, now).isEmpty()) out.add(k);
        return out;
    }

    /** The rule that allows the action, for the audit trail and the alarm history. */
    public static String ruleFor(ActionKind k, AlarmView a) {
        return switch (k) {
            case TAKE, RELEASE -> ONE_HANDLER;
            case RECORD_CALLBACK -> "BS8243 7.4";
            case RECORD_LISTEN_IN -> "BS8243 7.1.1";
            case DESIGNATE_AUDIBLE -> "BS8243 7.1.2";
            case DESIGNATE_VISUAL -> "BS8243 7.2.2";
            case CONTRARY_INDICATION -> "BS8243 7.5.3";
            case DISPATCH_POLICE -> a.kind() == AlarmKind.INTRUDER || a.kind() == AlarmKind.TAMPER
                    ? "NPCC policy: police response to confirmed intruder alarms" : "NPCC policy: hold-up alarms get police response";
            case INFORM_KEYHOLDER -> "BS8243 Annex A: keyholder procedure";
            case CLOSE -> "BS9518: alarm closed with a cause";
            case VIEW_IMAGE -> "BS8243 7.2.1";
        };
    }

    public static Optional<ActionResult.Refused> check(AlarmView a, Actor actor, ActionKind k, Instant now) {
        if (!a.open()) {
            return refuse(ActionResult.Reason.CLOSED, "Alarm " + a.id() + " was closed" + (a.closedBy() == null ? "" : " by " + a.closedBy())
                    + "; nothing changed.", "BS9518: a closed alarm is evidence and is not changed");
        }
        boolean mine = actor.username().equals(a.heldBy());
        switch (k) {
            case TAKE -> {
                if (mine) return refuse(ActionResult.Reason.NOT_ALLOWED, "You already hold alarm " + a.id() + ".", ONE_HANDLER);
                if (a.heldBy() != null) return heldByOther(a);
                return Optional.empty();
            }
            case RELEASE -> {
                if (a.heldBy() == null) return refuse(ActionResult.Reason.NOT_ALLOWED, "Nobody holds alarm " + a.id() + ".", ONE_HANDLER);
                if (!mine && !actor.role().atLeast(Role.SUPERVISOR)) return heldByOther(a);
                return Optional.empty();
            }
            case VIEW_IMAGE -> {
                if (a.images().isEmpty()) return refuse(ActionResult.Reason.NOT_ALLOWED, "This alarm has no images.", "BS8243 7.2.1");
                return Optional.empty();
            }
            default -> { }
        }
        if (a.heldBy() == null) return refuse(ActionResult.Reason.NOT_ALLOWED, "Take alarm " + a.id() + " before acting on it.", ONE_HANDLER);
        if (!mine) return heldByOther(a);
        return switch (k) {
            case DESIGNATE_AUDIBLE -> a.designation() == Designation.UNCONFIRMED ? Optional.empty()
                    : refuse(ActionResult.Reason.NOT_ALLOWED, "Already designated " + a.designation().label + ".", "BS8243 7.1.2");
            case DESIGNATE_VISUAL -> {
                if (a.designation() != Designation.UNCONFIRMED)
                    yield refuse(ActionResult.Reason.NOT_ALLOWED, "Already designated " + a.designation().label + ".", "BS8243 7.2.2");
                if (a.images().isEmpty())
                    yield refuse(ActionResult.Reason.NOT_ALLOWED, "No images were received for this alarm.", "BS8243 7.2.2");
                if (!a.allImagesViewed())
                    yield refuse(ActionResult.Reason.NOT_ALLOWED, "View every image before designating visually confirmed.", "BS8243 7.2.1");
                yield Optional.empty();
            }
            case CONTRARY_INDICATION -> a.kind() == AlarmKind.INTRUDER || a.kind() == AlarmKind.TAMPER ? Optional.empty()
                    : refuse(ActionResult.Reason.NOT_ALLOWED, "Contrary indications apply to intruder alarms under filtering.", "BS8243 7.5.3");
            case DISPATCH_POLICE -> dispatchCheck(a, now);
            default -> Optional.empty();
        };
    }

    private static Optional<ActionResult.Refused> dispatchCheck(AlarmView a, Instant now) {
        PoliceStatus p = a.police();
        if (p.dispatchedAt() != null) return refuse(ActionResult.Reason.NOT_ALLOWED, "Police already dispatched.", "NPCC policy");
        if (p.response() == PoliceStatus.Response.NONE)
            return refuse(ActionResult.Reason.NOT_ALLOWED, "The account has no police URN: keyholder response only.", "NPCC policy: URN required for police response");
        if (p.response() == PoliceStatus.Response.NOT_FOR_DURESS)
            return refuse(ActionResult.Reason.NOT_ALLOWED, "Duress alarms of this account go to the ARC and keyholders only: police are not called.",
                    org.vigil.arc.handling.Rules.DURESS_ROUTE);
        if (p.response() == PoliceStatus.Response.WITHDRAWN)
            return refuse(ActionResult.Reason.NOT_ALLOWED, "Police response for URN " + p.urn() + " is withdrawn.", "NPCC policy: withdrawn response");
        boolean intruder = a.kind() == AlarmKind.INTRUDER || a.kind() == AlarmKind.TAMPER;
        if (intruder && !a.designation().confirmed())
            return refuse(ActionResult.Reason.NOT_ALLOWED, "Unconfirmed intruder alarms get no police response.", "NPCC policy / DD243 6.1");
        if (intruder && a.filterSecondsLeft(now) > 0 && a.designation() == Designation.SEQUENTIALLY_CONFIRMED)
            return refuse(ActionResult.Reason.NOT_ALLOWED, "The 120 s filter is still running (" + a.filterSecondsLeft(now) + " s left).", "BS8243 7.5.3");
        return Optional.empty();
    }

    private static Optional<ActionResult.Refused> heldByOther(AlarmView a) {
        return refuse(ActionResult.Reason.HELD_BY_OTHER, "Alarm " + a.id() + " is held by " + a.heldBy() + "; nothing changed.", ONE_HANDLER);
    }

    private static Optional<ActionResult.Refused> refuse(ActionResult.Reason r, String msg, String rule) {
        return Optional.of(new ActionResult.Refused(r, msg, rule));
    }
}
