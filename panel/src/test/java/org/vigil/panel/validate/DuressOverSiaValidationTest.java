package org.vigil.panel.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A duress on SIA-DCS goes as HA with the user number, the same code as a silent hold-up: the ARC can
 * tell them apart only on zone 992 (docs/arc-handling.md, "Telling duress").
 */
class DuressOverSiaValidationTest {
  static final String DURESS = "holdup_confirmation_time: 8h\n    duress: {enabled: true, engineer_enabled: true, justification: cash office}";

  static String site(boolean duress, String format, String zone992) {
    String y = DesignValidatorTest.BASE;
    if (duress) y = y.replace("holdup_confirmation_time: 8h", DURESS);
    if (format != null) y = y.replace("host: \"arc:1\"}", "host: \"arc:1\", format: " + format + "}");
    if (zone992 != null) y = y + "  duress_zone_992: " + zone992 + "\n";
    return y;
  }

  static boolean warned(Report r) {
    return DesignValidatorTest.has(r, Severity.WARNING, "zone 992", "cannot tell from a silent hold-up");
  }

  @Test
  void vistaZone992_siaPathDuressEnabledAndZone992Off_isAWarning() {
    Report r = DesignValidatorTest.check(site(true, "sia_dcs", null));
    assertThat(warned(r)).isTrue();
    Finding f = r.findings().stream().filter(x -> x.rule().equals(DesignValidator.DURESS_992_RULE)).findFirst().orElseThrow();
    assertThat(f.path()).isEqualTo("transmission.duress_zone_992");
    assertThat(f.message()).contains("duress is enabled (a)").contains("path ip sends SIA-DCS").contains("duress_zone_992: true");
    assertThat(DesignValidatorTest.errors(r)).isEmpty();
  }

  @Test
  void vistaZone992_anAreaReportingOnZone992IsUnambiguous_noWarning() {
    Report r = DesignValidatorTest.check(site(true, "sia_dcs", null).replace("justification: cash office}", "justification: cash office, report: zone_992}"));
    assertThat(warned(r)).isFalse();
  }

  @Test
  void vistaZone992_defaultFormatIsSiaDcs() {
    assertThat(warned(DesignValidatorTest.check(site(true, null, null)))).isTrue();
  }

  @Test
  void vistaZone992_noWarningWhenZone992IsOn() {
    assertThat(warned(DesignValidatorTest.check(site(true, "sia_dcs", "true")))).isFalse();
  }

  @Test
  void vistaZone992_noWarningWithoutDuress() {
    assertThat(warned(DesignValidatorTest.check(site(false, "sia_dcs", null)))).isFalse();
  }

  @Test
  void vistaZone992_noWarningOnContactIdPaths_duressIsCid121() {
    assertThat(warned(DesignValidatorTest.check(site(true, "adm_cid", null)))).isFalse();
  }

  @Test
  void asFitted_listsEveryDestinationOfAPath_inOrder() {
    String y = DesignValidatorTest.BASE.replace("host: \"arc:1\"}", "host: [\"arc-a.example.net:12000\", \"arc-b.example.net:12001\"]}");
    String md = AsFitted.render(DesignValidatorTest.check(y), AsFitted.Format.MARKDOWN);
    assertThat(md).contains("arc-a.example.net:12000/tcp, then arc-b.example.net:12001/tcp");
    String one = AsFitted.render(DesignValidatorTest.check(DesignValidatorTest.BASE), AsFitted.Format.MARKDOWN);
    assertThat(one).contains("arc:1/tcp").doesNotContain(", then");
  }
}
