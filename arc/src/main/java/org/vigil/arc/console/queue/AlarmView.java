package org.vigil.arc.console.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the console shows about one alarm. Produced by an {@link AlarmDesk}; immutable; {@code version}
 * increases with every change so a stale page can be detected.
 */
public record AlarmView(
        String id, String accountId, String siteName, String siteAddress,
        AlarmKind kind, Designation designation, String designationRule, int priority,
        Instant raisedAt, Instant filterUntil, PoliceStatus police,
        String heldBy, Instant takenAt, State state, Instant closedAt, String closedBy, CloseCause closeCause,
        long version,
        List<Signal> signals, List<Zone> zones, List<Keyholder> keyholders, List<String> callbackProcedure,
        List<Image> images, List<Step> history, List<Task> tasks, List<ImageFetch> imageFetches) {

    public AlarmView(
            String id, String accountId, String siteName, String siteAddress,
            AlarmKind kind, Designation designation, String designationRule, int priority,
            Instant raisedAt, Instant filterUntil, PoliceStatus police,
            String heldBy, Instant takenAt, State state, Instant closedAt, String closedBy, CloseCause closeCause,
            long version,
            List<Signal> signals, List<Zone> zones, List<Keyholder> keyholders, List<String> callbackProcedure,
            List<Image> images, List<Step> history, List<Task> tasks) {
        this(id, accountId, siteName, siteAddress, kind, designation, designationRule, priority, raisedAt, filterUntil, police, heldBy,
                takenAt, state, closedAt, closedBy, closeCause, version, signals, zones, keyholders, callbackProcedure, images, history, tasks,
                List.of());
    }

    public enum State { OPEN, CLOSED }

    /** A received signal; {@code rawFrame} is the DC-09 frame as received (shown on demand). */
    public record Signal(Instant receivedAt, String code, String description, String zone, String path, String rawFrame) {}

    public record Zone(String number, String name, String device, String state) {}

    public record Keyholder(int order, String name, String phone) {}

    /**
     * An image for visual confirmation; {@code url} may be a data: URI. {@code viewedBy}: the operators who viewed it
     * (comma separated, first viewer first), null when nobody has; {@code viewedAt}: the first view.
     */
    public record Image(String id, Instant capturedAt, String caption, String url, String viewedBy, Instant viewedAt) {
        public boolean viewed() {
            return viewedBy != null;
        }

        /** Whether {@code operator} is among those who viewed it (per-operator tracking, BS8243 7.2.1). */
        public boolean viewedBy(String operator) {
            if (viewedBy == null || operator == null) return false;
            for (String v : viewedBy.split(",")) if (v.strip().equals(operator)) return true;
            return false;
        }
    }

    /**
     * One image link ({@code [V]}) of the alarm's signals and how fetching it went: PENDING, COMPLETE, INCOMPLETE
     * (fewer than three images, or some failed), FAILED or MALFORMED; {@code detail} names the problems.
     */
    public record ImageFetch(String link, String status, String detail, int images) {
        public boolean complete() {
            return "COMPLETE".equals(status);
        }
    }

    /** The bytes of a stored image and their (sniffed) type, to serve to a logged-in operator. */
    public record ImageBytes(String contentType, byte[] bytes) {}

    /** Work the engine asks of the operator (call-back, inform keyholder), with the rule behind it. */
    public record Task(String id, String kind, String status, String rule, List<String> instructions, String outcome) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** One thing that happened to the alarm, with the rule that allowed or made it. */
    public record Step(Instant at, String actor, String action, String detail, String rule) {}

    public boolean open() {
        return state == State.OPEN;
    }

    /** Seconds left in the 120 s filter at {@code now}; 0 when over or not filtered. */
    public long filterSecondsLeft(Instant now) {
        if (filterUntil == null || !now.isBefore(filterUntil)) return 0;
        return Math.max(0, Duration.between(now, filterUntil).toSeconds() + (Duration.between(now, filterUntil).toMillisPart() > 0 ? 1 : 0));
    }

    public boolean allImagesViewed() {
        return images.stream().allMatch(Image::viewed);
    }
}
