package org.vigil.protocol.dc09;

import java.util.Optional;

/** The id tokens of DC-09 (research A.4). The {@code *} of encrypted frames is not part of it. */
public enum Dc09Id {
  SIA_DCS("SIA-DCS"),
  ADM_CID("ADM-CID"),
  NULL("NULL"),
  ACK("ACK"),
  NAK("NAK"),
  DUH("DUH"),
  RSP("RSP");

  private static final Dc09Id[] ALL = values();

  private final String token;

  Dc09Id(String token) {
    this.token = token;
  }

  /** The token as written between the quotes, without {@code *}. */
  public String token() {
    return token;
  }

  /** True for the ids a receiver sends (ACK, NAK, DUH, RSP). */
  public boolean isResponse() {
    return this == ACK || this == NAK || this == DUH || this == RSP;
  }

  public static Optional<Dc09Id> ofToken(String token) {
    for (Dc09Id id : ALL) {
      if (id.token.equals(token)) return Optional.of(id);
    }
    return Optional.empty();
  }
}
