package org.vigil.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.vigil.protocol.dc09.CrcForm;
import org.vigil.protocol.dc09.Dc09Codec;
import org.vigil.protocol.dc09.Dc09Error;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Header;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.Dc09Key;
import org.vigil.protocol.dc09.Dc09Notation;
import org.vigil.protocol.dc09.Dc09Responses;
import org.vigil.protocol.dc09.Dc09Result;
import org.vigil.protocol.dc09.Dc09Timestamp;
import org.vigil.protocol.dc09.Deviation;
import org.vigil.protocol.dc09.ExtendedData;
import org.vigil.protocol.dc09.KeyForm;
import org.vigil.protocol.dc09.KeyLookup;
import org.vigil.protocol.dc09.TimestampWindow;
import org.vigil.protocol.event.SignalEvent;
import org.vigil.protocol.event.SignalEvents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil dc09}: decode captured DC-09 frames and build frames for testing. */
@Command(
    name = "dc09",
    mixinStandardHelpOptions = true,
    description = "Decode and encode SIA DC-09 frames (diagnostics for panels and receivers).",
    subcommands = {Dc09Command.Decode.class, Dc09Command.Encode.class})
public final class Dc09Command implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final ObjectMapper JSON = new ObjectMapper();

  static String json(Object o, boolean pretty) {
    try {
      return pretty
          ? JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o)
          : JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyForm keyForm(String text) {
    return switch (text.toLowerCase()) {
      case "hex" -> KeyForm.HEX;
      case "ascii" -> KeyForm.ASCII;
      default -> throw new CommandLine.TypeConversionException("key form is hex or ascii, not " + text);
    };
  }

  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "not an ISO-8601 instant (e.g. 2026-01-31T12:00:00Z): " + text);
    }
  }

  // ------------------------------------------------------------------------------------ decode

  @Command(
      name = "decode",
      mixinStandardHelpOptions = true,
      description = {
        "Decode a DC-09 frame and print its fields as JSON; exit 1 when the frame is invalid.",
        "FRAME uses the notation of the research vectors: <LF>, <CR>, <0xNN> for single bytes"
            + " (binary CRC, NUL). '-' reads one frame per line from standard input.",
        "Without --key-form, a key that is valid both as hex and as ASCII is tried both ways."
      })
  static final class Decode implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FRAME", description = "The frame, or - for standard input.")
    String frame;

    @Option(names = "--key", paramLabel = "KEY", description = "AES key (hex or ASCII).")
    String key;

    @Option(names = "--key-form", paramLabel = "hex|ascii", description = "How KEY is written.")
    String keyForm;

    @Option(names = "--check-time", description = "Apply the timestamp window (default +20 s / -40 s).")
    boolean checkTime;

    @Option(names = "--now", paramLabel = "INSTANT",
        description = "Receiver time for skew and window (ISO-8601, e.g. 2015-06-22T13:53:11Z);"
            + " implies --check-time. Default: the current time.")
    String now;

    @Option(names = "--max-ahead", paramLabel = "SECONDS", defaultValue = "20",
        description = "Window: seconds a frame may be ahead of the receiver (default ${DEFAULT-VALUE}).")
    long maxAhead;

    @Option(names = "--max-behind", paramLabel = "SECONDS", defaultValue = "40",
        description = "Window: seconds a frame may be behind the receiver (default ${DEFAULT-VALUE}).")
    long maxBehind;

    @Option(names = "--strict-length", description = "Reject a wrong length field even when the CRC is right.")
    boolean strictLength;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<Dc09Key> keys;
      try {
        keys = keys();
      } catch (IllegalArgumentException e) {
        err.println("vigil dc09 decode: " + e.getMessage());
        return 2;
      }
      Instant reference;
      try {
        reference = now == null ? Instant.now() : instant(now);
      } catch (CommandLine.TypeConversionException e) {
        err.println("vigil dc09 decode: --now " + e.getMessage());
        return 2;
      }
      boolean window = checkTime || now != null;
      if ("-".equals(frame)) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.ISO_8859_1));
        int worst = 0;
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) continue;
          Map<String, Object> result = decodeOne(line, keys, reference, window);
          out.println(json(result, false));
          if (!Boolean.TRUE.equals(result.get("valid"))) worst = 1;
        }
        out.flush();
        return worst;
      }
      Map<String, Object> result = decodeOne(frame, keys, reference, window);
      out.println(json(result, true));
      out.flush();
      return Boolean.TRUE.equals(result.get("valid")) ? 0 : 1;
    }

    private List<Dc09Key> keys() {
      if (key == null) return List.of();
      if (keyForm != null) return List.of(Dc09Key.parse(key, keyForm(keyForm)));
      List<Dc09Key> candidates = Dc09Key.candidates(key);
      if (candidates.isEmpty()) {
        throw new IllegalArgumentException("--key is neither a hex key ("
            + Dc09Key.problem(key, KeyForm.HEX).orElse("") + ") nor an ASCII key ("
            + Dc09Key.problem(key, KeyForm.ASCII).orElse("") + ")");
      }
      return candidates;
    }

    private Map<String, Object> decodeOne(String text, List<Dc09Key> keys, Instant now, boolean window) {
      Map<String, Object> j = new LinkedHashMap<>();
      List<String> notes = new ArrayList<>();
      String t = text.strip();
      if (!t.startsWith("<LF>") && !t.startsWith("\n")) {
        t = "<LF>" + t;
        notes.add("no <LF> at the start: added");
      }
      if (!t.endsWith("<CR>") && !t.endsWith("\r") && !t.matches("(?s).*(<0x00>|<NUL>)+$")) {
        t = t + "<CR>";
        notes.add("no <CR> at the end: added");
      }
      Optional<byte[]> bytes = Dc09Notation.parse(t);
      if (bytes.isEmpty()) {
        j.put("valid", false);
        j.put("error", "malformed");
        j.put("detail", "the frame text has a character that is not a single byte");
        return j;
      }
      Dc09Codec codec = Dc09Codec.standard().strictLength(strictLength);
      Dc09Result result = codec.decode(bytes.get());
      Dc09Key used = null;
      for (Dc09Key k : keys) {
        Dc09Result r = codec.decode(bytes.get(), KeyLookup.always(k));
        if (r.isDecoded() || used == null) {
          result = r;
          used = k;
        }
        if (r.isDecoded()) break;
      }
      TimestampWindow w = new TimestampWindow(Duration.ofSeconds(maxAhead), Duration.ofSeconds(maxBehind));
      Dc09Responses responses = new Dc09Responses(Dc09Codec.standard());
      switch (result) {
        case Dc09Result.Decoded d -> {
          Dc09Frame f = d.frame();
          Optional<Dc09Error> late = window ? w.check(f, now) : Optional.empty();
          j.put("valid", late.isEmpty());
          if (late.isPresent()) {
            j.put("error", late.get().kind().label());
            j.put("detail", late.get().detail());
          }
          frameFields(j, f, bytes.get());
          if (used != null && f.encrypted()) {
            j.put("key", "AES-" + used.bits() + " (" + used.form().name().toLowerCase() + ")");
          }
          f.timestamp().ifPresent(ts -> {
            j.put("timestamp", Dc09Timestamp.format(ts));
            j.put("timestampUtc", ts.toInstant(ZoneOffset.UTC).toString());
            j.put("skewSeconds", TimestampWindow.skew(ts, now).toSeconds());
            j.put("receiverTime", now.toString());
          });
          if (!d.deviations().isEmpty()) {
            List<Map<String, Object>> devs = new ArrayList<>();
            for (Deviation dev : d.deviations()) {
              devs.add(ordered("kind", dev.kind().name().toLowerCase().replace('_', '-'), "detail", dev.detail()));
            }
            j.put("deviations", devs);
          }
          List<Map<String, Object>> events = new ArrayList<>();
          for (SignalEvent e : SignalEvents.of(f)) events.add(event(e));
          j.put("events", events);
          if (late.isPresent()) {
            j.put("response", "NAK");
            j.put("responseFrame", Dc09Notation.format(responses.nak(now, f.crcForm())));
          } else if (!f.id().isResponse()) {
            j.put("response", "ACK");
            j.put("responseFrame", Dc09Notation.format(responses.ack(f, used, now)));
          }
        }
        case Dc09Result.Rejected r -> {
          Dc09Error e = r.error();
          j.put("valid", false);
          j.put("error", e.kind().label());
          j.put("detail", e.detail());
          if (e.offset() >= 0) j.put("offset", e.offset());
          if (e.kind() == Dc09Error.Kind.DECRYPT && keys.size() > 1) {
            j.put("keysTried", keys.stream().map(k -> "AES-" + k.bits() + " (" + k.form().name().toLowerCase() + ")").toList());
          }
          if (e.header() != null) j.put("header", header(e.header()));
          j.put("response", e.response().name());
          responses.answer(e, now).ifPresent(b -> j.put("responseFrame", Dc09Notation.format(b)));
        }
      }
      if (!notes.isEmpty()) j.put("notes", notes);
      return j;
    }

    private static void frameFields(Map<String, Object> j, Dc09Frame f, byte[] raw) {
      j.put("id", f.id().token());
      j.put("encrypted", f.encrypted());
      j.put("sequence", f.sequence());
      if (f.receiver() != null) j.put("receiver", f.receiver());
      if (f.line() != null) j.put("line", f.line());
      if (f.account() != null) j.put("account", f.account());
      if (f.accountMarker() != '#') j.put("accountMarker", String.valueOf(f.accountMarker()));
      j.put("crcForm", f.crcForm().name().toLowerCase());
      j.put("crc", f.crcForm() == CrcForm.HEX
          ? new String(raw, 1, 4, StandardCharsets.ISO_8859_1)
          : HexFormat.of().withUpperCase().formatHex(raw, 1, 3));
      int q = f.crcForm() == CrcForm.HEX ? 9 : 7;
      j.put("lengthField", new String(raw, q - 4, 4, StandardCharsets.ISO_8859_1));
      j.put("data", f.data());
      if (!f.extended().isEmpty()) {
        List<Map<String, Object>> xs = new ArrayList<>();
        for (ExtendedData x : f.extended()) xs.add(ordered("type", String.valueOf(x.type()), "value", x.text()));
        j.put("extendedData", xs);
      }
    }

    private static Map<String, Object> header(Dc09Header h) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (h.idToken() != null) m.put("id", h.idToken());
      if (h.sequence() != null) m.put("sequence", h.sequence());
      if (h.receiver() != null) m.put("receiver", h.receiver());
      if (h.line() != null) m.put("line", h.line());
      if (h.account() != null) m.put("account", h.account());
      m.put("crcForm", h.crcForm().name().toLowerCase());
      return m;
    }

    private static Map<String, Object> event(SignalEvent e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("category", e.category().name());
      m.put("format", e.format() == SignalEvent.Format.SIA ? "sia" : "contact-id");
      m.put("code", e.code());
      if (e.format() == SignalEvent.Format.CONTACT_ID) m.put("qualifier", e.qualifier());
      if (e.restore()) m.put("restore", true);
      if (!e.area().isEmpty()) m.put("area", e.area());
      if (!e.zone().isEmpty()) m.put("zone", e.zone());
      if (!e.user().isEmpty()) m.put("user", e.user());
      if (!e.meaning().isEmpty()) m.put("meaning", e.meaning());
      if (!e.text().isEmpty()) m.put("text", e.text());
      return m;
    }
  }

  static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  // ------------------------------------------------------------------------------------ encode

  @Command(
      name = "encode",
      mixinStandardHelpOptions = true,
      description = {
        "Build a DC-09 frame from fields and print it in the vector notation (<LF>...<CR>).",
        "Example: vigil dc09 encode --id SIA-DCS --seq 0001 --line 0 --account 1234"
            + " --data '#1234|Nri1/BA12' --timestamp none"
      })
  static final class Encode implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "ID",
        description = "SIA-DCS, ADM-CID, NULL, ACK, NAK, DUH or RSP; a leading * (or --key) encrypts.")
    String id;

    @Option(names = "--seq", defaultValue = "0001", paramLabel = "NNNN", description = "Sequence, 4 digits (default ${DEFAULT-VALUE}).")
    String seq;

    @Option(names = "--receiver", paramLabel = "HEX", description = "Receiver number R (omitted when not given).")
    String receiver;

    @Option(names = "--line", paramLabel = "HEX", description = "Line / account prefix L ('' for an empty L).")
    String line;

    @Option(names = "--account", paramLabel = "ACCT", description = "Account (omitted when not given).")
    String account;

    @Option(names = "--data", defaultValue = "", paramLabel = "DATA", description = "Data block content, e.g. '#1234|Nri1/BA12'.")
    String data;

    @Option(names = "--xdata", paramLabel = "TVALUE", description = "Extended data block, type letter then value, e.g. X115000 (repeatable).")
    List<String> xdata = new ArrayList<>();

    @Option(names = "--timestamp", defaultValue = "now", paramLabel = "now|none|HH:MM:SS,MM-DD-YYYY",
        description = "Timestamp (default ${DEFAULT-VALUE}; encrypted frames need one).")
    String timestamp;

    @Option(names = "--now", paramLabel = "INSTANT", description = "What 'now' means (ISO-8601), for reproducible frames.")
    String now;

    @Option(names = "--key", paramLabel = "KEY", description = "AES key: encrypts the frame.")
    String key;

    @Option(names = "--key-form", paramLabel = "hex|ascii", description = "How KEY is written (default: hex when it is valid hex, else ascii).")
    String keyForm;

    @Option(names = "--crc", defaultValue = "hex", paramLabel = "hex|binary", description = "CRC form (default ${DEFAULT-VALUE}).")
    String crc;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the encryption pad (reproducible output).")
    Long seed;

    @Option(names = "--format", defaultValue = "notation", paramLabel = "notation|hex|raw",
        description = "Output: vector notation (default), hex bytes, or the raw bytes.")
    String format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        boolean encrypted = id.startsWith("*") || key != null;
        String token = id.startsWith("*") ? id.substring(1) : id;
        Dc09Id dc09Id = Dc09Id.ofToken(token.toUpperCase()).orElseThrow(() ->
            new IllegalArgumentException("unknown id " + id + " (SIA-DCS, ADM-CID, NULL, ACK, NAK, DUH, RSP)"));
        Dc09Key k = null;
        if (encrypted) {
          if (key == null) throw new IllegalArgumentException("an encrypted frame needs --key");
          KeyForm form = keyForm != null ? keyForm(keyForm)
              : Dc09Key.problem(key, KeyForm.HEX).isEmpty() ? KeyForm.HEX : KeyForm.ASCII;
          k = Dc09Key.parse(key, form);
        }
        Instant reference = now == null ? Instant.now() : instant(now);
        Dc09Frame.Builder b = Dc09Frame.builder(dc09Id).encrypted(encrypted).sequence(seq)
            .receiver(receiver).line(line).account(account).data(data)
            .crcForm(switch (crc.toLowerCase()) {
              case "hex" -> CrcForm.HEX;
              case "binary", "bin" -> CrcForm.BINARY;
              default -> throw new IllegalArgumentException("--crc is hex or binary");
            });
        if (dc09Id == Dc09Id.NAK && account != null) b.accountMarker('A');
        for (String x : xdata) {
          if (x.isEmpty()) throw new IllegalArgumentException("--xdata needs a type letter");
          b.addExtended(x.charAt(0), x.substring(1));
        }
        switch (timestamp.toLowerCase()) {
          case "now" -> b.timestamp(reference);
          case "none" -> b.timestamp((LocalDateTime) null);
          default -> b.timestamp(Dc09Timestamp.parse(timestamp, 0)
              .filter(t -> timestamp.length() == Dc09Timestamp.LENGTH)
              .orElseThrow(() -> new IllegalArgumentException(
                  "--timestamp is now, none or HH:MM:SS,MM-DD-YYYY, not " + timestamp)));
        }
        RandomGenerator random = seed == null
            ? new java.security.SecureRandom()
            : RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        byte[] bytes = Dc09Codec.withRandom(random).encode(b.build(), k);
        switch (format.toLowerCase()) {
          case "raw" -> {
            out.flush();
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
          }
          case "hex" -> out.println(HexFormat.of().withUpperCase().formatHex(bytes));
          default -> out.println(Dc09Notation.format(bytes));
        }
        out.flush();
        return 0;
      } catch (IllegalArgumentException | CommandLine.TypeConversionException e) {
        err.println("vigil dc09 encode: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
  }
}
