package org.vigil.panel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;

class SiteLoaderTest {
  static final String MINIMAL = """
      site:
        name: Test
        grade: 2
        profile: bs8243
      areas:
        - id: shop
          number: 1
          setting: {completion: final_door}
          unsetting: {method: "6.4.5"}
      detectors:
        - id: door
          zone: 1
          area: shop
          role: final_exit
          technology: door_contact
      """;

  static Parsed<SiteConfig> parse(String yaml) {
    return new SiteLoader(1).parse(yaml, Path.of("test.yaml"));
  }

  static Problem only(Parsed<SiteConfig> p) {
    assertThat(p.ok()).as("expected a failure").isFalse();
    assertThat(p.problems()).hasSize(1);
    return p.problems().get(0);
  }

  @Test
  void bothExampleSitesLoad() {
    SiteConfig shop = Sites.load("shop.yaml");
    SiteConfig bank = Sites.load("bank.yaml");
    assertThat(shop.areas()).extracting(Area::id).containsExactly("shop");
    assertThat(bank.areas()).hasSize(3);
    assertThat(bank.holdUpDevices()).hasSize(5);
    assertThat(bank.transmission().paths()).extracting(TransmissionPath::role)
        .containsExactly(TransmissionPath.Role.PRIMARY, TransmissionPath.Role.SECONDARY);
    assertThat(bank.area("office").orElseThrow().unsetMethod()).isEqualTo(UnsetMethod.DIGITAL_KEY);
    assertThat(bank.area("hall").orElseThrow().holdUpConfirmationTime()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void minimalSiteLoadsWithDefaults() {
    SiteConfig c = parse(MINIMAL).orThrow();
    Area a = c.areas().get(0);
    assertThat(a.intruderConfirmationTime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(a.entryTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.timers()).isEqualTo(Timers.DEFAULTS);
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    Problem p = only(parse("site:\n  name: [unclosed\n  grade: 2\n"));
    assertThat(p.loc().file()).isEqualTo("test.yaml");
    assertThat(p.loc().line()).isGreaterThanOrEqualTo(2);
    assertThat(p.message()).startsWith("malformed YAML");
  }

  @Test
  void emptyFileIsAnError() {
    assertThat(only(parse("")).message()).contains("empty");
  }

  @Test
  void unknownKeyIsRejectedWithItsPathPositionAndASuggestion() {
    Problem p = only(parse(MINIMAL.replace("technology: door_contact", "technolgy: door_contact\n    technology: door_contact")));
    assertThat(p.path()).isEqualTo("detectors[0].technolgy");
    assertThat(p.loc().line()).isEqualTo(15);
    assertThat(p.loc().column()).isEqualTo(5);
    assertThat(p.message()).contains("unknown key 'technolgy'").contains("did you mean 'technology'");
  }

  @Test
  void undefinedAreaReferenceIsRejected() {
    Problem p = only(parse(MINIMAL.replace("area: shop", "area: shp")));
    assertThat(p.path()).isEqualTo("detectors[0].area");
    assertThat(p.loc().line()).isEqualTo(13);
    assertThat(p.message()).contains("undefined area 'shp'").contains("did you mean 'shop'");
  }

  @Test
  void undefinedPartSetDetectorIsRejected() {
    Problem p = only(parse(MINIMAL.replace("unsetting: {method: \"6.4.5\"}", "unsetting: {method: \"6.4.5\"}\n    part_sets: [{name: B, omit: [pir9]}]")));
    assertThat(p.path()).isEqualTo("areas[0].part_sets[0].omit");
    assertThat(p.message()).contains("undefined detector 'pir9'");
  }

  @Test
  void duplicateIdsAndZonesAreRejected() {
    String dup = MINIMAL + """
          - id: door
            zone: 1
            area: shop
            role: interior
            technology: pir
        """;
    List<String> msgs = parse(dup).problems().stream().map(Problem::message).toList();
    assertThat(msgs).anyMatch(m -> m.contains("duplicate id 'door'"));
    assertThat(msgs).anyMatch(m -> m.contains("zone number 1 is already used"));
  }

  @Test
  void badValuesAreRejectedWithTheAllowedChoices() {
    Parsed<SiteConfig> p = parse(MINIMAL.replace("grade: 2", "grade: 7").replace("technology: door_contact", "technology: laser").replace("method: \"6.4.5\"", "method: \"6.4.9\""));
    List<String> msgs = p.problems().stream().map(x -> x.path() + ": " + x.message()).toList();
    assertThat(msgs).anyMatch(m -> m.startsWith("site.grade: must be between 1 and 4"));
    assertThat(msgs).anyMatch(m -> m.startsWith("detectors[0].technology: unknown value 'laser'") && m.contains("dual_tech"));
    assertThat(msgs).anyMatch(m -> m.startsWith("areas[0].unsetting.method: unknown value '6.4.9'"));
  }

  @Test
  void missingRequiredKeysAreNamed() {
    Parsed<SiteConfig> p = parse(MINIMAL.replace("    zone: 1\n", ""));
    assertThat(p.problems()).extracting(Problem::path).contains("detectors[0].zone");
  }

  @Test
  void duplicateYamlKeyIsAnError() {
    assertThat(only(parse(MINIMAL.replace("  grade: 2", "  grade: 2\n  grade: 3"))).message()).contains("duplicate key 'grade'");
  }

  @Test
  void clearPinsAreHashedAtLoadAndNeverShown() {
    SiteConfig c = parse(MINIMAL + """
        users:
          - number: 1
            name: Owner
            authority: {shop: 1}
            pin: "4321"
        """).orThrow();
    User u = c.users().get(0);
    assertThat(u.pin().matches("4321")).isTrue();
    assertThat(u.pin().matches("1234")).isFalse();
    assertThat(u.toString()).doesNotContain("4321");
    assertThat(PinHash.parse(u.pin().encoded()).matches("4321")).isTrue();
  }

  @Test
  void userReferencesAndPinFormatAreChecked() {
    Parsed<SiteConfig> p = parse(MINIMAL + """
        users:
          - number: 1
            authority: {office: 1}
            pin: "12a4"
        """);
    List<String> paths = p.problems().stream().map(Problem::path).toList();
    assertThat(paths).contains("users[0].authority.office", "users[0].pin");
  }

  @Test
  void transmissionPathsAreChecked() {
    Parsed<SiteConfig> p = parse(MINIMAL + """
        transmission:
          account: "12G4"
          category: SP9
          paths:
            - {id: ip, role: primary, technology: ethernet, host: "arc.example.net", key: "0011"}
        """);
    List<String> paths = p.problems().stream().map(Problem::path).toList();
    assertThat(paths).contains("transmission.account", "transmission.category", "transmission.paths[0].host", "transmission.paths[0].key");
  }

  @Test
  void everyProblemOfAFileIsReportedNotJustTheFirst() {
    Parsed<SiteConfig> p = parse(MINIMAL.replace("grade: 2", "grade: x").replace("area: shop", "area: nowhere").replace("zone: 1", "zone: 0"));
    assertThat(p.problems()).hasSizeGreaterThanOrEqualTo(3);
  }
}
