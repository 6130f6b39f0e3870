package org.vigil.protocol.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Dc09SmokeTest {
  static byte[] b(String s) {
    return Dc09Notation.parse(s).orElseThrow();
  }

  @Test
  void plainAndEncryptedPublishedFramesDecode() {
    Dc09Codec codec = Dc09Codec.standard();
    var r = codec.decode(b("<LF>2729002e\"ACK\"0001L0#080027E62A64[]_16:07:07,04-14-2015<CR>"));
    assertThat(r).isInstanceOf(Dc09Result.Decoded.class);
    var key = Dc09Key.parse("ABCDABCDABCDABCDABCDABCDABCDABCD", KeyForm.HEX);
    var e = codec.decode(b("<LF>E34C0062\"*ACK\"0001R5678L1234#080027E62A64[14F088FF5DCB19D1908069507EAB97C7CDB20F1C6EFA550BB59864D54B2DFA1C<CR>"), KeyLookup.always(key));
    assertThat(e).as(e.toString()).isInstanceOf(Dc09Result.Decoded.class);
    var nak = codec.decode(b("<LF>3C830025\"NAK\"0000R0L0A0[]_16:09:09,04-14-2015<CR>"));
    assertThat(nak).as(nak.toString()).isInstanceOf(Dc09Result.Decoded.class);
    Dc09Frame f = ((Dc09Result.Decoded) nak).frame();
    assertThat(f.line()).isEqualTo("0");
    assertThat(f.account()).isEqualTo("0");
    assertThat(codec.encode(f, null)).isEqualTo(b("<LF>3C830025\"NAK\"0000R0L0A0[]_16:09:09,04-14-2015<CR>"));
  }
}
