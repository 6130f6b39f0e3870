package org.vigil.panel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.TransmissionPath.Destination;
import org.vigil.panel.yaml.Parsed;

/** Issue 9 "destination(s) host:port": one receiver or a receiver pair/list per path. */
class TransmissionDestinationsTest {

  static Parsed<SiteConfig> parse(String host) {
    return new SiteLoader(1).parse(SiteLoaderTest.MINIMAL + """
        transmission:
          account: "1234"
          category: SP2
          paths:
            - id: ip
              role: primary
              technology: ethernet
              host: %s
        """.formatted(host), Path.of("t.yaml"));
  }

  static List<String> problems(Parsed<SiteConfig> p) {
    return p.problems().stream().map(x -> x.path() + ": " + x.message()).toList();
  }

  @Test
  void singleHostFormStillLoadsAsOneDestination() {
    TransmissionPath p = parse("arc.example.net:3061").orThrow().transmission().paths().get(0);
    assertThat(p.destinations()).containsExactly(new Destination("arc.example.net", 3061));
    assertThat(p.host()).isEqualTo("arc.example.net");
    assertThat(p.port()).isEqualTo(3061);
  }

  @Test
  void hostListIsAReceiverPairTriedInOrder() {
    TransmissionPath p = parse("[\"arc-a.example.net:3061\", \"arc-b.example.net:3062\"]").orThrow().transmission().paths().get(0);
    assertThat(p.destinations()).containsExactly(new Destination("arc-a.example.net", 3061), new Destination("arc-b.example.net", 3062));
    // host/port name the first destination, for displays that show one address.
    assertThat(p.host() + ":" + p.port()).isEqualTo("arc-a.example.net:3061");
  }

  @Test
  void ipv6DestinationInBracketsIsRead() {
    TransmissionPath p = parse("\"[::1]:3061\"").orThrow().transmission().paths().get(0);
    assertThat(p.destinations()).containsExactly(new Destination("::1", 3061));
  }

  @Test
  void destinationListedTwiceIsAnError() {
    Parsed<SiteConfig> p = parse("[\"a:1\", \"a:1\"]");
    assertThat(p.ok()).isFalse();
    assertThat(problems(p)).singleElement().asString().contains("transmission.paths[0].host").contains("a:1 is listed twice");
  }

  @Test
  void badDestinationInTheListIsReportedWithItsValue() {
    Parsed<SiteConfig> p = parse("[\"a:1\", \"b\", \"c:70000\"]");
    assertThat(p.ok()).isFalse();
    assertThat(problems(p)).hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("expected host:port, found 'b'"))
        .anySatisfy(m -> assertThat(m).contains("port 1-65535, found 'c:70000'"));
  }

  @Test
  void emptyDestinationListIsAnError() {
    Parsed<SiteConfig> p = parse("[]");
    assertThat(p.ok()).isFalse();
    assertThat(problems(p)).anySatisfy(m -> assertThat(m).contains("transmission.paths[0].host"));
  }

  @Test
  void missingHostIsAnError() {
    Parsed<SiteConfig> p = new SiteLoader(1).parse(SiteLoaderTest.MINIMAL + """
        transmission:
          account: "1234"
          paths:
            - {id: ip, role: primary, technology: ethernet}
        """, Path.of("t.yaml"));
    assertThat(problems(p)).anySatisfy(m -> assertThat(m).contains("transmission.paths[0].host").contains("missing"));
  }

  @Test
  void oldConstructorGivesOneDestination() {
    TransmissionPath p = new TransmissionPath("ip", TransmissionPath.Role.PRIMARY, "ethernet", "h", 9, TransmissionPath.Protocol.TCP,
        TransmissionPath.Format.SIA_DCS, "1234", null, null, null, TransmissionPath.KeyForm.HEX, java.time.Duration.ofSeconds(60),
        java.time.Duration.ofSeconds(180));
    assertThat(p.destinations()).containsExactly(new Destination("h", 9));
    assertThat(p.withDestinations(List.of(new Destination("x", 1), new Destination("y", 2))).host()).isEqualTo("x");
  }

  @Test
  void receiverPairInFlowStyleAsInTheConfigurationDocsLoads() {
    SiteConfig c = new SiteLoader(1).parse(SiteLoaderTest.MINIMAL + """
        transmission:
          account: "5A21"
          category: DP2
          paths:
            - {id: eth, role: primary, technology: ethernet, host: ["arc1.example.net:12000", "arc2.example.net:12000"]}
            - {id: lte, role: secondary, technology: 4g, host: arc2.example.net:12001, protocol: udp, format: adm_cid}
        """, Path.of("t.yaml")).orThrow();
    assertThat(c.transmission().paths().get(0).destinations()).extracting(Destination::toString)
        .containsExactly("arc1.example.net:12000", "arc2.example.net:12000");
    assertThat(c.transmission().paths().get(1).destinations()).extracting(Destination::toString).containsExactly("arc2.example.net:12001");
  }
}
