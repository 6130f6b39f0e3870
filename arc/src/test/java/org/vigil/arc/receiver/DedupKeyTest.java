package org.vigil.arc.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.arc.account.Account;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.dc09.Dc09Id;
import org.vigil.protocol.dc09.ExtendedData;

/** Retransmission keys are stored with each signal and compared after a restart: their definition must not change. */
class DedupKeyTest {

  /** The definition as first written (one concatenated string), kept here as the reference. */
  private static byte[] reference(Account a, Dc09Frame f) throws Exception {
    String s = a.id() + "\u0001" + f.id().token() + "\u0001" + f.sequence() + "\u0001" + f.data() + "\u0001"
        + f.extended().stream().map(ExtendedData::block).collect(Collectors.joining("\u0002"));
    return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 16);
  }

  @Test
  void theStreamedDigestEqualsTheStoredDefinition() throws Exception {
    Account a = Account.of("1234").withId(42);
    List<Dc09Frame> frames = List.of(
        Dc09Frame.builder(Dc09Id.SIA_DCS).sequence(7).receiver("1").line("2").account("1234")
            .data("#1234|Nri1/BA001").build(),
        Dc09Frame.builder(Dc09Id.SIA_DCS).sequence(8).account("1234").data("#1234|Nri1/BA002 Zoné")
            .extended(List.of(new ExtendedData('X', "E0.1"), new ExtendedData('Y', "N51.5"))).build(),
        Dc09Frame.builder(Dc09Id.ADM_CID).sequence(9).account("1234").data("#1234|1130 01 015")
            .extended(List.of(new ExtendedData('V', "http://x/y"))).build());
    for (Dc09Frame f : frames) assertThat(FrameProcessor.dedupKey(a, f)).isEqualTo(reference(a, f));
    assertThat(FrameProcessor.dedupKey(a, frames.get(0))).isNotEqualTo(FrameProcessor.dedupKey(a, frames.get(1)));
  }
}
