package org.vigil.protocol.dc09;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds what a receiver sends back (research A.11): ACK and DUH echo sequence, R, L and account
 * exactly as received and omit what the request omitted; NAK has its fixed form with the receiver's
 * UTC time. Every response uses the request's CRC form.
 */
public final class Dc09Responses {

  private final Dc09Codec codec;

  public Dc09Responses(Dc09Codec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * ACK for a decoded request: clear {@code "ACK"} with the receiver's time, or {@code "*ACK"}
   * encrypted with the request's key when the request was encrypted (DC-09: "When the CSR is
   * responding to an encrypted message, the ACK response will be encrypted").
   *
   * @param key the request's key; required when the request was encrypted
   */
  public byte[] ack(Dc09Frame request, Dc09Key key, Instant now) {
    return codec.encode(ackFrame(request, now), request.encrypted() ? key : null);
  }

  /** The ACK frame before encoding. */
  public static Dc09Frame ackFrame(Dc09Frame request, Instant now) {
    return echo(Dc09Id.ACK, request.encrypted(), request.sequence(), request.receiver(),
        request.line(), request.accountMarker(), request.account(), request.crcForm())
        .timestamp(now)
        .build();
  }

  /** The fixed NAK {@code "NAK"0000R0L0A0[]_time} in hex CRC form. */
  public byte[] nak(Instant now) {
    return nak(now, CrcForm.HEX);
  }

  /** The fixed NAK in the given CRC form (answer a binary-CRC panel in binary). */
  public byte[] nak(Instant now, CrcForm form) {
    return codec.encode(nakFrame(now, form), null);
  }

  public static Dc09Frame nakFrame(Instant now, CrcForm form) {
    return new Dc09Frame(Dc09Id.NAK, false, "0000", "0", "0", 'A', "0", "", List.of(),
        Optional.of(LocalDateTime.ofInstant(now, ZoneOffset.UTC).withNano(0)), form, null);
  }

  /** DUH echoing a decoded request's addressing; always clear, without timestamp. */
  public byte[] duh(Dc09Frame request) {
    return codec.encode(echo(Dc09Id.DUH, false, request.sequence(), request.receiver(),
        request.line(), request.accountMarker(), request.account(), request.crcForm()).build(), null);
  }

  /** DUH from a rejected frame's header (unknown id); empty when the header is too short to echo. */
  public Optional<byte[]> duh(Dc09Header header) {
    if (header == null || header.sequence() == null) return Optional.empty();
    return Optional.of(codec.encode(echo(Dc09Id.DUH, false, header.sequence(), header.receiver(),
        header.line(), header.accountMarker(), header.account(), header.crcForm()).build(), null));
  }

  /**
   * The answer to a rejection, following {@link Dc09Error#response()}: NAK, DUH or nothing. NAK
   * uses the rejected frame's CRC form when it could be read.
   */
  public Optional<byte[]> answer(Dc09Error error, Instant now) {
    CrcForm form = error.header() != null ? error.header().crcForm() : CrcForm.HEX;
    return switch (error.response()) {
      case NAK -> Optional.of(nak(now, form));
      case DUH -> duh(error.header()).or(() -> Optional.of(nak(now, form)));
      case NONE, ACK -> Optional.empty();
    };
  }

  /**
   * For a transmitter: whether {@code response} acknowledges {@code request}: an ACK with the same
   * sequence, receiver, line and account (DC-09 panels validate the echo, research A.5). An
   * encrypted request needs an encrypted ACK.
   */
  public static boolean isAckFor(Dc09Frame request, Dc09Frame response) {
    return response.id() == Dc09Id.ACK
        && response.encrypted() == request.encrypted()
        && response.sequence().equals(request.sequence())
        && Objects.equals(response.receiver(), request.receiver())
        && Objects.equals(response.line(), request.line())
        && Objects.equals(response.account(), request.account());
  }

  private static Dc09Frame.Builder echo(Dc09Id id, boolean encrypted, String seq, String r,
      String l, char marker, String acct, CrcForm form) {
    return Dc09Frame.builder(id).encrypted(encrypted).sequence(seq).receiver(r).line(l)
        .accountMarker(marker).account(acct).crcForm(form);
  }
}
