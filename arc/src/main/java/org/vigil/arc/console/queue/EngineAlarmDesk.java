package org.vigil.arc.console.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.vigil.arc.handling.AccountHandling;
import org.vigil.arc.handling.AccountState;
import org.vigil.arc.handling.Alarm;
import org.vigil.arc.handling.FilterState;
import org.vigil.arc.handling.HandlingEffect;
import org.vigil.arc.handling.HandlingInput;
import org.vigil.arc.handling.HandlingProfile;
import org.vigil.arc.handling.StepResult;
import org.vigil.arc.handling.StoredSignal;

/**
 * The console's {@link AlarmDesk} over the ARC II engine ({@code org.vigil.arc.handling.AccountHandling}): the
 * imperative shell that holds each account's {@link AccountState}, feeds it stored signals, ticks and operator
 * actions, and shows its alarms. The engine decides; this class only adds what the console needs around it:
 * one handler per alarm, a version per alarm (stale pages), when an alarm was taken and police dispatched, and
 * the display form of each signal (text and raw frame) that the engine does not keep.
 */
public final class EngineAlarmDesk implements AlarmDesk {
    /** The name and address shown for an account; from the account store. */
    public record Site(String name, String address) {}

    private final Map<String, AccountState> states = new HashMap<>();
    private final Map<String, Site> sites = new HashMap<>();
    private final Map<String, AlarmView.Signal> signalDisplay = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, Alarm> lastSeen = new HashMap<>();
    private final Map<String, Instant> takenAt = new HashMap<>();
    private final Map<String, Instant> dispatchedAt = new HashMap<>();
    private final Map<String, String> closedBy = new HashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<HandlingEffect>> effectListeners = new CopyOnWriteArrayList<>();
    /** Per account, the newest store signal id the engine has judged (snapshots; replay skips up to it). */
    private final Map<String, Long> lastSignal = new HashMap<>();
    private HandlingSnapshots snapshots;
    /** Fetched images (org.vigil.arc.images); null: images are only counted, as in engine-only tests. */
    private org.vigil.arc.images.AlarmImages images;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineAlarmDesk.class);

    /** Writes each account's state to {@code s} after every change from now on. */
    public synchronized void persistTo(HandlingSnapshots s) {
        this.snapshots = s;
    }

    /** Shows and serves the images fetched for alarms' signals from now on. */
    public synchronized void images(org.vigil.arc.images.AlarmImages images) {
        this.images = images;
    }

    /**
     * The images of a signal's {@code [V]} link have been fetched (or not): the engine counts them towards the alarm that
     * holds the signal, and a failure is written to the alarm's history.
     */
    public List<HandlingEffect> imagesFetched(String accountId, long storeSignalId, org.vigil.arc.images.FetchOutcome outcome, Instant now) {
        String detail = outcome.status() == org.vigil.arc.images.FetchOutcome.Status.COMPLETE ? ""
                : outcome.status().name().toLowerCase() + ": " + String.join("; ", outcome.problems().stream().limit(3).map(Object::toString).toList());
        return step(accountId, new HandlingInput.ImagesReceived(Long.toString(storeSignalId), outcome.images().size(), detail), now);
    }

    /** The bytes of image {@code imageId} if it belongs to alarm {@code alarmId}. */
    @Override
    public synchronized Optional<AlarmView.ImageBytes> image(String alarmId, String imageId) {
        if (images == null) return Optional.empty();
        Optional<AlarmView> a = find(alarmId);
        if (a.isEmpty() || a.get().images().stream().noneMatch(i -> i.id().equals(imageId))) return Optional.empty();
        return images.content(Long.parseLong(imageId)).map(c -> new AlarmView.ImageBytes(c.contentType(), c.bytes()));
    }

    /** An account's state as loaded from its snapshot, before the account directory is synced. */
    public synchronized void restore(String accountId, AccountState state, long lastSignalId) {
        restore(accountId, state, lastSignalId, Map.of());
    }

    /**
     * An account's state as loaded from its snapshot, with the console's own record of its alarms (page version, when
     * taken, when police were dispatched, who closed it), so a page loaded before the restart is still recognised
     * as stale and the operator sees the same times.
     */
    public synchronized void restore(String accountId, AccountState state, long lastSignalId, Map<String, HandlingSnapshots.AlarmRecord> records) {
        states.put(accountId, state);
        lastSignal.put(accountId, lastSignalId);
        for (Alarm a : state.alarms()) {
            lastSeen.put(a.id(), a);
            HandlingSnapshots.AlarmRecord r = records.get(a.id());
            versions.put(a.id(), r == null ? 1L : r.version());
            if (r != null && r.takenAt() != null) takenAt.put(a.id(), r.takenAt());
            else if (a.takenBy() != null) takenAt.putIfAbsent(a.id(), a.openedAt());
            if (r != null && r.dispatchedAt() != null) dispatchedAt.put(a.id(), r.dispatchedAt());
            if (r != null && r.closedBy() != null) closedBy.put(a.id(), r.closedBy());
        }
    }

    /** The store ids of the signals the restored alarms refer to (to show them as received). */
    public synchronized Set<Long> signalsShownByAlarms() {
        Set<Long> out = new java.util.TreeSet<>();
        for (AccountState s : states.values())
            for (Alarm a : s.alarms()) for (String sid : a.signalIds()) if (storeSignalId(sid) >= 0) out.add(storeSignalId(sid));
        return out;
    }

    /** The display form of a signal judged before a restart. */
    public synchronized void display(String accountId, String signalId, AlarmView.Signal shown) {
        signalDisplay.putIfAbsent(key(accountId, signalId), shown);
    }

    /** The newest store signal id this account's state has seen (0: none). */
    public synchronized long lastSignalId(String accountId) {
        return lastSignal.getOrDefault(accountId, 0L);
    }

    /**
     * Adds or updates an account (profile edited by an administrator). An edited profile goes to the engine as
     * {@link HandlingInput.ProfileChanged}, so a changed police-response record or duress route is decided there.
     */
    public void account(HandlingProfile profile, Site site, Instant now) {
        synchronized (this) {
            sites.put(profile.accountId(), site);
            AccountState s = states.get(profile.accountId());
            if (s == null) {
                AccountState initial = AccountState.initial(profile, now);
                states.put(profile.accountId(), initial);
                if (snapshots != null) save(profile.accountId(), initial, now, List.of());
                return;
            }
            if (s.profile().equals(profile)) return;
        }
        step(profile.accountId(), new HandlingInput.ProfileChanged(profile), now);
    }

    /** The handling profile the engine uses for this account now. */
    public synchronized Optional<HandlingProfile> profile(String accountId) {
        return Optional.ofNullable(states.get(accountId)).map(AccountState::profile);
    }

    public synchronized boolean knows(String accountId) {
        return states.containsKey(accountId);
    }

    /** A signal the receiver has durably stored, with its display form (text and raw frame). */
    public List<HandlingEffect> signal(String accountId, StoredSignal s, AlarmView.Signal display, Instant now) {
        synchronized (this) {
            if (display != null) signalDisplay.put(key(accountId, s.signalId()), display);
        }
        return step(accountId, new HandlingInput.SignalReceived(s), now);
    }

    public List<HandlingEffect> pathFault(String accountId, HandlingInput input, Instant now) {
        return step(accountId, input, now);
    }

    /** Fires due deadlines (filter expiry, schedules, police) on every account. */
    public void tick(Instant now) {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(states.keySet());
        }
        for (String id : ids) step(id, new HandlingInput.Tick(), now);
    }

    /** Every effect the engine emits (for logging and the audit of engine decisions). */
    public void onEffect(Consumer<HandlingEffect> l) {
        effectListeners.add(l);
    }

    private List<HandlingEffect> step(String accountId, HandlingInput input, Instant now) {
        Set<String> changed = new LinkedHashSet<>();
        StepResult r;
        synchronized (this) {
            AccountState s = states.get(accountId);
            if (s == null) return List.of();
            r = AccountHandling.step(s, input, now);
            states.put(accountId, r.state());
            long storeId = input instanceof HandlingInput.SignalReceived sr ? storeSignalId(sr.signal().signalId()) : -1;
            if (storeId > lastSignal.getOrDefault(accountId, 0L)) lastSignal.put(accountId, storeId);
            for (HandlingEffect e : r.effects()) {
                if (e instanceof HandlingEffect.PoliceDispatched pd) dispatchedAt.putIfAbsent(pd.alarmId(), now);
                if (e instanceof HandlingEffect.AlarmClosed ac) closedBy.put(ac.alarmId(), ac.operator());
            }
            for (Alarm a : r.state().alarms()) {
                Alarm before = lastSeen.put(a.id(), a);
                if (!a.equals(before)) {
                    versions.merge(a.id(), 1L, Long::sum);
                    // "Taken at" is the first acceptance (EN 50518 time to take), kept when released and taken again.
                    if (a.takenBy() != null) takenAt.putIfAbsent(a.id(), now);
                    changed.add(a.id());
                }
            }
            if (snapshots != null && (storeId >= 0 || !r.state().equals(s)))
                save(accountId, r.state(), now, changed.stream().map(id -> record(accountId, id)).toList());
        }
        for (HandlingEffect e : r.effects()) for (Consumer<HandlingEffect> l : effectListeners) safe(() -> l.accept(e));
        for (String id : changed) for (Consumer<String> l : listeners) safe(() -> l.accept(id));
        return r.effects();
    }

    private HandlingSnapshots.AlarmRecord record(String accountId, String alarmId) {
        return new HandlingSnapshots.AlarmRecord(alarmId, accountId, versions.getOrDefault(alarmId, 1L), takenAt.get(alarmId),
                dispatchedAt.get(alarmId), closedBy.get(alarmId));
    }

    private void save(String accountId, AccountState state, Instant now, List<HandlingSnapshots.AlarmRecord> alarms) {
        try {
            snapshots.save(accountId, state, lastSignal.getOrDefault(accountId, 0L), now, alarms);
        } catch (java.sql.SQLException | RuntimeException e) {
            // Handling goes on in memory; the next change writes the snapshot again, and replay covers the gap.
            LOG.warn("handling state of account {} not saved: {}", accountId, e.toString());
        }
    }

    /** The store's signal id from the engine's ("123" or "123.2" for the second event of signal 123); -1 if none. */
    static long storeSignalId(String engineSignalId) {
        if (engineSignalId == null) return -1;
        int dot = engineSignalId.indexOf('.');
        try {
            return Long.parseLong(dot < 0 ? engineSignalId : engineSignalId.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // a failing listener (closed SSE stream) must not stop handling
        }
    }

    @Override
    public synchronized List<AlarmView> open() {
        List<AlarmView> out = new ArrayList<>();
        for (AccountState s : states.values()) for (Alarm a : s.openAlarms()) out.add(view(s, a));
        return out;
    }

    @Override
    public synchronized List<AlarmView> closedSince(Instant since) {
        List<AlarmView> out = new ArrayList<>();
        for (AccountState s : states.values())
            for (Alarm a : s.alarms()) if (!a.open() && a.closedAt() != null && !a.closedAt().isBefore(since)) out.add(view(s, a));
        return out;
    }

    @Override
    public synchronized Optional<AlarmView> find(String alarmId) {
        AccountState s = states.get(accountOf(alarmId));
        if (s == null) return Optional.empty();
        return s.alarm(alarmId).map(a -> view(s, a));
    }

    @Override
    public ActionResult act(String alarmId, Actor actor, AlarmCommand cmd, Long expectedVersion, Instant now) {
        String accountId = accountOf(alarmId);
        HandlingInput.OperatorAction input;
        synchronized (this) {
            Optional<AlarmView> found = find(alarmId);
            if (found.isEmpty()) return notFound(alarmId);
            AlarmView a = found.get();
            Optional<ActionResult.Refused> ownership = ownership(a, actor, cmd.kind(), now);
            if (ownership.isPresent()) return ownership.get();
            if (expectedVersion != null && expectedVersion != a.version())
                return new ActionResult.Refused(ActionResult.Reason.STALE, "Alarm " + a.id()
                        + " changed since your page was loaded; reload it and try again. Nothing changed.", "");
            Optional<Alarm> engineAlarm = states.get(accountId).alarm(alarmId);
            int received = engineAlarm.map(Alarm::imagesReceived).orElse(0);
            if (images != null && cmd instanceof AlarmCommand.ViewImage v) {
                AlarmView.Image img = a.images().stream().filter(i -> i.id().equals(v.imageId())).findFirst().orElse(null);
                if (img == null) return new ActionResult.Refused(ActionResult.Reason.NOT_FOUND,
                        "Alarm " + a.id() + " has no image " + v.imageId() + ". Nothing changed.", Rules7_2_1);
                try {
                    images.markViewed(Long.parseLong(img.id()), signalOf(a, img), actor.username(), now);
                } catch (java.sql.SQLException e) {
                    return new ActionResult.Refused(ActionResult.Reason.NOT_ALLOWED, "The view could not be recorded (" + e.getMessage() + "). Try again.", Rules7_2_1);
                }
                // The engine counts what this operator has viewed (never more than it knows were received).
                int mine = viewedBy(find(alarmId).orElseThrow(), actor.username());
                input = new HandlingInput.ImagesViewed(actor.username(), alarmId, Math.min(mine, received));
            } else if (images != null && cmd instanceof AlarmCommand.DesignateVisual && !a.images().isEmpty()
                    && viewedBy(a, actor.username()) < a.images().size()) {
                return new ActionResult.Refused(ActionResult.Reason.NOT_ALLOWED, "You have viewed " + viewedBy(a, actor.username()) + " of "
                        + a.images().size() + " images; view every image before designating visually confirmed. Nothing changed.", Rules7_2_1);
            } else {
                input = toEngine(actor, alarmId, cmd, received);
            }
            if (input == null) return new ActionResult.Refused(ActionResult.Reason.NOT_ALLOWED,
                    cmd.kind().label + " is not an action of the handling engine.", ActionRules.ONE_HANDLER);
        }
        List<HandlingEffect> effects = step(accountId, input, now);
        for (HandlingEffect e : effects) {
            if (e instanceof HandlingEffect.ActionRefused r)
                return new ActionResult.Refused(ActionResult.Reason.NOT_ALLOWED, capitalise(r.reason()) + ". Nothing changed.", r.rule());
        }
        String rule = effects.stream().filter(e -> !(e instanceof HandlingEffect.DecisionLogged)).map(HandlingEffect::rule)
                .findFirst().orElseGet(() -> effects.isEmpty() ? ActionRules.ruleFor(cmd.kind(), find(alarmId).orElseThrow()) : effects.get(0).rule());
        return new ActionResult.Done(find(alarmId).orElseThrow(), rule);
    }

    private static final String Rules7_2_1 = "BS8243 7.2.1";

    private static int viewedBy(AlarmView a, String operator) {
        return (int) a.images().stream().filter(i -> i.viewedBy(operator)).count();
    }

    /** The store signal id of a shown image (kept in its url: /console/alarms/{alarm}/images/{id}?signal={signal}). */
    private static long signalOf(AlarmView a, AlarmView.Image img) {
        int q = img.url().indexOf("?signal=");
        return q < 0 ? -1 : Long.parseLong(img.url().substring(q + "?signal=".length()));
    }

    /** The console's part of the rules: the engine checks the standards, the console who may touch the alarm. */
    private static Optional<ActionResult.Refused> ownership(AlarmView a, Actor actor, ActionKind k, Instant now) {
        Optional<ActionResult.Refused> r = ActionRules.check(a, actor, k, now);
        if (r.isEmpty()) return r;
        ActionResult.Reason reason = r.get().reason();
        // Leave content rules (designations, police, images) to the engine so its reason and rule are shown.
        return reason == ActionResult.Reason.CLOSED || reason == ActionResult.Reason.HELD_BY_OTHER
                || (k != ActionKind.TAKE && a.heldBy() == null) || k == ActionKind.TAKE || k == ActionKind.RELEASE ? r : Optional.empty();
    }

    /**
     * An alarm the desk no longer holds: closed long ago (only the last closed alarms of an account are kept) or never
     * existed. The console's record in the store tells the first from the second, so a stale page gets "closed".
     */
    private ActionResult.Refused notFound(String alarmId) {
        if (snapshots != null) {
            try {
                Optional<HandlingSnapshots.AlarmRecord> r = snapshots.alarm(alarmId);
                if (r.isPresent() && r.get().closedBy() != null)
                    return new ActionResult.Refused(ActionResult.Reason.CLOSED, "Alarm " + alarmId + " was closed by " + r.get().closedBy()
                            + "; nothing changed.", "BS9518: a closed alarm is evidence and is not changed");
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.debug("record of alarm {} not read: {}", alarmId, e.toString());
            }
        }
        return new ActionResult.Refused(ActionResult.Reason.NOT_FOUND, "No alarm " + alarmId + ".", "");
    }

    private static HandlingInput.OperatorAction toEngine(Actor actor, String id, AlarmCommand cmd, int imagesReceived) {
        String op = actor.username();
        return switch (cmd) {
            case AlarmCommand.Take t -> new HandlingInput.TakeAlarm(op, id);
            case AlarmCommand.Release r -> new HandlingInput.ReleaseAlarm(op, id,
                    actor.role().atLeast(org.vigil.arc.console.auth.Role.SUPERVISOR));
            case AlarmCommand.RecordListenIn l -> new HandlingInput.RecordListenIn(op, id, l.seconds());
            case AlarmCommand.RecordCallback c -> new HandlingInput.RecordCallBackOutcome(op, id,
                    HandlingInput.CallBackOutcome.valueOf(c.outcome().engineName));
            case AlarmCommand.DesignateAudible d -> new HandlingInput.DesignateAudiblyConfirmed(op, id);
            case AlarmCommand.DesignateVisual d -> new HandlingInput.DesignateVisuallyConfirmed(op, id);
            case AlarmCommand.ContraryIndication c -> new HandlingInput.RecordContraryIndication(op, id, c.note());
            case AlarmCommand.DispatchPolice d -> new HandlingInput.DispatchPolice(op, id);
            case AlarmCommand.InformKeyholder k -> new HandlingInput.InformKeyholder(op, id, k.keyholder(), k.reached());
            case AlarmCommand.Close c -> new HandlingInput.CloseAlarm(op, id,
                    org.vigil.arc.handling.CloseCause.valueOf(c.cause().name()), c.note());
            // The engine counts viewed images, it does not name them: viewing is recorded for all received so far.
            case AlarmCommand.ViewImage v -> new HandlingInput.ImagesViewed(op, id, imagesReceived);
        };
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String accountOf(String alarmId) {
        int i = alarmId.lastIndexOf('-');
        return i < 0 ? alarmId : alarmId.substring(0, i);
    }

    private static String key(String accountId, String signalId) {
        return accountId + "\u0000" + signalId;
    }

    private AlarmView view(AccountState s, Alarm a) {
        HandlingProfile p = s.profile();
        Site site = sites.getOrDefault(p.accountId(), new Site(p.accountId(), ""));
        AlarmKind kind = switch (a.designation().type()) {
            case HOLD_UP -> a.duress() || a.designation().duress() ? AlarmKind.DURESS : AlarmKind.HOLD_UP;
            case INTRUDER -> AlarmKind.INTRUDER;
            case TAMPER -> AlarmKind.TAMPER;
            case TECHNICAL -> AlarmKind.TECHNICAL;
        };
        Designation d = a.designation().falseAlert() ? Designation.FALSE_ALERT : switch (a.designation().confirmation()) {
            case UNCONFIRMED -> Designation.UNCONFIRMED;
            case SEQUENTIAL -> Designation.SEQUENTIALLY_CONFIRMED;
            case AUDIBLE -> Designation.AUDIBLY_CONFIRMED;
            case VISUAL -> Designation.VISUALLY_CONFIRMED;
            case CALL_BACK -> Designation.CALL_BACK_CONFIRMED;
            case TRANSMISSION_FAULT -> Designation.TRANSMISSION_FAULT_CONFIRMED;
        };
        String dRule = a.history().isEmpty() ? "" : a.history().get(a.history().size() - 1).rule();
        for (int i = a.history().size() - 1; i >= 0; i--) {
            String text = a.history().get(i).text().toLowerCase();
            if (text.contains("confirm") || text.contains("designat") || text.contains("opened")) {
                dRule = a.history().get(i).rule();
                break;
            }
        }
        org.vigil.arc.handling.PoliceResponse pr = s.response(a.policeKind());
        boolean duressNoPolice = a.duressOnly() && p.duressRoute() == org.vigil.arc.handling.DuressRoute.ARC_AND_KEYHOLDERS;
        PoliceStatus.Response resp = pr.status() == org.vigil.arc.handling.PoliceResponse.Status.NO_URN ? PoliceStatus.Response.NONE
                : duressNoPolice ? PoliceStatus.Response.NOT_FOR_DURESS
                : pr.available() ? PoliceStatus.Response.ACTIVE : PoliceStatus.Response.WITHDRAWN;
        PoliceStatus police = new PoliceStatus(pr.urn(), resp, a.policeDispatched() ? dispatchedAt.getOrDefault(a.id(), a.openedAt()) : null,
                pr.status().name());
        List<AlarmView.Signal> signals = new ArrayList<>();
        List<AlarmView.Zone> zones = new ArrayList<>();
        for (String sid : a.signalIds()) {
            AlarmView.Signal shown = signalDisplay.get(key(p.accountId(), sid));
            AlarmView.Signal sig = shown != null ? shown : new AlarmView.Signal(a.openedAt(), "", "signal " + sid, "", "", "");
            signals.add(sig);
            if (sig.zone() != null && !sig.zone().isBlank() && zones.stream().noneMatch(z -> z.number().equals(sig.zone())))
                zones.add(new AlarmView.Zone(sig.zone(), "", sig.code(), sig.description()));
        }
        List<AlarmView.Keyholder> keyholders = new ArrayList<>();
        int n = 1;
        for (HandlingProfile.Keyholder k : p.keyholders()) keyholders.add(new AlarmView.Keyholder(n++, k.name(), k.phone()));
        List<AlarmView.Image> images = new ArrayList<>();
        List<AlarmView.ImageFetch> fetches = new ArrayList<>();
        if (this.images != null) {
            Set<Long> storeIds = new java.util.TreeSet<>();
            for (String sid : a.signalIds()) if (storeSignalId(sid) >= 0) storeIds.add(storeSignalId(sid));
            org.vigil.arc.images.AlarmImages.Shown shown = this.images.shown(storeIds);
            for (org.vigil.arc.images.ImageArchive.Image img : shown.images()) {
                List<Map.Entry<String, Instant>> viewers = new ArrayList<>(img.viewers().entrySet());
                viewers.sort(Map.Entry.comparingByValue());
                images.add(new AlarmView.Image(Long.toString(img.id()), img.fetchedAt(),
                        img.name() + " (" + img.contentType() + ", " + img.size() + " bytes, signal " + img.signalId() + ")",
                        "/console/alarms/" + a.id() + "/images/" + img.id() + "?signal=" + img.signalId(),
                        viewers.isEmpty() ? null : String.join(", ", viewers.stream().map(Map.Entry::getKey).toList()),
                        viewers.isEmpty() ? null : viewers.get(0).getValue()));
            }
            for (org.vigil.arc.images.ImageArchive.Fetch f : shown.fetches()) {
                int count = (int) shown.images().stream().filter(i -> i.fetchId() == f.id()).count();
                fetches.add(new AlarmView.ImageFetch(f.link(), f.status(), f.detail(), count));
            }
        } else {
            for (int i = 1; i <= a.imagesReceived(); i++) {
                boolean viewed = i <= a.imagesViewed();
                images.add(new AlarmView.Image("image-" + i, null, "image " + i + " (content kept by the site's video system)", "",
                        viewed ? "operator" : null, viewed ? a.openedAt() : null));
            }
        }
        List<AlarmView.Step> history = a.history().stream()
                .map(dec -> new AlarmView.Step(dec.at(), "", dec.text(), "", dec.rule())).toList();
        boolean closed = !a.open();
        CloseCause cause = a.closeCause() == null ? (a.status() == Alarm.Status.CANCELLED_FALSE_ALERT ? CloseCause.FALSE_ALERT : null)
                : CloseCause.valueOf(a.closeCause().name());
        return new AlarmView(a.id(), p.accountId(), site.name(), site.address(), kind, d, dRule, a.priority().ordinal() + 1,
                a.openedAt(), a.filter() == FilterState.RUNNING ? a.filterUntil() : null, police, a.takenBy(), takenAt.get(a.id()),
                closed ? AlarmView.State.CLOSED : AlarmView.State.OPEN, a.closedAt(), closed ? closedBy.getOrDefault(a.id(), "engine") : null,
                cause, versions.getOrDefault(a.id(), 1L), signals, zones, keyholders, p.callBack().steps(), images, history,
                s.tasks().stream().filter(t -> t.alarmId().equals(a.id()))
                        .map(t -> new AlarmView.Task(t.id(), t.kind().name().toLowerCase().replace('_', ' '), t.status().name(), t.rule(),
                                t.instructions(), t.outcome())).toList(), fetches);
    }

    @Override
    public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }
}
