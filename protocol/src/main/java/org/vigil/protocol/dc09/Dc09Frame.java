package org.vigil.protocol.dc09;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One DC-09 frame with every field as received (research A.2). Absent optional fields are null (or
 * empty), never the text "null": the encoder leaves them out.
 *
 * @param id the id token without {@code *}
 * @param encrypted whether the token carried {@code *} (AES-CBC body)
 * @param sequence sequence number as received text, 4 digits ("0000"-"9999"); echoed, never renumbered
 * @param receiver {@code R} field value (hex), null when absent
 * @param line {@code L} (account prefix) value, null when absent, "" when {@code L} had no digits
 * @param accountMarker '#' normally; 'A' for the fixed NAK form {@code A0}
 * @param account account as received (case preserved), null when absent
 * @param data the data block content between {@code [} and {@code ]}, verbatim (one char per byte)
 * @param extended extended data blocks in order, verbatim
 * @param timestamp the {@code _HH:MM:SS,MM-DD-YYYY} timestamp (UTC by the standard), if present
 * @param crcForm how the CRC was (or will be) written
 * @param raw the bytes this frame was decoded from (LF..CR), empty for frames built in code
 */
public record Dc09Frame(
    Dc09Id id,
    boolean encrypted,
    String sequence,
    String receiver,
    String line,
    char accountMarker,
    String account,
    String data,
    List<ExtendedData> extended,
    Optional<LocalDateTime> timestamp,
    CrcForm crcForm,
    byte[] raw) {

  /** Largest receiver / line value, in hex digits (research A.2). */
  public static final int MAX_RECEIVER_DIGITS = 6;

  /** Largest account length accepted (Swissdotnet and pysiaalarm max 16). */
  public static final int MAX_ACCOUNT_LENGTH = 16;

  public Dc09Frame {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(crcForm, "crcForm");
    extended = List.copyOf(Objects.requireNonNull(extended, "extended"));
    raw = raw == null ? new byte[0] : raw;
    if (!isDigits(sequence, 4, 4)) {
      throw new IllegalArgumentException("sequence must be 4 digits: " + sequence);
    }
    if (receiver != null && !isHex(receiver, 1, MAX_RECEIVER_DIGITS)) {
      throw new IllegalArgumentException("receiver must be 1-6 hex digits: " + receiver);
    }
    if (line != null && !isHex(line, 0, MAX_RECEIVER_DIGITS)) {
      throw new IllegalArgumentException("line must be 0-6 hex digits: " + line);
    }
    if (accountMarker != '#' && accountMarker != 'A') {
      throw new IllegalArgumentException("account marker must be '#' or 'A'");
    }
    if (account != null && !isAlnum(account, 0, MAX_ACCOUNT_LENGTH)) {
      throw new IllegalArgumentException("account must be 0-16 letters or digits: " + account);
    }
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == ']' || c == '\r' || c == '\n' || c > 0xFF) {
        throw new IllegalArgumentException("data contains forbidden character at " + i);
      }
    }
  }

  /** A frame with the usual defaults (no R, no L, hex CRC, no extended data, no timestamp). */
  public static Builder builder(Dc09Id id) {
    return new Builder(id);
  }

  /** The timestamp read as UTC, as the standard says it is. */
  public Optional<Instant> timestampUtc() {
    return timestamp.map(t -> t.toInstant(ZoneOffset.UTC));
  }

  /** The sequence as a number (0-9999). */
  public int sequenceNumber() {
    return Integer.parseInt(sequence);
  }

  public List<ExtendedData> extended(char type) {
    return extended.stream().filter(x -> x.type() == type).toList();
  }

  /** Longitude blocks ({@code [X...]}). */
  public List<ExtendedData> longitudes() {
    return extended('X');
  }

  /** Latitude blocks ({@code [Y...]}). */
  public List<ExtendedData> latitudes() {
    return extended('Y');
  }

  /** Verification blocks ({@code [V...]}), e.g. photo links. */
  public List<ExtendedData> verifications() {
    return extended('V');
  }

  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.encrypted = encrypted;
    b.sequence = sequence;
    b.receiver = receiver;
    b.line = line;
    b.accountMarker = accountMarker;
    b.account = account;
    b.data = data;
    b.extended = new ArrayList<>(extended);
    b.timestamp = timestamp.orElse(null);
    b.crcForm = crcForm;
    return b;
  }

  /** Field equality; the raw bytes are not compared (two encodings may differ only in padding). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Dc09Frame f
        && id == f.id
        && encrypted == f.encrypted
        && sequence.equals(f.sequence)
        && Objects.equals(receiver, f.receiver)
        && Objects.equals(line, f.line)
        && accountMarker == f.accountMarker
        && Objects.equals(account, f.account)
        && data.equals(f.data)
        && extended.equals(f.extended)
        && timestamp.equals(f.timestamp)
        && crcForm == f.crcForm;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, encrypted, sequence, receiver, line, account, data, extended, timestamp);
  }

  @Override
  public String toString() {
    return "Dc09Frame[" + (encrypted ? "*" : "") + id.token() + " seq=" + sequence
        + (receiver == null ? "" : " R" + receiver)
        + (line == null ? "" : " L" + line)
        + (account == null ? "" : " " + accountMarker + account)
        + " data=" + data + (extended.isEmpty() ? "" : " xdata=" + extended)
        + timestamp.map(t -> " ts=" + Dc09Timestamp.format(t)).orElse("")
        + (crcForm == CrcForm.BINARY ? " crc=binary" : "") + "]";
  }

  /** The raw bytes, copied. */
  public byte[] rawBytes() {
    return Arrays.copyOf(raw, raw.length);
  }

  static boolean isDigits(String s, int min, int max) {
    if (s.length() < min || s.length() > max) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  static boolean isHex(String s, int min, int max) {
    if (s.length() < min || s.length() > max) return false;
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 0x7F) return false;
    }
    return true;
  }

  static boolean isAlnum(String s, int min, int max) {
    if (s.length() < min || s.length() > max) return false;
    for (int i = 0; i < s.length(); i++) {
      if (!isAlnum(s.charAt(i))) return false;
    }
    return true;
  }

  static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** Builds frames for encoding; unset optional fields stay absent. */
  public static final class Builder {
    private final Dc09Id id;
    private boolean encrypted;
    private String sequence = "0000";
    private String receiver;
    private String line;
    private char accountMarker = '#';
    private String account;
    private String data = "";
    private List<ExtendedData> extended = new ArrayList<>();
    private LocalDateTime timestamp;
    private CrcForm crcForm = CrcForm.HEX;

    private Builder(Dc09Id id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder encrypted(boolean encrypted) {
      this.encrypted = encrypted;
      return this;
    }

    public Builder sequence(String sequence) {
      this.sequence = sequence;
      return this;
    }

    /** Sequence from a number 0-9999, written with 4 digits. */
    public Builder sequence(int sequence) {
      if (sequence < 0 || sequence > 9999) throw new IllegalArgumentException("sequence 0-9999");
      this.sequence = String.format("%04d", sequence);
      return this;
    }

    public Builder receiver(String receiver) {
      this.receiver = receiver;
      return this;
    }

    public Builder line(String line) {
      this.line = line;
      return this;
    }

    public Builder accountMarker(char marker) {
      this.accountMarker = marker;
      return this;
    }

    public Builder account(String account) {
      this.account = account;
      return this;
    }

    public Builder data(String data) {
      this.data = data;
      return this;
    }

    public Builder extended(List<ExtendedData> extended) {
      this.extended = new ArrayList<>(extended);
      return this;
    }

    public Builder addExtended(char type, String value) {
      this.extended.add(new ExtendedData(type, value));
      return this;
    }

    public Builder timestamp(LocalDateTime timestamp) {
      this.timestamp = timestamp == null ? null : timestamp.withNano(0);
      return this;
    }

    /** Timestamp from an instant, written in UTC as the standard requires. */
    public Builder timestamp(Instant timestamp) {
      return timestamp(timestamp == null ? null : LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC));
    }

    public Builder crcForm(CrcForm crcForm) {
      this.crcForm = crcForm;
      return this;
    }

    public Dc09Frame build() {
      return new Dc09Frame(
          id, encrypted, sequence, receiver, line, accountMarker, account, data, extended,
          Optional.ofNullable(timestamp), crcForm, new byte[0]);
    }
  }
}
