package org.vigil.arc.console.accounts;

import java.util.List;

/** Raw account fields as typed by an administrator (form) or sent to the API (JSON), before validation. */
public record AccountInput(
        String accountId, String receiverPrefix, String name, String address, String keyForm, String key,
        List<Account.Path> paths, List<Account.Schedule> schedules, List<Account.Keyholder> keyholders,
        String urnIntruder, String urnHoldUp, boolean policeResponseWithdrawn, String responsePlan, String duressRoute) {

    /** Without a duress route: a new account gets POLICE, an edited one keeps its own. */
    public AccountInput(String accountId, String receiverPrefix, String name, String address, String keyForm, String key,
            List<Account.Path> paths, List<Account.Schedule> schedules, List<Account.Keyholder> keyholders,
            String urnIntruder, String urnHoldUp, boolean policeResponseWithdrawn, String responsePlan) {
        this(accountId, receiverPrefix, name, address, keyForm, key, paths, schedules, keyholders, urnIntruder, urnHoldUp,
                policeResponseWithdrawn, responsePlan, null);
    }
}
