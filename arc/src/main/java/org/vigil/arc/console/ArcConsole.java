package org.vigil.arc.console;

import io.javalin.Javalin;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.arc.ArcService;
import org.vigil.arc.console.accounts.Account;
import org.vigil.arc.console.accounts.StoreAccountDirectory;
import org.vigil.arc.console.auth.InitialAdministrator;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.EngineAlarmDesk;
import org.vigil.arc.console.statistics.SignalCounter;
import org.vigil.arc.handling.HandlingInput;
import org.vigil.arc.handling.HandlingProfile;
import org.vigil.arc.handling.Technology;
import org.vigil.arc.receiver.StoredEvent;
import org.vigil.arc.receiver.StoredSignal;
import org.vigil.arc.store.SignalStore;

/**
 * The console attached to a running {@link ArcService}: every committed signal goes to the ARC II engine (through
 * {@link EngineAlarmDesk}), the engine is ticked every second, accounts come from the ARC I store, and the console
 * is served on its own HTTP address. {@code vigil arc} (or {@code vigil demo}) calls {@link #attach}.
 */
public final class ArcConsole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArcConsole.class);

    /** Where to serve, and the {@code --admin-password} flag (empty: a random one is printed once). */
    public record Options(InetSocketAddress http, Optional<String> adminPassword, int passwordIterations) {
        public static Options defaults() {
            return new Options(new InetSocketAddress("127.0.0.1", 8481), Optional.empty(), 0);
        }
    }

    private final ArcService arc;
    private final EngineAlarmDesk desk = new EngineAlarmDesk();
    private final SignalCounter counter = new SignalCounter();
    private final StoreAccountDirectory accounts;
    private final ConsoleModule console;
    private final ExecutorService handling = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("vigil-console-handling").daemon(true).unstarted(r));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("vigil-console-tick").daemon(true).unstarted(r));
    private Javalin http;
    /** Images fetched from [V] links (BS8243 5.3.1, 7.2.1), stored in PostgreSQL and shown on the alarm. */
    private final org.vigil.arc.images.AlarmImages images;

    private ArcConsole(ArcService arc, Options o) {
        this.arc = arc;
        this.accounts = new StoreAccountDirectory(arc, () -> handling.execute(this::reloadAccounts));
        // V100/V101 are in db/migration: ARC I's Database.open has already applied them.
        desk.persistTo(new org.vigil.arc.console.queue.HandlingSnapshots(arc.signals().dataSource()));
        this.images = org.vigil.arc.images.AlarmImages.start(arc.signals().dataSource(), arc.clock());
        desk.images(images);
        // The outcome goes to the engine on the handling thread, in order with the signals.
        images.onFetched((number, signalId, outcome) -> handling.execute(() -> desk.imagesFetched(number, signalId, outcome, arc.clock().instant())));
        this.console = new ConsoleModule(new ConsoleDependencies(arc.signals().dataSource(), desk, accounts, counter, arc.clock(),
                o.passwordIterations(), o.adminPassword()));
    }

    /** Starts the console on the ARC; {@code out} receives the initial administrator's password line, once. */
    public static ArcConsole attach(ArcService arc, Options o, Consumer<String> out) {
        ArcConsole c = new ArcConsole(arc, o);
        HandlingRecovery recovery = new HandlingRecovery(arc.signals().dataSource(), c.desk);
        HandlingRecovery.Loaded loaded = recovery.load();
        recovery.signals(c.desk.signalsShownByAlarms(), s -> c.show(s));
        c.syncAccounts();
        Optional<InitialAdministrator.Created> admin = c.console.ensureInitialAdministrator();
        admin.ifPresent(a -> out.accept(a.generated()
                ? "Console: initial administrator '" + a.username() + "' with password " + a.password() + " (shown once; change it)"
                : "Console: initial administrator '" + a.username() + "' created with the password given by --admin-password"));
        // Replay first on the handling thread, so live signals queue behind it (and skip what replay has judged).
        java.util.concurrent.Future<?> replay = c.handling.submit(() -> {
            recovery.replay(loaded, arc.clock().instant(), s -> c.onSignal(s, s.receivedAt(), true), c::number);
            c.desk.tick(arc.clock().instant());
        });
        arc.subscribe(s -> c.handling.execute(() -> c.onSignal(s, arc.clock().instant(), false)));
        try {
            replay.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("replay of stored signals into alarm handling failed", e.getCause());
        }
        // After replay (the alarms are back): fetch again the image links a stop cut short.
        c.images.resumePending();
        c.timer.scheduleAtFixedRate(() -> c.handling.execute(() -> c.desk.tick(arc.clock().instant())), 1, 1, TimeUnit.SECONDS);
        c.timer.scheduleWithFixedDelay(() -> c.handling.execute(c::syncAccounts), 5, 5, TimeUnit.SECONDS);
        c.http = Javalin.create(cfg -> {
            cfg.jetty.host = o.http().getHostString();
            cfg.jetty.port = o.http().getPort();
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/", ctx -> ctx.redirect("/console/queue"));
            c.console.register(cfg);
        }).start();
        LOG.info("console on http://{}:{}/console", o.http().getHostString(), c.http.port());
        return c;
    }

    public int port() {
        return http.port();
    }

    public ConsoleModule module() {
        return console;
    }

    public org.vigil.arc.images.AlarmImages images() {
        return images;
    }

    public EngineAlarmDesk desk() {
        return desk;
    }

    private void reloadAccounts() {
        try {
            arc.reloadAccounts();
        } catch (java.sql.SQLException e) {
            LOG.warn("account reload failed: {}", e.toString());
        }
        syncAccounts();
    }

    /** Gives the engine every account's handling profile (new or edited). */
    private void syncAccounts() {
        try {
            Instant now = arc.clock().instant();
            for (Account a : accounts.all()) {
                org.vigil.arc.account.Account r = accounts.receiverAccount(a.accountId()).orElse(null);
                desk.account(profile(a, r), new EngineAlarmDesk.Site(a.name().isBlank() ? a.accountId() : a.name(), a.address()), now);
            }
        } catch (RuntimeException e) {
            LOG.warn("account sync failed: {}", e.toString());
        }
    }

    static HandlingProfile profile(Account a, org.vigil.arc.account.Account receiver) {
        HandlingProfile.Builder b = HandlingProfile.builder(a.accountId());
        if (a.urnIntruder() != null) b.intruderUrn(a.urnIntruder());
        if (a.urnHoldUp() != null) b.holdUpUrn(a.urnHoldUp());
        for (Account.Keyholder k : a.keyholders()) b.keyholder(k.name(), k.phone());
        if (receiver != null) for (var p : receiver.supervision()) b.path(p.path(), technology(p.technology()));
        boolean any = false;
        for (Account.Schedule s : a.schedules()) {
            for (DayOfWeek d : days(s.days())) {
                b.schedule(d, LocalTime.parse(s.unsetTime()), LocalTime.parse(s.setTime()));
                any = true;
            }
        }
        b.setUnsetMonitoring(any);
        b.duressRoute(a.duressRoute());
        b.policeResponseWithdrawn(a.policeResponseWithdrawn());
        return b.build();
    }

    static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> all = List.of(DayOfWeek.values());
        java.util.ArrayList<DayOfWeek> out = new java.util.ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.split("-");
            DayOfWeek from = day(range[0]), to = day(range[range.length - 1]);
            for (int i = from.ordinal(); ; i = (i + 1) % 7) {
                out.add(all.get(i));
                if (i == to.ordinal()) break;
            }
        }
        return out;
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) if (d.name().substring(0, 3).equalsIgnoreCase(s.strip())) return d;
        throw new IllegalArgumentException("day " + s);
    }

    static Technology technology(String label) {
        String l = label == null ? "" : label.toLowerCase(Locale.ROOT);
        if (l.contains("cell") || l.contains("gsm") || l.contains("lte") || l.contains("4g") || l.contains("5g")) return Technology.CELLULAR;
        if (l.contains("pstn") || l.contains("phone")) return Technology.PSTN;
        if (l.contains("radio")) return Technology.RADIO;
        if (l.contains("ip") || l.contains("ether") || l.contains("lan") || l.contains("broadband")) return Technology.IP;
        return Technology.OTHER;
    }

    /** One committed signal: each event goes to the engine; the ARC's own path events become path inputs. */
    void onSignal(StoredSignal s, Instant now, boolean replayed) {
        try {
            if (!replayed) counter.record(s.receivedAt());
            if (s.events().isEmpty()) return; // a poll: supervision only
            String number = number(s.accountId(), s.accountNumber());
            if (!desk.knows(number)) syncAccounts();
            if (!desk.knows(number)) return;
            // Already judged (replayed at start, or in the snapshot): a signal is handled once.
            if (desk.lastSignalId(number) >= s.signalId()) return;
            String raw = s.origin() == StoredSignal.Origin.PANEL ? rawFrame(s) : "";
            Technology tech = technology(s.technology());
            int i = 0;
            for (StoredEvent e : s.events()) {
                String id = s.signalId() + (s.events().size() > 1 ? "." + (++i) : "");
                if ("ARC".equals(e.format())) {
                    desk.pathFault(number, "PATH_FAULT".equals(e.code()) ? new HandlingInput.PathFault(s.path(), tech)
                            : new HandlingInput.PathRestored(s.path(), tech), now);
                    continue;
                }
                boolean cid = "CONTACT_ID".equals(e.format());
                int contactId = -1;
                if (cid) {
                    try {
                        contactId = Integer.parseInt(e.code());
                    } catch (NumberFormatException ex) {
                        contactId = -1;
                    }
                }
                String zoneOrUser = !e.zone().isEmpty() ? e.zone() : e.user().isEmpty() ? null : e.user();
                int qualifier = cid ? e.qualifier() : e.restore() ? 3 : 1;
                // A hold-up on zone 992 is duress (Vista duress zone); a plain SIA HA stays a silent hold-up (DuressSignals).
                org.vigil.arc.handling.StoredSignal hs = new org.vigil.arc.handling.StoredSignal(id, s.receivedAt(),
                        org.vigil.arc.handling.DuressSignals.category(e.category(), zoneOrUser),
                        contactId, cid ? null : e.code(), qualifier, e.area().isEmpty() ? null : e.area(), zoneOrUser, null, s.path(), tech, 0);
                desk.signal(number, hs, shown(s, e, raw), now);
            }
            // After the alarm exists: fetch its images in the background (never on the receiver's ACK path).
            if (!replayed && !s.imageLinks().isEmpty()) images.requested(number, s.signalId(), s.imageLinks());
        } catch (RuntimeException e) {
            LOG.error("console could not hand signal {} to alarm handling", s.signalId(), e);
        }
    }

    /** How the console shows one event of a stored signal. */
    private static AlarmView.Signal shown(StoredSignal s, StoredEvent e, String raw) {
        boolean cid = "CONTACT_ID".equals(e.format());
        String zoneOrUser = !e.zone().isEmpty() ? e.zone() : e.user().isEmpty() ? null : e.user();
        String text = !e.text().isEmpty() ? e.text() : e.meaning();
        return new AlarmView.Signal(s.receivedAt(), (cid ? "CID " : "") + e.code(), text, zoneOrUser == null ? "" : zoneOrUser, s.path(), raw);
    }

    /** Restores the display form of a signal an alarm restored from its snapshot refers to. */
    private void show(StoredSignal s) {
        String number = number(s.accountId(), s.accountNumber());
        String raw = s.origin() == StoredSignal.Origin.PANEL ? rawFrame(s) : "";
        int i = 0;
        for (StoredEvent e : s.events()) {
            String id = s.signalId() + (s.events().size() > 1 ? "." + (++i) : "");
            desk.display(number, id, shown(s, e, raw));
        }
    }

    /** The account as configured (the panel may send the number in another case: foc7688 / FOC7688). */
    String number(long accountId, String asReceived) {
        return arc.directory().byId(accountId).map(org.vigil.arc.account.Account::number).orElse(asReceived);
    }

    /** The frame as received, for "raw frame on demand"; only for signals that carry events (not polls). */
    private String rawFrame(StoredSignal s) {
        try {
            for (SignalStore.SignalView v : arc.signals().signals(s.accountId(), 20))
                if (v.id() == s.signalId()) return v.raw() == null ? "" : new String(v.raw(), StandardCharsets.ISO_8859_1);
        } catch (java.sql.SQLException e) {
            LOG.debug("raw frame of signal {} not read: {}", s.signalId(), e.toString());
        }
        return "";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        images.close();
        handling.shutdownNow();
        if (http != null) http.stop();
    }
}
