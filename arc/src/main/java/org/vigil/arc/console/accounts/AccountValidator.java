package org.vigil.arc.console.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks account fields and says, per field, what is wrong. Limits follow DC-09 (account 3-16 hex digits,
 * receiver prefix up to 6 hex digits, AES-128/192/256 keys) and what fits on an operator's screen.
 */
public final class AccountValidator {
    public static final int NAME_MAX = 100, ADDRESS_MAX = 300, PLAN_MAX = 4000, URN_MAX = 40, LIST_MAX = 20;
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Fa-f]{3,16}");
    private static final Pattern PREFIX = Pattern.compile("[0-9A-Fa-f]{0,6}");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]*");
    private static final Pattern URN = Pattern.compile("[A-Za-z0-9/\\-]{1," + URN_MAX + "}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern DAYS = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?(,(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?)*");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()\\-]{3,25}");

    public sealed interface Result {
        record Valid(Account account) implements Result {}
        record Invalid(Map<String, String> errors) implements Result {}
    }

    private AccountValidator() {}

    /** {@code existing} is the stored account on edit (its key is kept when none is given), null on create. */
    public static Result validate(AccountInput in, Account existing) {
        Map<String, String> e = new LinkedHashMap<>();
        String id = trim(in.accountId());
        if (existing != null) id = existing.accountId();
        else if (id.isEmpty()) e.put("accountId", "required: 3 to 16 hex digits (DC-09 account number)");
        else if (!ACCOUNT.matcher(id).matches()) e.put("accountId", "must be 3 to 16 hex digits (DC-09 account number)");
        String prefix = trim(in.receiverPrefix()).toUpperCase(Locale.ROOT);
        if (!PREFIX.matcher(prefix).matches()) e.put("receiverPrefix", "must be at most 6 hex digits");
        String name = trim(in.name());
        if (name.isEmpty()) e.put("name", "required");
        else if (name.length() > NAME_MAX) e.put("name", "at most " + NAME_MAX + " characters");
        String address = trim(in.address());
        if (address.length() > ADDRESS_MAX) e.put("address", "at most " + ADDRESS_MAX + " characters");

        Account.KeyForm form;
        String key = in.key() == null ? "" : in.key().strip();
        String formText = trim(in.keyForm()).toUpperCase(Locale.ROOT);
        try {
            form = formText.isEmpty() ? (key.isEmpty() ? Account.KeyForm.NONE : Account.KeyForm.HEX) : Account.KeyForm.valueOf(formText);
        } catch (IllegalArgumentException ex) {
            form = Account.KeyForm.NONE;
            e.put("keyForm", "must be NONE, HEX or ASCII");
        }
        if (key.isEmpty() && existing != null && form == existing.keyForm()) key = existing.key() == null ? "" : existing.key();
        if (!e.containsKey("keyForm")) {
            switch (form) {
                case NONE -> { if (!key.isEmpty()) e.put("key", "a key needs key form HEX or ASCII"); }
                case HEX -> {
                    if (!HEX.matcher(key).matches()) e.put("key", "hex key: only 0-9 and A-F");
                    else if (key.length() != 32 && key.length() != 48 && key.length() != 64)
                        e.put("key", "hex key: 32, 48 or 64 hex digits (AES-128/192/256), got " + key.length());
                    key = key.toUpperCase(Locale.ROOT);
                }
                case ASCII -> {
                    if (!key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) e.put("key", "ASCII key: printable ASCII only");
                    else if (key.length() != 16 && key.length() != 24 && key.length() != 32)
                        e.put("key", "ASCII key: 16, 24 or 32 characters (AES-128/192/256), got " + key.length());
                }
            }
        }

        List<Account.Path> paths = new ArrayList<>();
        List<Account.Path> inPaths = in.paths() == null ? List.of() : in.paths();
        if (inPaths.isEmpty()) e.put("paths", "at least one transmission path");
        if (inPaths.size() > LIST_MAX) e.put("paths", "at most " + LIST_MAX + " paths");
        for (Account.Path p : inPaths) {
            String n = trim(p.name());
            if (n.isEmpty() || n.length() > 40) e.put("paths", "each path needs a name of 1 to 40 characters");
            else if (p.supervisionSeconds() < 10 || p.supervisionSeconds() > 90_000)
                e.put("paths", "supervision interval of path " + n + " must be 10 to 90000 seconds (25 h)");
            else paths.add(new Account.Path(n, p.supervisionSeconds()));
        }
        List<Account.Schedule> schedules = new ArrayList<>();
        List<Account.Schedule> inSchedules = in.schedules() == null ? List.of() : in.schedules();
        if (inSchedules.size() > LIST_MAX) e.put("schedules", "at most " + LIST_MAX + " schedules");
        for (Account.Schedule s : inSchedules) {
            if (!DAYS.matcher(trim(s.days())).matches()) e.put("schedules", "days like Mon-Fri or Sat,Sun");
            else if (!TIME.matcher(trim(s.setTime())).matches() || !TIME.matcher(trim(s.unsetTime())).matches())
                e.put("schedules", "set and unset times as HH:MM (24 h)");
            else schedules.add(new Account.Schedule(trim(s.days()), trim(s.setTime()), trim(s.unsetTime())));
        }
        List<Account.Keyholder> keyholders = new ArrayList<>();
        List<Account.Keyholder> inKh = in.keyholders() == null ? List.of() : in.keyholders();
        if (inKh.size() > LIST_MAX) e.put("keyholders", "at most " + LIST_MAX + " keyholders");
        for (Account.Keyholder k : inKh) {
            String n = trim(k.name());
            if (n.isEmpty() || n.length() > 80) e.put("keyholders", "each keyholder needs a name of 1 to 80 characters");
            else if (!PHONE.matcher(trim(k.phone())).matches()) e.put("keyholders", "phone of " + n + ": digits, spaces, + ( ) - only");
            else keyholders.add(new Account.Keyholder(n, trim(k.phone())));
        }
        String urnI = trim(in.urnIntruder()), urnH = trim(in.urnHoldUp());
        if (!urnI.isEmpty() && !URN.matcher(urnI).matches()) e.put("urnIntruder", "letters, digits, / and - only, at most " + URN_MAX);
        if (!urnH.isEmpty() && !URN.matcher(urnH).matches()) e.put("urnHoldUp", "letters, digits, / and - only, at most " + URN_MAX);
        if (!urnI.isEmpty() && urnI.equals(urnH)) e.put("urnHoldUp", "intruder and hold-up alarms have separate URNs (NSI ECHO guidance)");
        org.vigil.arc.handling.DuressRoute route = existing == null ? org.vigil.arc.handling.DuressRoute.DEFAULT : existing.duressRoute();
        String routeText = trim(in.duressRoute()).toUpperCase(Locale.ROOT);
        if (!routeText.isEmpty()) {
            try {
                route = org.vigil.arc.handling.DuressRoute.valueOf(routeText);
            } catch (IllegalArgumentException ex) {
                e.put("duressRoute", "POLICE or ARC_AND_KEYHOLDERS");
            }
        }
        String plan = in.responsePlan() == null ? "" : in.responsePlan().strip();
        if (plan.length() > PLAN_MAX) e.put("responsePlan", "at most " + PLAN_MAX + " characters");
        if (!e.isEmpty()) return new Result.Invalid(e);
        return new Result.Valid(new Account(id.toUpperCase(Locale.ROOT), prefix, name, address, form, key.isEmpty() ? null : key,
                List.copyOf(paths), List.copyOf(schedules), List.copyOf(keyholders), urnI.isEmpty() ? null : urnI,
                urnH.isEmpty() ? null : urnH, in.policeResponseWithdrawn(), plan, existing == null ? 0 : existing.version(), route));
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
