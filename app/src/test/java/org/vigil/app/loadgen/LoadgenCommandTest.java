package org.vigil.app.loadgen;

import org.vigil.app.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil loadgen} against the baseline responder (real sockets), and its refusals of bad input. */
class LoadgenCommandTest {
  static BaselineServer baseline;

  @BeforeAll
  static void startBaseline() throws Exception {
    baseline = BaselineServer.start(new InetSocketAddress("127.0.0.1", 0), 1);
  }

  @AfterAll
  static void stopBaseline() {
    baseline.close();
  }


  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static JsonNode json(CliRun r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void tcpRunAgainstTheBaselineAcknowledgesEveryFrameAndReportsLatency() throws Exception {
    CliRun r = run("loadgen", "--port", "" + baseline.port(), "--baseline", "--panels", "20", "--duration", "2s",
        "--json", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = json(r);
    assertThat(j.get("acked").asLong()).isPositive().isEqualTo(j.get("framesSent").asLong());
    assertThat(j.get("errors").asLong()).isZero();
    assertThat(j.get("outstanding").asLong()).isZero();
    assertThat(j.get("connections").asLong()).isEqualTo(20);
    JsonNode lat = j.get("ackLatencyMs");
    assertThat(lat.get("count").asLong()).isEqualTo(j.get("acked").asLong());
    assertThat(lat.get("p50").asDouble()).isPositive().isLessThanOrEqualTo(lat.get("p99").asDouble());
    assertThat(lat.get("p999").asDouble()).isLessThanOrEqualTo(lat.get("max").asDouble());
  }

  @Test
  void udpAndPerMessageConnectionsOverSeveralSourceAddresses() throws Exception {
    for (String mode : new String[] {"UDP", "TCP_PER_MESSAGE"}) {
      CliRun r = run("loadgen", "--port", "" + baseline.port(), "--baseline", "--panels", "10", "--mode", mode,
          "--sources", "3", "--rate", "200", "--duration", "2s", "--json", "-q");
      assertThat(r.exit()).as(mode + " " + r.err()).isZero();
      JsonNode j = json(r);
      assertThat(j.get("mode").asText()).isEqualTo(mode.toLowerCase());
      assertThat(j.get("acked").asLong()).as(mode).isPositive();
      assertThat(j.get("retransmissions").asLong()).as(mode + ": one message in flight per panel").isZero();
      assertThat(j.get("lateAcks").asLong()).as(mode).isZero();
      if (mode.equals("TCP_PER_MESSAGE")) assertThat(j.get("connections").asLong()).isEqualTo(j.get("framesSent").asLong());
    }
  }

  /** The baseline's fixed ACK carries sequence 0000 and account 0: without --baseline every one is refused. */
  @Test
  void anAckForAnotherSequenceOrAccountIsCountedAsAnErrorNotAsAcknowledged() throws Exception {
    CliRun r = run("loadgen", "--port", "" + baseline.port(), "--panels", "3", "--duration", "1s", "--drain", "0s",
        "--ack-timeout", "5s", "--json", "-q");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode j = json(r);
    assertThat(j.get("acked").asLong()).isZero();
    assertThat(j.get("errorsByKind").get("ack_mismatch").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(j.get("outstanding").asLong()).isEqualTo(3);
  }

  @Test
  void summaryNamesEveryFigure() {
    CliRun r = run("loadgen", "--port", "" + baseline.port(), "--baseline", "--panels", "2", "--duration", "1s", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("frames sent", "ACKed", "NAKed", "errors", "throughput", "p50", "p99", "p99.9", "max");
  }

  @Test
  void badOptionsAreRefusedWithAReason(@TempDir Path dir) throws Exception {
    assertThat(run("loadgen", "--panels", "0")).satisfies(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--panels must be at least 1");
    });
    assertThat(run("loadgen", "--duration", "5x").err()).contains("not a duration");
    assertThat(run("loadgen", "--encrypt", "--key", "ZZ")).satisfies(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--key");
    });
    assertThat(run("loadgen", "--sources", "300").err()).contains("--sources must be 1..254");
    assertThat(run("loadgen", "--account-prefix", "TOOLONGPREFIX1234").err()).contains("too long");
    assertThat(run("loadgen", "--accounts", dir.resolve("missing.csv").toString()).err()).contains("cannot read");
    Path noNumber = Files.writeString(dir.resolve("a.csv"), "name,key\nshop,\n");
    assertThat(run("loadgen", "--accounts", noNumber.toString()).err()).contains("no 'number' column");
    Path badKey = Files.writeString(dir.resolve("b.csv"), "number,key\n1234,XYZ\n");
    assertThat(run("loadgen", "--accounts", badKey.toString()).err()).contains("line 2", "key");
    Path badNumber = Files.writeString(dir.resolve("c.csv"), "number\n12-34\n");
    assertThat(run("loadgen", "--accounts", badNumber.toString()).err()).contains("line 2", "12-34");
    assertThat(run("loadgen", "--provision", "http://127.0.0.1:1", "--port", "" + baseline.port()).err())
        .contains("cannot reach the ARC's accounts API");
  }

  @Test
  void accountsFromAFileDriveThePanels(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("accounts.csv"),
        "number,line,key,keyForm\n1234,1,,\nABCD,2,000102030405060708090A0B0C0D0E0F,HEX\n");
    CliRun r = run("loadgen", "--port", "" + baseline.port(), "--baseline", "--accounts", file.toString(),
        "--duration", "1s", "--json", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(json(r).get("panels").asInt()).isEqualTo(2);
  }
}
