package org.vigil.panel.validate.holdup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.validate.DesignValidator;
import org.vigil.panel.validate.Finding;
import org.vigil.panel.validate.Severity;

/** Hold-up design checks: BS 8243 4.5 a-g, 5.4.1.2, 5.2.2, 5.3.1. Each case edits the example branch site. */
class HoldUpChecksTest {
  static final Path BRANCH = Sites.EXAMPLES.resolve("holdup-branch.yaml");

  /** The branch site with text replaced: pairs of (from, to). */
  static SiteConfig branchWith(String... pairs) throws Exception {
    String text = Files.readString(BRANCH);
    for (int i = 0; i < pairs.length; i += 2) {
      assertThat(text).contains(pairs[i]);
      text = text.replace(pairs[i], pairs[i + 1]);
    }
    return new SiteLoader(1).parse(text, BRANCH).orThrow();
  }

  /** Findings other than information and the expected 4.5(b) warning for the branch's keypad keys (off by default). */
  static List<Finding> problems(SiteConfig site) {
    return HoldUpChecks.check(site).stream().filter(f -> f.severity() != Severity.INFO && !keypadKeysOff(f)).toList();
  }

  static boolean keypadKeysOff(Finding f) {
    return f.rule().equals("BS8243 4.5(b)") && f.path().equals("holdup_devices[4].engineer_enabled");
  }

  /** Everything the design validator says, apart from information. */
  static List<Finding> allProblems(SiteConfig site) {
    return DesignValidator.validate(site).findings().stream().filter(f -> f.severity() != Severity.INFO && !keypadKeysOff(f)).toList();
  }

  @Test
  void theExampleBranchMeetsEveryHoldUpRule() {
    assertThat(problems(Sites.load("holdup-branch.yaml"))).isEmpty();
    assertThat(allProblems(Sites.load("holdup-branch.yaml"))).isEmpty();
    assertThat(HoldUpChecks.check(Sites.load("holdup-branch.yaml"))).anyMatch(f -> f.severity() == Severity.WARNING && f.rule().equals("BS8243 4.5(b)") && f.message().contains("off (the default)"));
  }

  @Test
  void bs8243_4_5a_keypadHoldUpKeysMustBeDedicated() throws Exception {
    var s = branchWith("    dedicated: true  ", "    dedicated: false  ");
    assertThat(problems(s)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("BS8243 4.5(a)");
      assertThat(f.path()).isEqualTo("holdup_devices[4].dedicated");
      assertThat(f.loc().line()).isGreaterThan(1);
    });
  }

  @Test
  void bs8243_4_5a_syncWindowMustBePositive() throws Exception {
    var s = branchWith("    sync_window: 3s\n", "    sync_window: 0s\n");
    assertThat(problems(s)).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("holdup_devices[0].sync_window"));
  }

  @Test
  void bs8243_4_5b_keypadHoldUpKeysEnabledByTheEngineerAreNoted() throws Exception {
    var s = branchWith("    type: on_cie\n", "    type: on_cie\n    engineer_enabled: true\n");
    assertThat(HoldUpChecks.check(s)).anyMatch(f -> f.rule().equals("BS8243 4.5(b)") && f.message().contains("enabled by the engineer"));
  }

  @Test
  void bs8243_4_5c_singlePushDevicesAreRefused() throws Exception {
    var s = branchWith("    type: two_button\n    sync_window: 3s", "    type: single_push\n    sync_window: 3s");
    assertThat(problems(s)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("BS8243 4.5(c)"));
  }

  @Test
  void bs8243_4_5d_timeDelayTriggersAreRefused() throws Exception {
    var s = branchWith("    type: two_button\n    sync_window: 3s", "    type: time_delay\n    sync_window: 3s");
    assertThat(problems(s)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void bs8243_4_5e_portableDeviceMustBeDedicated() throws Exception {
    var s = branchWith("    type: portable\n", "    type: portable\n    dedicated: false\n");
    assertThat(problems(s)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("BS8243 4.5(e)"));
  }

  @Test
  void bs8243_4_5f_duressNeedsARecordedJustification() throws Exception {
    var s = branchWith("      justification: \"cash handling; duress codes permitted by the police force (letter 2026-01-03)\"\n", "");
    assertThat(allProblems(s)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("BS8243 4.5(f)"));
  }

  @Test
  void bs8243_4_5g_duressIsEngineerProgrammedOnly() throws Exception {
    var s = branchWith("      engineer_enabled: true\n      justification", "      justification");
    assertThat(allProblems(s)).extracting(Finding::rule).containsOnly("BS8243 4.5(g)");
    assertThat(allProblems(s)).anyMatch(f -> f.severity() == Severity.ERROR && f.path().equals("areas[0].duress.engineer_enabled"));
  }

  @Test
  void bs8243_5_4_1_2_confirmationTimeBelowEightHoursIsRefused() throws Exception {
    assertThat(allProblems(branchWith("holdup_confirmation_time: 8h", "holdup_confirmation_time: 7h59m")))
        .singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("BS8243 5.4.1.2"));
  }

  @Test
  void bs8243_5_4_1_2_confirmationTimeAboveTwentyHoursIsRefused() throws Exception {
    assertThat(allProblems(branchWith("holdup_confirmation_time: 20h", "holdup_confirmation_time: 21h")))
        .singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("areas[1].holdup_confirmation_time"));
  }

  @Test
  void bs8243_5_2_2_everyHoldUpDeviceInAnAudioAreaIsWithinRangeOfAnAld() throws Exception {
    var s = branchWith("covers: [hall, counter, front-door]", "covers: [hall, front-door]");
    assertThat(problems(s)).extracting(Finding::rule).containsOnly("BS8243 5.2.2");
    assertThat(problems(s)).extracting(Finding::path).contains("holdup_devices[0].coverage", "holdup_devices[1].coverage", "holdup_devices[3].coverage");
  }

  @Test
  void bs8243_5_2_2_aldCoverageShouldBeGreaterThanTheHoldUpDevices() throws Exception {
    var s = branchWith("covers: [hall, counter, front-door]", "covers: [hall, counter]");
    assertThat(problems(s)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.path()).isEqualTo("holdup_devices[3].coverage");
    });
  }

  @Test
  void bs8243_5_2_2_theCieInAnAudioAreaMustBeWithinRangeOfAnAld() throws Exception {
    assertThat(problems(branchWith("  cie_location: office\n", "  cie_location: hall\n"))).isEmpty();
    var s = branchWith(
        "      covers: [hall, counter, front-door]\n", "      covers: [counter, front-door, lobby]\n",
        "  cie_location: office\n", "  cie_location: hall\n",
        "    coverage: [hall, counter]\n", "    coverage: [counter]\n");
    assertThat(problems(s)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("BS8243 5.2.2");
      assertThat(f.path()).isEqualTo("holdup.cie_location");
    });
  }

  @Test
  void bs8243_5_2_2_audioAreaWithoutAnAldIsRefused() throws Exception {
    var s = branchWith("audio_confirmation: [banking]", "audio_confirmation: [banking, office]");
    assertThat(problems(s)).singleElement().satisfies(f -> assertThat(f.message()).contains("no audio listening device"));
  }

  @Test
  void bs8243_5_3_1_aCameraMustViewTheWholeCoverageOfEveryHoldUpDevice() throws Exception {
    var s = branchWith("    covers: [counter, hall]\n", "    covers: [counter]\n");
    assertThat(problems(s)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("BS8243 5.3.1");
      assertThat(f.path()).isEqualTo("holdup_devices[3].coverage");
      assertThat(f.message()).contains("hall");
    });
  }

  @Test
  void bs8243_5_3_1_atLeastThreeImagesWithinFiveSeconds() throws Exception {
    var s = branchWith("images: {count: 3, within: 4s, timeout: 2s}", "images: {count: 2, within: 6s, timeout: 2s}");
    assertThat(problems(s)).extracting(Finding::path).containsExactly("holdup.images.count", "holdup.images.within");
  }

  @Test
  void bs8243_5_3_1_visualConfirmationWithoutAnyCameraIsRefused() throws Exception {
    var s = noCameras();
    assertThat(problems(s)).singleElement().satisfies(f -> assertThat(f.message()).contains("no camera"));
  }

  /** The branch site without its cameras. */
  static SiteConfig noCameras() throws Exception {
    String text = Files.readString(BRANCH);
    int a = text.indexOf("cameras:\n");
    int b = text.indexOf("outputs:\n");
    return new SiteLoader(1).parse(text.substring(0, a) + text.substring(b), BRANCH).orThrow();
  }

  @Test
  void bs8243_5_3_1_withACameraInstalledEveryHoldUpDeviceIsViewedEvenWithoutADeclaredVisualArea() throws Exception {
    var s = branchWith("  visual_confirmation: [banking, office]\n", "", "    covers: [office]\n", "    covers: [vault]\n");
    assertThat(problems(s)).extracting(Finding::path).containsExactly("holdup_devices[2].coverage", "holdup_devices[4].coverage");
  }

  @Test
  void bs8243_5_4_1_2b_aSiteWithOneTwoButtonDeviceCannotConfirmSequentially() throws Exception {
    String text = Files.readString(Sites.EXAMPLES.resolve("shop.yaml"));
    var s = new SiteLoader(1).parse(text, Sites.EXAMPLES.resolve("shop.yaml")).orThrow();
    assertThat(problems(s)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("BS8243 5.4.1.2(b)"));
  }
}
