package org.vigil.arc.console.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the console needs from alarm handling. {@link InMemoryAlarmDesk} is the stand-in used until the ARC II
 * engine is wired; an adapter over {@code org.vigil.arc.handling} implements the same interface.
 */
public interface AlarmDesk {
    /** Open alarms, in no particular order (the console orders them). */
    List<AlarmView> open();

    /** Alarms closed at or after {@code since}, for statistics. */
    List<AlarmView> closedSince(Instant since);

    Optional<AlarmView> find(String alarmId);

    /**
     * Applies the command if the rules allow it. {@code expectedVersion} (nullable) is the version the operator's
     * page showed: a different one means the page is stale and nothing changes.
     */
    ActionResult act(String alarmId, Actor actor, AlarmCommand command, Long expectedVersion, Instant now);

    /** Which actions the rules allow this actor right now (drives which buttons are enabled). */
    default java.util.Set<ActionKind> allowed(AlarmView alarm, Actor actor, Instant now) {
        return ActionRules.allowed(alarm, actor, now);
    }

    /** The bytes of an image of the alarm, for the console to serve; empty when there is no such image. */
    default Optional<AlarmView.ImageBytes> image(String alarmId, String imageId) {
        return Optional.empty();
    }

    /** Called with the alarm id after every change, from any thread. */
    void subscribe(Consumer<String> listener);
}
