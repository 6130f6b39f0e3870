package org.vigil.arc.console.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A self-contained alarm desk: holds alarms in memory and applies {@link ActionRules}. Used by the console's
 * tests and as the stand-in until the ARC II handling engine is wired behind {@link AlarmDesk}.
 */
public final class InMemoryAlarmDesk implements AlarmDesk {
    private final Map<String, AlarmView> alarms = new LinkedHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private int nextId = 1;

    /** A new alarm as the receiver/engine would raise it. */
    public record NewAlarm(String accountId, String siteName, String siteAddress, AlarmKind kind, Designation designation,
                           String designationRule, Instant filterUntil, PoliceStatus police,
                           List<AlarmView.Signal> signals, List<AlarmView.Zone> zones, List<AlarmView.Keyholder> keyholders,
                           List<String> callbackProcedure, List<AlarmView.Image> images) {}

    public static int priorityOf(AlarmKind kind, Designation d) {
        return switch (kind) {
            case DURESS -> 1;
            case HOLD_UP -> d.confirmed() ? 1 : 2;
            case INTRUDER -> d.confirmed() ? 3 : 4;
            case TAMPER -> 5;
            case TECHNICAL -> 6;
        };
    }

    public AlarmView raise(NewAlarm n, Instant now) {
        AlarmView a;
        synchronized (this) {
            String id = "A" + (nextId++);
            a = new AlarmView(id, n.accountId(), n.siteName(), n.siteAddress(), n.kind(), n.designation(), n.designationRule(),
                    priorityOf(n.kind(), n.designation()), now, n.filterUntil(), n.police(), null, null, AlarmView.State.OPEN,
                    null, null, null, 1, List.copyOf(n.signals()), List.copyOf(n.zones()), List.copyOf(n.keyholders()),
                    List.copyOf(n.callbackProcedure()), List.copyOf(n.images()),
                    List.of(new AlarmView.Step(now, "system", "raised", n.kind().label + ", " + n.designation().label,
                            n.designationRule())), List.of());
            alarms.put(id, a);
        }
        notifyListeners(a.id());
        return a;
    }

    /** A later signal for the same alarm (e.g. a second detector confirming it). */
    public Optional<AlarmView> addSignal(String alarmId, AlarmView.Signal s, Designation newDesignation, String rule, Instant now) {
        AlarmView updated;
        synchronized (this) {
            AlarmView a = alarms.get(alarmId);
            if (a == null) return Optional.empty();
            List<AlarmView.Signal> signals = new ArrayList<>(a.signals());
            signals.add(s);
            Designation d = newDesignation == null ? a.designation() : newDesignation;
            updated = copy(a, a.heldBy(), a.takenAt(), a.state(), a.closedAt(), a.closedBy(), a.closeCause(), d,
                    newDesignation == null ? a.designationRule() : rule, a.police(), signals, a.images(),
                    step(a, now, "system", "signal " + s.code(), s.description(), rule));
            alarms.put(alarmId, updated);
        }
        notifyListeners(alarmId);
        return Optional.of(updated);
    }

    @Override
    public synchronized List<AlarmView> open() {
        return alarms.values().stream().filter(AlarmView::open).toList();
    }

    @Override
    public synchronized List<AlarmView> closedSince(Instant since) {
        return alarms.values().stream().filter(a -> !a.open() && !a.closedAt().isBefore(since)).toList();
    }

    @Override
    public synchronized Optional<AlarmView> find(String alarmId) {
        return Optional.ofNullable(alarms.get(alarmId));
    }

    @Override
    public ActionResult act(String alarmId, Actor actor, AlarmCommand cmd, Long expectedVersion, Instant now) {
        ActionResult result;
        synchronized (this) {
            AlarmView a = alarms.get(alarmId);
            if (a == null) return new ActionResult.Refused(ActionResult.Reason.NOT_FOUND, "No alarm " + alarmId + ".", "");
            Optional<ActionResult.Refused> refused = ActionRules.check(a, actor, cmd.kind(), now);
            if (refused.isPresent()) return refused.get();
            if (expectedVersion != null && expectedVersion != a.version()) {
                return new ActionResult.Refused(ActionResult.Reason.STALE, "Alarm " + a.id()
                        + " changed since your page was loaded; reload it and try again. Nothing changed.", "");
            }
            String rule = ActionRules.ruleFor(cmd.kind(), a);
            AlarmView u = apply(a, actor, cmd, rule, now);
            alarms.put(alarmId, u);
            result = new ActionResult.Done(u, rule);
        }
        notifyListeners(alarmId);
        return result;
    }

    private AlarmView apply(AlarmView a, Actor actor, AlarmCommand cmd, String rule, Instant now) {
        String who = actor.username();
        return switch (cmd) {
            case AlarmCommand.Take t -> copy(a, who, now, a.state(), null, null, null, a.designation(), a.designationRule(),
                    a.police(), a.signals(), a.images(), step(a, now, who, "taken", "", rule));
            case AlarmCommand.Release r -> copy(a, null, a.takenAt(), a.state(), null, null, null, a.designation(), a.designationRule(),
                    a.police(), a.signals(), a.images(), step(a, now, who, "released", a.heldBy().equals(who) ? "" : "from " + a.heldBy(), rule));
            case AlarmCommand.RecordCallback c -> same(a, step(a, now, who, "call-back", c.outcome().label + note(c.note()), rule));
            case AlarmCommand.RecordListenIn l -> same(a, step(a, now, who, "listen-in", l.seconds() + " s" + note(l.note()), rule));
            case AlarmCommand.DesignateAudible d -> copy(a, a.heldBy(), a.takenAt(), a.state(), null, null, null,
                    Designation.AUDIBLY_CONFIRMED, rule, a.police(), a.signals(), a.images(),
                    step(a, now, who, "designated audibly confirmed", note(d.note()), rule));
            case AlarmCommand.DesignateVisual d -> copy(a, a.heldBy(), a.takenAt(), a.state(), null, null, null,
                    Designation.VISUALLY_CONFIRMED, rule, a.police(), a.signals(), a.images(),
                    step(a, now, who, "designated visually confirmed", note(d.note()), rule));
            case AlarmCommand.ContraryIndication c -> same(a, step(a, now, who, "contrary indication", note(c.note()), rule));
            case AlarmCommand.DispatchPolice d -> copy(a, a.heldBy(), a.takenAt(), a.state(), null, null, null, a.designation(),
                    a.designationRule(), a.police().dispatched(now), a.signals(), a.images(),
                    step(a, now, who, "police dispatched", "URN " + a.police().urn() + note(d.note()), rule));
            case AlarmCommand.InformKeyholder k -> same(a, step(a, now, who, k.reached() ? "keyholder informed" : "keyholder not reached", k.keyholder() + note(k.note()), rule));
            case AlarmCommand.Close c -> copy(a, a.heldBy(), a.takenAt(), AlarmView.State.CLOSED, now, who, c.cause(),
                    a.designation(), a.designationRule(), a.police(), a.signals(), a.images(),
                    step(a, now, who, "closed", c.cause().label + note(c.note()), rule));
            case AlarmCommand.ViewImage v -> {
                List<AlarmView.Image> imgs = a.images().stream()
                        .map(i -> i.id().equals(v.imageId()) && !i.viewed()
                                ? new AlarmView.Image(i.id(), i.capturedAt(), i.caption(), i.url(), who, now) : i)
                        .toList();
                yield copy(a, a.heldBy(), a.takenAt(), a.state(), null, null, null, a.designation(), a.designationRule(),
                        a.police(), a.signals(), imgs, step(a, now, who, "image viewed", v.imageId(), rule));
            }
        };
    }

    private static String note(String n) {
        return n == null || n.isBlank() ? "" : ": " + n;
    }

    private static List<AlarmView.Step> step(AlarmView a, Instant now, String who, String action, String detail, String rule) {
        List<AlarmView.Step> h = new ArrayList<>(a.history());
        h.add(new AlarmView.Step(now, who, action, detail, rule));
        return List.copyOf(h);
    }

    private static AlarmView same(AlarmView a, List<AlarmView.Step> history) {
        return copy(a, a.heldBy(), a.takenAt(), a.state(), a.closedAt(), a.closedBy(), a.closeCause(), a.designation(),
                a.designationRule(), a.police(), a.signals(), a.images(), history);
    }

    private static AlarmView copy(AlarmView a, String heldBy, Instant takenAt, AlarmView.State state, Instant closedAt,
                                  String closedBy, CloseCause cause, Designation d, String dRule, PoliceStatus police,
                                  List<AlarmView.Signal> signals, List<AlarmView.Image> images, List<AlarmView.Step> history) {
        // Time to take is measured from the first take: a release and re-take keeps the original.
        Instant taken = a.takenAt() != null && takenAt != null ? a.takenAt() : takenAt;
        return new AlarmView(a.id(), a.accountId(), a.siteName(), a.siteAddress(), a.kind(), d, dRule,
                priorityOf(a.kind(), d), a.raisedAt(), a.filterUntil(), police, heldBy, taken, state, closedAt, closedBy,
                cause, a.version() + 1, List.copyOf(signals), a.zones(), a.keyholders(), a.callbackProcedure(),
                List.copyOf(images), history, a.tasks());
    }

    @Override
    public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void notifyListeners(String id) {
        for (Consumer<String> l : listeners) {
            try {
                l.accept(id);
            } catch (RuntimeException e) {
                // a broken listener (e.g. a closed SSE stream) must not stop the others
            }
        }
    }
}
