package org.vigil.panel.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.panel.yaml.Fields;
import org.vigil.panel.yaml.Loc;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;
import org.vigil.panel.yaml.Problems;
import org.vigil.panel.yaml.YNode;
import org.vigil.panel.yaml.YamlSyntaxException;
import org.vigil.panel.yaml.YamlTree;

/**
 * Reads a site YAML file into a {@link SiteConfig}, reporting every problem with file, line, column
 * and key path: syntax, unknown keys, bad values, missing keys, duplicate and undefined ids. A file
 * with any problem yields no configuration, so a bad file never starts a panel.
 */
public final class SiteLoader {
  private final int pinIterations;

  public SiteLoader() {
    this(PinHash.DEFAULT_ITERATIONS);
  }

  /** @param pinIterations PBKDF2 iterations used when hashing clear PINs at load */
  public SiteLoader(int pinIterations) {
    this.pinIterations = pinIterations;
  }

  public static Parsed<SiteConfig> load(Path file) {
    return new SiteLoader().read(file);
  }

  public Parsed<SiteConfig> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Parsed.Failed<>(List.of(new Problem(new Loc(file.toString(), 1, 1), "", "cannot read file: " + e.getMessage())));
    }
    return parse(text, file);
  }

  public Parsed<SiteConfig> parse(String text, Path file) {
    String name = file == null ? "<site>" : file.toString();
    YNode root;
    try {
      root = YamlTree.parse(text, name);
    } catch (YamlSyntaxException e) {
      return new Parsed.Failed<>(List.of(new Problem(e.loc(), "", e.getMessage())));
    }
    Problems p = new Problems();
    SiteConfig c = new Reader(p, file).site(root);
    if (!p.isEmpty()) return new Parsed.Failed<>(p.list());
    return new Parsed.Ok<>(c);
  }

  private final class Reader {
    final Problems p;
    final Path file;
    /** id -> (kind, loc) for duplicate detection across every kind of device. */
    final Map<String, String> ids = new HashMap<>();
    /** Clear codes seen so far (only while loading) -> key path, so no two credentials share a code. */
    final Map<String, String> codesSeen = new HashMap<>();
    /** Clear duress codes (duress PINs, PINs of level 6 users) -> key path, for the neighbour check. */
    final Map<String, String> duressSeen = new HashMap<>();

    Reader(Problems p, Path file) {
      this.p = p;
      this.file = file;
    }

    /**
     * {@code site.time_zone}: an IANA region id such as Europe/London (default UTC). Schedules of
     * credentials are evaluated in it; a fixed offset is accepted but does not follow DST.
     */
    java.time.ZoneId timeZone(Fields s) {
      String z = s.str("time_zone");
      if (z == null) return java.time.ZoneOffset.UTC;
      try {
        return java.time.ZoneId.of(z.trim());
      } catch (java.time.DateTimeException e) {
        s.error("time_zone", "unknown time zone '" + z + "': give a region id such as Europe/London, or UTC");
        return java.time.ZoneOffset.UTC;
      }
    }

    SiteConfig site(YNode root) {
      Fields f = Fields.of(root, "", p);
      Fields s = f.obj("site");
      SiteInfo info;
      if (s == null) {
        f.error("site", "required key 'site' is missing");
        info = new SiteInfo("", null, 2, Profile.BS8243, null, null);
      } else {
        String name = s.reqStr("name");
        String address = s.str("address");
        Integer grade = s.integer("grade", 1, 4, true);
        Profile profile = s.enumOf("profile", Profile.class, Profile.BS8243, true);
        String ra = s.str("risk_assessment");
        String installer = s.str("installer");
        java.time.ZoneId zone = timeZone(s);
        s.done();
        info = new SiteInfo(name, address, grade == null ? 2 : grade, profile, ra, installer, zone);
      }
      List<Area> areas = f.list("areas", this::area);
      if (areas.isEmpty() && f.has("areas") == false) f.error("areas", "required key 'areas' is missing: a site has at least one area");
      List<Detector> detectors = f.list("detectors", this::detector);
      List<HoldUpDevice> hds = f.list("holdup_devices", this::holdUp);
      List<Keypad> keypads = f.list("keypads", this::keypad);
      List<Reader0> readers0 = f.list("readers", this::reader);
      List<Camera> cameras = f.list("cameras", this::camera);
      List<Output> outputs = f.list("outputs", this::output);
      Timers timers = timers(f.obj("timers"));
      List<User> users = f.list("users", this::user);
      Transmission tx = transmission(f.obj("transmission"));
      HoldUpSystem has = holdUpSystem(f.obj("holdup"));
      CodePolicy codes = codes(f.obj("codes"));
      RestorePolicy restore = restore(f.obj("restore"));
      neighbours(codes.duressNeighbours());
      MqttSettings mqtt = MqttSection.read(f.obj("mqtt"), p);
      f.done();

      List<org.vigil.panel.config.Reader> readers = readers0.stream().map(Reader0::reader).toList();
      SiteConfig c = new SiteConfig(info, areas, detectors, hds, keypads, readers, cameras, outputs, timers, users, tx, file, p.sourceMap(), has, codes, restore, mqtt);
      references(c, readers0);
      MqttSection.check(c, p);
      return c;
    }

    /** Reader plus the path it came from, for reference errors. */
    record Reader0(org.vigil.panel.config.Reader reader, String path) {}

    private void unique(Fields f, String id, String kind) {
      if (id == null) return;
      String prev = ids.putIfAbsent(id, kind + " at " + f.path());
      if (prev != null) f.error("id", "duplicate id '" + id + "' (already used by the " + prev + ")");
    }

    Area area(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "area");
      Integer number = f.integer("number", 1, 99, true);
      String name = f.str("name");
      Completion completion = Completion.FINAL_DOOR;
      Duration exit = null;
      Fields set = f.obj("setting");
      if (set != null) {
        completion = set.enumOf("completion", Completion.class, Completion.FINAL_DOOR, true);
        exit = set.duration("exit_time", null);
        set.done();
      } else {
        f.error("setting", "required key 'setting' is missing (completion of setting, BS 8243 6.3)");
      }
      UnsetMethod method = UnsetMethod.DIGITAL_KEY;
      Duration entry = Duration.ofSeconds(30);
      String ra = null, acceptance = null, arrangements = null;
      boolean keypadDuringEntry = true;
      Fields un = f.obj("unsetting");
      if (un != null) {
        method = un.enumOf("method", UnsetMethod.class, UnsetMethod.DIGITAL_KEY, true);
        entry = un.duration("entry_time", entry);
        ra = un.str("risk_assessment");
        acceptance = un.str("client_written_acceptance");
        arrangements = un.str("agreed_arrangements");
        keypadDuringEntry = un.bool("keypad_during_entry", true);
        un.done();
      } else {
        f.error("unsetting", "required key 'unsetting' is missing (unsetting method, BS 8243 6.4)");
      }
      Duration ict = f.duration("intruder_confirmation_time", Duration.ofMinutes(30));
      Duration hct = f.duration("holdup_confirmation_time", Duration.ofHours(8));
      List<PartSet> parts = f.list("part_sets", (pn, pp) -> {
        Fields pf = Fields.of(pn, pp, p);
        String pname = pf.reqStr("name");
        List<String> omit = pf.strings("omit");
        boolean confirms = pf.bool("confirmed_alarms", true);
        pf.done();
        if (pname != null && !pname.matches("[A-Za-z]")) pf.error("name", "a part-set name is the keypad command letter (B, C, ...), found '" + pname + "'");
        return new PartSet(pname == null ? "?" : pname.toUpperCase(Locale.ROOT), omit, confirms);
      });
      Duress duress = Duress.OFF;
      Fields d = f.obj("duress");
      if (d != null) {
        boolean en = d.bool("enabled", false);
        boolean eng = d.bool("engineer_enabled", false);
        String just = d.str("justification");
        Duress.Report report = d.enumOf("report", Duress.Report.class, Duress.Report.USER, false);
        Duress.Route route = d.enumOf("route", Duress.Route.class, Duress.Route.ARC_KEYHOLDERS, false);
        List<String> outs = d.strings("outputs");
        duress = new Duress(en, eng, just, report, route, outs);
        d.done();
      }
      f.done();
      return new Area(id, number == null ? 0 : number, name == null ? id : name, completion, exit, method, entry, ra, acceptance, arrangements, ict, hct, parts, duress, keypadDuringEntry);
    }

    Detector detector(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "detector");
      Integer zone = f.integer("zone", 1, 999, true);
      String area = f.reqStr("area");
      String name = f.str("name");
      DetectorRole role = f.enumOf("role", DetectorRole.class, DetectorRole.INTERIOR, true);
      Technology tech = f.enumOf("technology", Technology.class, Technology.PIR, true);
      List<String> coverage = f.strings("coverage");
      List<String> overlaps = f.strings("overlaps");
      Position pos = position(f.obj("position"));
      String bus = f.str("bus_id");
      Integer grade = f.integer("grade", 1, 4, false);
      f.done();
      return new Detector(id, zone == null ? 0 : zone, area, name == null ? id : name, role, tech, coverage, overlaps, pos, bus, grade == null ? 0 : grade);
    }

    Position position(Fields f) {
      if (f == null) return null;
      Double x = f.number("x");
      Double y = f.number("y");
      if (x == null && !f.has("x")) f.error("x", "required key 'x' is missing");
      if (y == null && !f.has("y")) f.error("y", "required key 'y' is missing");
      f.done();
      return x == null || y == null ? null : new Position(x, y);
    }

    HoldUpDevice holdUp(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "hold-up device");
      Integer zone = f.integer("zone", 1, 999, true);
      String area = f.reqStr("area");
      String name = f.str("name");
      HoldUpType type = f.enumOf("type", HoldUpType.class, HoldUpType.TWO_BUTTON, true);
      boolean dedicated = f.bool("dedicated", type != HoldUpType.ON_CIE);
      boolean engineer = f.bool("engineer_enabled", false);
      boolean silent = f.bool("silent", true);
      Duration sync = f.duration("sync_window", Duration.ofSeconds(3));
      List<String> coverage = f.strings("coverage");
      String keypad = f.str("keypad");
      String bus = f.str("bus_id");
      f.done();
      return new HoldUpDevice(id, zone == null ? 0 : zone, area, name == null ? id : name, type, dedicated, engineer, silent, sync, coverage, keypad, bus);
    }

    Keypad keypad(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "keypad");
      String name = f.str("name");
      List<String> areas = f.strings("areas");
      boolean inside = location(f);
      boolean pub = placement(f);
      String bus = f.str("bus_id");
      f.done();
      return new Keypad(id, name == null ? id : name, areas, inside, pub, bus);
    }

    private boolean location(Fields f) {
      String loc = f.str("location");
      if (loc == null) return true;
      return switch (loc.toLowerCase(Locale.ROOT)) {
        case "inside" -> true;
        case "outside" -> false;
        default -> {
          f.error("location", "expected inside or outside, found '" + loc + "'");
          yield true;
        }
      };
    }

    private boolean placement(Fields f) {
      String pl = f.str("placement");
      if (pl == null) return false;
      return switch (pl.toLowerCase(Locale.ROOT).replace('-', '_')) {
        case "public" -> true;
        case "back_room", "private" -> false;
        default -> {
          f.error("placement", "expected public or back_room, found '" + pl + "'");
          yield false;
        }
      };
    }

    Reader0 reader(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "reader");
      String name = f.str("name");
      List<String> areas = f.strings("areas");
      boolean inside = location(f);
      String door = f.str("door");
      String lock = f.str("lock_output");
      boolean pinPad = f.bool("pin_pad", false);
      String bus = f.str("bus_id");
      f.done();
      return new Reader0(new org.vigil.panel.config.Reader(id, name == null ? id : name, areas, inside, door, lock, pinPad, bus), path);
    }

    Camera camera(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "camera");
      String name = f.str("name");
      List<String> covers = f.strings("covers");
      List<String> camAreas = f.strings("areas");
      String url = f.str("snapshot_url");
      if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) f.error("snapshot_url", "expected an http:// or https:// URL, found '" + url + "'");
      f.done();
      return new Camera(id, name == null ? id : name, covers, url, camAreas);
    }

    /** The optional {@code holdup:} section (docs/holdup.md). */
    HoldUpSystem holdUpSystem(Fields f) {
      if (f == null) return HoldUpSystem.DEFAULT;
      HoldUpSystem d = HoldUpSystem.DEFAULT;
      List<String> audio = f.strings("audio_confirmation");
      List<String> visual = f.strings("visual_confirmation");
      List<AudioDevice> alds = f.list("audio_devices", (n, path) -> {
        Fields a = Fields.of(n, path, p);
        String id = a.reqStr("id");
        unique(a, id, "audio device");
        String name = a.str("name");
        String area = a.reqStr("area");
        List<String> covers = a.strings("covers");
        a.done();
        return new AudioDevice(id, name == null ? id : name, area, covers);
      });
      String cie = f.str("cie_location");
      String notif = f.str("notification_location");
      int count = d.imageCount();
      Duration within = d.imageWithin();
      Duration timeout = d.imageTimeout();
      Fields img = f.obj("images");
      if (img != null) {
        Integer c = img.integer("count", 1, 20, false);
        if (c != null) count = c;
        within = img.duration("within", within);
        timeout = img.duration("timeout", timeout);
        img.done();
      }
      f.done();
      return new HoldUpSystem(audio, visual, alds, cie, notif, count, within, timeout);
    }

    Output output(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "output");
      String name = f.str("name");
      OutputType type = f.enumOf("type", OutputType.class, OutputType.GENERIC, true);
      List<String> areas = f.strings("areas");
      Duration d = f.duration("duration", null);
      String bus = f.str("bus_id");
      f.done();
      return new Output(id, name == null ? id : name, type, areas, d, bus);
    }

    RestorePolicy restore(Fields f) {
      if (f == null) return RestorePolicy.DEFAULTS;
      String secret = f.str("anti_code_secret");
      Integer attempts = f.integer("anti_code_attempts", 1, 10, false);
      if (secret != null && secret.length() < 16) {
        // The challenge/response is only as strong as the secret; never echo it in the message.
        f.error("anti_code_secret", "the anti-code secret must be at least 16 characters (BS 8473 remote reset)");
      }
      f.done();
      return new RestorePolicy(secret, attempts == null ? RestorePolicy.DEFAULTS.antiCodeAttempts() : attempts);
    }

    Timers timers(Fields f) {
      if (f == null) return Timers.DEFAULTS;
      Timers d = Timers.DEFAULTS;
      Timers t = new Timers(
          f.duration("bell_duration", d.bellDuration()),
          f.duration("bell_delay", d.bellDelay()),
          f.duration("entry_warning", d.entryWarning()),
          f.duration("setting_indication", d.settingIndication()),
          f.duration("bus_failure_window", d.busFailureWindow()));
      f.done();
      return t;
    }

    User user(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      Integer number = f.integer("number", 1, 150, true);
      String name = f.str("name");
      String home = f.str("home_area");
      Map<String, Integer> authority = new LinkedHashMap<>();
      Fields a = f.obj("authority");
      if (a != null) {
        for (String area : List.copyOf(a.keys())) {
          Integer lvl = a.integer(area, 0, 6, true);
          if (lvl != null) authority.put(area, lvl);
        }
        a.done();
      } else {
        f.error("authority", "required key 'authority' is missing (area: level 0-6)");
      }
      PinHash pin = null;
      String clear = f.str("pin");
      String hashed = f.str("pin_hash");
      if (clear != null && hashed != null) f.error("pin_hash", "give either pin or pin_hash, not both");
      if (clear != null) {
        if (!clear.matches("\\d{4,8}")) f.error("pin", "a PIN is 4 to 8 digits");
        else pin = PinHash.of(clear, pinIterations);
      } else if (hashed != null) {
        try {
          pin = PinHash.parse(hashed);
        } catch (IllegalArgumentException e) {
          f.error("pin_hash", e.getMessage());
        }
      }
      PinHash duressPin = null;
      String duressClear = f.str("duress_pin");
      if (duressClear != null) {
        if (!duressClear.matches("\\d{4,8}")) f.error("duress_pin", "a duress PIN is 4 to 8 digits");
        else if (clear != null && clear.equals(duressClear)) f.error("duress_pin", "the duress PIN must differ from the PIN");
        else duressPin = PinHash.of(duressClear, pinIterations);
      }
      String duressHashed = f.str("duress_pin_hash");
      if (duressClear != null && duressHashed != null) f.error("duress_pin_hash", "give either duress_pin or duress_pin_hash, not both");
      else if (duressHashed != null) {
        try {
          duressPin = PinHash.parse(duressHashed);
        } catch (IllegalArgumentException e) {
          f.error("duress_pin_hash", e.getMessage());
        }
      }
      if (clear != null && pin != null) sameCode(f, "pin", clear);
      if (duressClear != null && duressPin != null) sameCode(f, "duress_pin", duressClear);
      if (clear != null && pin != null && authority.containsValue(6)) duressSeen.put(clear, f.sub("pin"));
      if (duressClear != null && duressPin != null) duressSeen.put(duressClear, f.sub("duress_pin"));
      List<String> cards = f.strings("cards");
      var from = f.instant("valid_from", false);
      var until = f.instant("valid_until", false);
      if (from != null && until != null && !until.isAfter(from)) f.error("valid_until", "must be after valid_from");
      List<Schedule> schedules = f.list("schedules", this::schedule);
      Boolean oc = f.has("open_close_reporting") ? f.bool("open_close_reporting", true) : null;
      f.done();
      if (number != null) {
        String prev = ids.putIfAbsent("user#" + number, path);
        if (prev != null) f.error("number", "duplicate user number " + number + " (already used at " + prev + ")");
      }
      return new User(number == null ? 0 : number, name == null ? "user " + number : name, home, authority, pin, cards, from, until, schedules, oc, duressPin);
    }

    /**
     * Codes next to a duress code are disallowed (EN 50131-3 8.3.2.2.1), so a slip of one digit never
     * sends a duress. The messages name key paths, never codes.
     */
    private void neighbours(int distance) {
      if (distance <= 0) return;
      for (var d : duressSeen.entrySet()) {
        for (var c : codesSeen.entrySet()) {
          String a = d.getKey(), b = c.getKey();
          if (a.equals(b) || a.length() != b.length()) continue;
          if (Math.abs(Long.parseLong(a) - Long.parseLong(b)) <= distance) {
            Loc loc = p.sourceMap().getOrDefault(c.getValue(), new Loc(file == null ? "<site>" : file.toString(), 1, 1));
            p.add(loc, c.getValue(),
                "this code is within " + distance + " of the duress code at " + d.getValue() + ": a slip of one key would send a duress (disallowed code, EN 50131-3 8.3.2.2.1; codes.duress_neighbours)");
          }
        }
      }
    }

    /** Two credentials with one code would make the keypad ambiguous; the message never shows the code. */
    private void sameCode(Fields f, String key, String code) {
      String prev = codesSeen.putIfAbsent(code, f.sub(key));
      if (prev != null) f.error(key, "this code is already used at " + prev + ": every code must be unique");
    }

    Schedule schedule(YNode n, String path) {
      Fields f = Fields.of(n, path, p);
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (String d : f.strings("days")) {
        DayOfWeek day = day(d);
        if (day == null) f.error("days", "unknown day '" + d + "' (mon, tue, wed, thu, fri, sat, sun)");
        else days.add(day);
      }
      LocalTime from = time(f, "from");
      LocalTime to = time(f, "to");
      f.done();
      return new Schedule(days, from == null ? LocalTime.MIN : from, to == null ? LocalTime.MAX : to);
    }

    private DayOfWeek day(String d) {
      String s = d.trim().toLowerCase(Locale.ROOT);
      for (DayOfWeek w : DayOfWeek.values()) {
        if (w.name().toLowerCase(Locale.ROOT).startsWith(s) && s.length() >= 3) return w;
      }
      return null;
    }

    private LocalTime time(Fields f, String key) {
      String s = f.reqStr(key);
      if (s == null) return null;
      try {
        return LocalTime.parse(s.trim());
      } catch (DateTimeParseException e) {
        f.error(key, "expected a time of day like 08:30, found '" + s + "'");
        return null;
      }
    }

    CodePolicy codes(Fields f) {
      if (f == null) return CodePolicy.DEFAULTS;
      CodePolicy d = CodePolicy.DEFAULTS;
      Integer length = f.integer("length", 4, 8, false);
      java.util.Map<Integer, Long> min = new java.util.HashMap<>(d.minDiffers());
      Fields md = f.obj("min_differs");
      if (md != null) {
        for (String k : List.copyOf(md.keys())) {
          Integer v = md.integer(k, 1, Integer.MAX_VALUE, true);
          if (!k.matches("[1-4]")) md.error(k, "min_differs keys are grades 1-4, found '" + k + "'");
          else if (v != null) min.put(Integer.parseInt(k), v.longValue());
        }
        md.done();
      }
      Integer neighbours = f.integer("duress_neighbours", 0, 9, false);
      Integer attempts = f.integer("lockout_attempts", 1, 99, false);
      Duration lockout = f.duration("lockout_time", d.lockoutTime());
      if (lockout != null && lockout.compareTo(CodePolicy.MIN_LOCKOUT) < 0) {
        f.error("lockout_time", "a keypad lockout lasts at least 90s (EN 50131 manufacturer practice, standards.md 1.4)");
      }
      boolean signal = f.bool("lockout_signal", d.lockoutSignal());
      boolean quick = f.bool("quick_arm", d.quickArm());
      Duration eng = f.duration("engineer_access", d.engineerAccess());
      f.done();
      return new CodePolicy(
          length == null ? 0 : length,
          java.util.Map.copyOf(min),
          neighbours == null ? d.duressNeighbours() : neighbours,
          attempts == null ? d.lockoutAttempts() : attempts,
          lockout == null ? d.lockoutTime() : lockout,
          signal,
          quick,
          eng == null ? d.engineerAccess() : eng);
    }

    Transmission transmission(Fields f) {
      if (f == null) return Transmission.NONE;
      String account = f.str("account");
      if (account != null && !account.matches("[0-9A-Fa-f]{3,16}")) f.error("account", "an account number is 3-16 hex digits, found '" + account + "'");
      String category = f.str("category");
      if (category != null && !category.toUpperCase(Locale.ROOT).matches("SP[1-6]|DP[1-4]")) {
        f.error("category", "expected an ATS category SP1-SP6 or DP1-DP4, found '" + category + "'");
      }
      AtsCategory cat = AtsCategory.parse(category).orElse(null);
      List<TransmissionPath> paths = f.list("paths", (n, pp) -> path(n, pp, account, cat));
      boolean duress992 = f.bool("duress_zone_992", false);
      f.done();
      long primaries = paths.stream().filter(x -> x.role() == TransmissionPath.Role.PRIMARY).count();
      if (!paths.isEmpty() && primaries != 1) f.error("paths", "exactly one path must have role primary, found " + primaries);
      return new Transmission(account, category == null ? null : category.toUpperCase(Locale.ROOT), paths, duress992);
    }

    TransmissionPath path(YNode n, String path, String account, AtsCategory cat) {
      Fields f = Fields.of(n, path, p);
      String id = f.reqStr("id");
      unique(f, id, "transmission path");
      var role = f.enumOf("role", TransmissionPath.Role.class, TransmissionPath.Role.PRIMARY, true);
      String tech = f.reqStr("technology");
      // One receiver (host: a:1) or a receiver pair / list tried in order (host: [a:1, b:2]).
      List<TransmissionPath.Destination> destinations = new ArrayList<>();
      if (!f.has("host")) f.reqStr("host");
      else {
        List<String> targets = f.strings("host");
        if (targets.isEmpty()) f.error("host", "expected host:port or a list of host:port");
        for (String target : targets) {
          TransmissionPath.Destination d = destination(f, target);
          if (d == null) continue;
          if (destinations.contains(d)) f.error("host", "destination " + d + " is listed twice");
          else destinations.add(d);
        }
      }
      String host = destinations.isEmpty() ? null : destinations.get(0).host();
      int port = destinations.isEmpty() ? 0 : destinations.get(0).port();
      var proto = f.enumOf("protocol", TransmissionPath.Protocol.class, TransmissionPath.Protocol.TCP, false);
      var format = f.enumOf("format", TransmissionPath.Format.class, TransmissionPath.Format.SIA_DCS, false);
      String acct = f.str("account");
      if (acct == null) acct = account;
      if (acct == null) f.error("account", "no account: set transmission.account or this path's account");
      String receiver = f.str("receiver");
      String line = f.str("line");
      if (receiver != null && !receiver.matches("[0-9A-Fa-f]{1,6}")) f.error("receiver", "a receiver number is 1-6 hex digits");
      if (line != null && !line.matches("[0-9A-Fa-f]{1,6}")) f.error("line", "a line prefix is 1-6 hex digits");
      String key = f.str("key");
      var form = f.enumOf("key_form", TransmissionPath.KeyForm.class, TransmissionPath.KeyForm.HEX, false);
      if (key != null) {
        int bytes = form == TransmissionPath.KeyForm.HEX ? (key.matches("[0-9A-Fa-f]+") ? key.length() / 2 : -1) : key.length();
        if (form == TransmissionPath.KeyForm.HEX && key.length() % 2 != 0) bytes = -1;
        if (bytes != 16 && bytes != 24 && bytes != 32) f.error("key", "an AES key is 16, 24 or 32 bytes (" + (form == TransmissionPath.KeyForm.HEX ? "32, 48 or 64 hex digits" : "characters") + ")");
      }
      // Defaults from the ATS category (EN 50136-1 reporting time); without one, SP4-like values.
      TransmissionPath.Role r = role == null ? TransmissionPath.Role.PRIMARY : role;
      Duration poll = f.duration("poll_interval", cat == null ? Duration.ofSeconds(60) : cat.pollInterval(r));
      Duration failure = f.duration("failure_time", cat == null ? Duration.ofSeconds(180) : cat.reportingTime(r));
      f.done();
      return new TransmissionPath(id, role, tech, host, port, proto, format, acct, receiver, line, key, form, poll, failure, destinations);
    }

    /** {@code host:port} (IPv6 as [addr]:port), or null after reporting why not. */
    TransmissionPath.Destination destination(Fields f, String target) {
      String t = target == null ? "" : target.trim();
      int colon = t.lastIndexOf(':');
      if (colon <= 0) {
        f.error("host", "expected host:port, found '" + target + "'");
        return null;
      }
      String host = t.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
      try {
        int port = Integer.parseInt(t.substring(colon + 1));
        if (port < 1 || port > 65535) throw new NumberFormatException();
        if (host.isBlank()) throw new NumberFormatException();
        return new TransmissionPath.Destination(host, port);
      } catch (NumberFormatException e) {
        f.error("host", "expected host:port with port 1-65535, found '" + target + "'");
        return null;
      }
    }

    // ---- references ----

    void references(SiteConfig c, List<Reader0> readers) {
      Set<String> areas = new HashSet<>();
      c.areas().forEach(a -> areas.add(a.id()));
      Set<String> detectors = new HashSet<>();
      c.detectors().forEach(d -> detectors.add(d.id()));
      Map<Integer, String> zones = new HashMap<>();
      for (int i = 0; i < c.detectors().size(); i++) {
        Detector d = c.detectors().get(i);
        String path = "detectors[" + i + "]";
        area(c, path + ".area", d.area(), areas);
        zone(c, zones, d.zone(), path);
        for (String o : d.overlaps()) {
          if (!detectors.contains(o)) ref(c, path + ".overlaps", "detector", o, detectors);
        }
      }
      for (int i = 0; i < c.holdUpDevices().size(); i++) {
        HoldUpDevice h = c.holdUpDevices().get(i);
        String path = "holdup_devices[" + i + "]";
        area(c, path + ".area", h.area(), areas);
        zone(c, zones, h.zone(), path);
        if (h.keypad() != null && c.keypad(h.keypad()).isEmpty()) ref(c, path + ".keypad", "keypad", h.keypad(), ids(c.keypads().stream().map(Keypad::id).toList()));
      }
      Set<Integer> numbers = new HashSet<>();
      for (int i = 0; i < c.areas().size(); i++) {
        Area a = c.areas().get(i);
        if (a.number() > 0 && !numbers.add(a.number())) err(c, "areas[" + i + "].number", "duplicate area number " + a.number());
        for (int j = 0; j < a.partSets().size(); j++) {
          for (String o : a.partSets().get(j).omit()) {
            var d = c.detector(o);
            String path = "areas[" + i + "].part_sets[" + j + "].omit";
            if (d.isEmpty()) ref(c, path, "detector", o, detectors);
            else if (!d.get().area().equals(a.id())) err(c, path, "detector '" + o + "' is in area '" + d.get().area() + "', not in '" + a.id() + "'");
          }
        }
      }
      for (int i = 0; i < c.keypads().size(); i++) {
        for (String a : c.keypads().get(i).areas()) area(c, "keypads[" + i + "].areas", a, areas);
        if (c.keypads().get(i).areas().isEmpty()) err(c, "keypads[" + i + "]", "a keypad needs at least one area in 'areas'");
      }
      for (int i = 0; i < c.cameras().size(); i++) {
        for (String a : c.cameras().get(i).areas()) area(c, "cameras[" + i + "].areas", a, areas);
      }
      for (String a : c.holdUp().audioAreas()) area(c, "holdup.audio_confirmation", a, areas);
      for (String a : c.holdUp().visualAreas()) area(c, "holdup.visual_confirmation", a, areas);
      for (int i = 0; i < c.holdUp().audioDevices().size(); i++) {
        area(c, "holdup.audio_devices[" + i + "].area", c.holdUp().audioDevices().get(i).area(), areas);
      }
      Set<String> outputs = new HashSet<>();
      c.outputs().forEach(o -> outputs.add(o.id()));
      for (int i = 0; i < c.outputs().size(); i++) {
        for (String a : c.outputs().get(i).areas()) area(c, "outputs[" + i + "].areas", a, areas);
      }
      for (int i = 0; i < readers.size(); i++) {
        var r = readers.get(i).reader();
        String path = readers.get(i).path();
        for (String a : r.areas()) area(c, path + ".areas", a, areas);
        if (r.door() != null && !detectors.contains(r.door())) ref(c, path + ".door", "detector", r.door(), detectors);
        if (r.lockOutput() != null && !outputs.contains(r.lockOutput())) ref(c, path + ".lock_output", "output", r.lockOutput(), outputs);
      }
      for (int i = 0; i < c.areas().size(); i++) {
        for (String o : c.areas().get(i).duress().outputs()) {
          if (!outputs.contains(o)) ref(c, "areas[" + i + "].duress.outputs", "output", o, outputs);
        }
      }
      Set<String> cards = new HashSet<>();
      for (int i = 0; i < c.users().size(); i++) {
        User u = c.users().get(i);
        String path = "users[" + i + "]";
        if (u.homeArea() != null) area(c, path + ".home_area", u.homeArea(), areas);
        for (String a : u.authority().keySet()) area(c, path + ".authority." + a, a, areas);
        if (u.homeArea() != null && areas.contains(u.homeArea()) && !u.authority().containsKey(u.homeArea())) {
          err(c, path + ".home_area", "the home area '" + u.homeArea() + "' needs an authority level in 'authority'");
        }
        if (c.codes().length() > 0 && u.pin() != null && u.pin().length() > 0 && u.pin().length() != c.codes().length()) {
          err(c, path + ".pin", "codes.length is " + c.codes().length() + " but this PIN has " + u.pin().length() + " digits");
        }
        for (String card : u.cards()) {
          if (!cards.add(card)) err(c, path + ".cards", "card '" + card + "' is given to more than one user");
        }
      }
    }

    private Set<String> ids(List<String> l) {
      return new HashSet<>(l);
    }

    private void zone(SiteConfig c, Map<Integer, String> zones, int zone, String path) {
      if (zone <= 0) return;
      String prev = zones.putIfAbsent(zone, path);
      if (prev != null) err(c, path + ".zone", "zone number " + zone + " is already used by " + prev);
    }

    private void area(SiteConfig c, String path, String id, Set<String> areas) {
      if (id != null && !areas.contains(id)) ref(c, path, "area", id, areas);
    }

    private void ref(SiteConfig c, String path, String kind, String id, Set<String> known) {
      String hint = org.vigil.panel.yaml.Names.closest(id, known);
      err(c, path, "undefined " + kind + " '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }

    private void err(SiteConfig c, String path, String message) {
      p.add(c.locate(path), path, message);
    }
  }

  /** Unused helper kept small: list of problems as lines. */
  public static List<String> lines(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    problems.forEach(x -> out.add(x.toString()));
    return out;
  }
}
