package org.vigil.arc.console.accounts;

import java.time.Instant;
import java.util.List;
import org.vigil.arc.handling.DuressRoute;

/**
 * A monitored site as the console edits it. The encryption key is write-only from the console: it is shown as
 * "set" with its form and length, never echoed back. {@code duressRoute}: whether duress alarms are offered to the
 * police or go to the ARC and keyholders only.
 */
public record Account(
        String accountId, String receiverPrefix, String name, String address,
        KeyForm keyForm, String key,
        List<Path> paths, List<Schedule> schedules, List<Keyholder> keyholders,
        String urnIntruder, String urnHoldUp, boolean policeResponseWithdrawn, String responsePlan,
        long version, DuressRoute duressRoute) {

    public Account {
        duressRoute = duressRoute == null ? DuressRoute.DEFAULT : duressRoute;
    }

    /** An account with the default duress route (ARC and keyholders, {@link DuressRoute#DEFAULT}). */
    public Account(String accountId, String receiverPrefix, String name, String address, KeyForm keyForm, String key,
            List<Path> paths, List<Schedule> schedules, List<Keyholder> keyholders, String urnIntruder, String urnHoldUp,
            boolean policeResponseWithdrawn, String responsePlan, long version) {
        this(accountId, receiverPrefix, name, address, keyForm, key, paths, schedules, keyholders, urnIntruder, urnHoldUp,
                policeResponseWithdrawn, responsePlan, version, DuressRoute.DEFAULT);
    }

    public enum KeyForm { NONE, HEX, ASCII }

    /** A transmission path and its supervision interval (seconds between polls the ARC expects). */
    public record Path(String name, int supervisionSeconds) {}

    /** Agreed set/unset times, e.g. days "Mon-Fri", set "18:00", unset "07:30". */
    public record Schedule(String days, String setTime, String unsetTime) {}

    public record Keyholder(String name, String phone) {}

    public String keyDescription() {
        if (keyForm == KeyForm.NONE || key == null || key.isEmpty()) return "no encryption";
        int bits = (keyForm == KeyForm.HEX ? key.length() / 2 : key.length()) * 8;
        return "AES-" + bits + " key set (" + keyForm.name().toLowerCase() + ")";
    }

    /** Supervision of one path as seen by the receiver. */
    public record PathStatus(String path, Instant lastSeen, boolean failed) {}
}
