package org.vigil.panel.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.AtsCategory;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.config.TransmissionPath;

/** The ATS category against the grade and the paths (issue 9), and the category defaults. */
class AtsCategoryValidationTest {

  static String site(int grade, String category, String paths) {
    return """
        site:
          name: Test
          grade: %d
          profile: en50131
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
        transmission:
          account: "1234"
        %s
          paths:
        %s
        """.formatted(grade, category == null ? "" : "  category: " + category, paths);
  }

  static final String PRIMARY = """
            - id: ip
              role: primary
              technology: ethernet
              host: 127.0.0.1:9000
        """;
  static final String SECONDARY = """
            - id: cell
              role: secondary
              technology: cellular
              host: 127.0.0.1:9001
              format: adm_cid
        """;

  static SiteConfig load(String yaml) {
    return new SiteLoader(1).parse(yaml, Path.of("t.yaml")).orThrow();
  }

  static Report check(String yaml) {
    return DesignValidator.validate(load(yaml));
  }

  @Test
  void categorySetsDefaultPollIntervalAndFailureTimePerRole() {
    SiteConfig c = load(site(3, "DP2", PRIMARY + SECONDARY));
    TransmissionPath ip = c.transmission().paths().get(0);
    TransmissionPath cell = c.transmission().paths().get(1);
    assertThat(ip.failureTime()).isEqualTo(Duration.ofHours(5));
    assertThat(ip.pollInterval()).isEqualTo(Duration.ofMinutes(100));
    assertThat(cell.failureTime()).isEqualTo(Duration.ofHours(25));
    SiteConfig sp6 = load(site(4, "SP6", PRIMARY));
    assertThat(sp6.transmission().paths().get(0).failureTime()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void categoryBelowTheGradeIsAnError() {
    Report r = check(site(3, "SP2", PRIMARY));
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rule()).contains("EN50131-1 Table 10");
      assertThat(f.message()).contains("SP2 is below grade 3").contains("SP4");
    });
    assertThat(check(site(3, "SP4", PRIMARY)).findings()).noneSatisfy(f -> assertThat(f.rule()).contains("Table 10"));
    assertThat(check(site(3, "DP2", PRIMARY + SECONDARY)).findings()).noneSatisfy(f -> assertThat(f.rule()).contains("Table 10"));
    assertThat(check(site(4, "DP2", PRIMARY + SECONDARY)).findings()).anySatisfy(f -> assertThat(f.message()).contains("DP3"));
  }

  @Test
  void dualPathCategoryWithOnePathIsAnError() {
    assertThat(check(site(2, "DP1", PRIMARY)).findings()).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rule()).contains("EN50136-1 Table 1");
    });
  }

  @Test
  void failureTimeLongerThanTheCategoryReportingTimeIsAnError() {
    String slow = PRIMARY + "      failure_time: 10m\n";
    assertThat(check(site(3, "SP4", slow)).findings()).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("transmission.paths[0].failure_time");
      assertThat(f.message()).contains("reporting time");
    });
  }

  @Test
  void missingCategoryIsAWarningFromGrade2() {
    assertThat(check(site(2, null, PRIMARY)).findings()).anySatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("transmission.category");
    });
  }

  @Test
  void gradeTableAsQuoted() {
    assertThat(AtsCategory.SP2.meetsGrade(2)).isTrue();
    assertThat(AtsCategory.SP1.meetsGrade(2)).isFalse();
    assertThat(AtsCategory.DP1.meetsGrade(2)).isTrue();
    assertThat(AtsCategory.SP5.meetsGrade(4)).isTrue();
    assertThat(AtsCategory.DP3.meetsGrade(4)).isTrue();
    assertThat(AtsCategory.DP2.meetsGrade(4)).isFalse();
    assertThat(AtsCategory.SP1.meetsGrade(1)).isTrue();
  }
}
