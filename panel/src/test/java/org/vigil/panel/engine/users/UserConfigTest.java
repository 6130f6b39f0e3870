package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.Duress;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;
import org.vigil.panel.validate.Finding;
import org.vigil.panel.validate.Severity;
import org.vigil.panel.validate.UserChecks;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;

/** The users/duress/codes configuration: bad input gives positioned errors; the validator counts differs. */
class UserConfigTest {
  static String office() throws Exception {
    return Files.readString(Sites.EXAMPLES.resolve("office-warehouse.yaml"));
  }

  static List<Problem> problems(String yaml) {
    Parsed<SiteConfig> p = new SiteLoader(1).parse(yaml, null);
    return p.problems();
  }

  @Test
  void officeExampleLoads_withDuressAndCodesSettings() {
    SiteConfig s = Sites.load("office-warehouse.yaml");
    assertThat(s.area("office").orElseThrow().duress().outputs()).containsExactly("blue-strobe");
    assertThat(s.area("warehouse").orElseThrow().duress().report()).isEqualTo(Duress.Report.ZONE_992);
    assertThat(s.area("warehouse").orElseThrow().duress().route()).isEqualTo(Duress.Route.POLICE);
    assertThat(s.area("annex").orElseThrow().duress()).isEqualTo(Duress.OFF);
    assertThat(s.codes().lockoutAttempts()).isEqualTo(3);
    assertThat(s.codes().quickArm()).isTrue();
    assertThat(s.user(2).orElseThrow().duressPin()).isNotNull();
  }

  @Test
  void defaultsWhenNoCodesSection() {
    SiteConfig shop = Sites.load("shop.yaml");
    assertThat(shop.codes()).isEqualTo(CodePolicy.DEFAULTS);
    assertThat(shop.codes().lockoutAttempts()).isEqualTo(10);
    assertThat(shop.codes().lockoutTime()).hasSeconds(90);
  }

  @Test
  void badDuressPin_isAPositionedErrorThatNeverShowsTheCode() throws Exception {
    List<Problem> p = problems(office().replace("duress_pin: \"9876\"", "duress_pin: \"98x6\""));
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.path()).isEqualTo("users[1].duress_pin");
      assertThat(x.toString()).contains("4 to 8 digits").doesNotContain("98x6");
    });
  }

  @Test
  void duressPinEqualToThePin_isRefused() throws Exception {
    List<Problem> p = problems(office().replace("duress_pin: \"9876\"", "duress_pin: \"1234\""));
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("must differ from the PIN"));
  }

  @Test
  void twoCredentialsWithOneCode_isRefusedWithoutShowingIt() throws Exception {
    List<Problem> p = problems(office().replace("pin: \"5555\"", "pin: \"4444\""));
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.path()).isEqualTo("users[5].pin");
      assertThat(x.message()).contains("already used at users[4].pin").doesNotContain("4444");
    });
  }

  @Test
  void aCodeNextToADuressCode_isDisallowed() throws Exception {
    List<Problem> p = problems(office().replace("pin: \"8888\"", "pin: \"9877\""));
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.path()).isEqualTo("users[7].pin");
      assertThat(x.message()).contains("within 1 of the duress code at users[1].duress_pin").doesNotContain("9877").doesNotContain("9876");
      assertThat(x.loc().line()).isGreaterThan(1);
    });
  }

  @Test
  void badCodesSection_givesEveryProblem() throws Exception {
    String yaml = office().replace("lockout_time: 90s", "lockout_time: 30s").replace("lockout_attempts: 3", "lockout_attempts: 0")
        .replace("length: 4", "length: 3").replace("report: zone_992", "report: zone_99");
    assertThat(problems(yaml)).extracting(Problem::path)
        .contains("codes.lockout_time", "codes.lockout_attempts", "codes.length", "areas[1].duress.report");
  }

  @Test
  void pinOfTheWrongLength_forCodesLength_isAnError() throws Exception {
    List<Problem> p = problems(office().replace("pin: \"5555\"", "pin: \"55555\""));
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("codes.length is 4 but this PIN has 5 digits"));
  }

  @Test
  void unknownDiscreetOutput_isAnUndefinedReference() throws Exception {
    List<Problem> p = problems(office().replace("outputs: [blue-strobe]", "outputs: [blue-strobes]"));
    assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("undefined output 'blue-strobes'").contains("did you mean 'blue-strobe'"));
  }

  @Test
  void differs_are10PowLengthMinusCodesInUseMinusDuressNeighbours() {
    UserChecks.Differs d = UserChecks.differs(Sites.load("office-warehouse.yaml"));
    // 9 PINs + 3 duress PINs in use; duress codes: 3 duress PINs + user 7's level 6 PIN; +-1 each.
    assertThat(d).isEqualTo(new UserChecks.Differs(4, 10_000, 12, 4, 8, 9_980));
  }

  @Test
  void validator_warnsOf4DigitCodesAtGrade2_andNamesTheLengthNeeded() {
    List<Finding> f = UserChecks.check(Sites.load("office-warehouse.yaml"));
    assertThat(f).filteredOn(x -> x.rule().contains("code differs")).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.message()).contains("9,980 differs").contains("grade 2 needs 10,000").contains("use 5-digit codes");
    });
  }

  @Test
  void validator_acceptsSixDigitCodesAtGrade3() throws Exception {
    String yaml = office().replace("grade: 2", "grade: 3").replace("length: 4", "length: 6").replaceAll("\"(\\d{4})\"", "\"$100\"");
    SiteConfig s = new SiteLoader(1).parse(yaml, null).orThrow();
    assertThat(UserChecks.check(s)).filteredOn(x -> x.rule().contains("code differs")).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void validator_flagsAudibleDiscreetOutput_policeRouteUnderBs8243_andDuressCodeWhereDuressIsOff() throws Exception {
    String yaml = office().replace("profile: en50131", "profile: bs8243").replace("outputs: [blue-strobe]", "outputs: [blue-strobe, sounder]");
    SiteConfig s = new SiteLoader(1).parse(yaml, null).orThrow();
    List<Finding> f = UserChecks.check(s);
    assertThat(f).anySatisfy(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).contains("sounder is a internal_wd");
    });
    assertThat(f).anySatisfy(x -> {
      assertThat(x.path()).isEqualTo("areas[1].duress.route");
      assertThat(x.rule()).contains("BS8243 4.5(f)");
    });
    assertThat(f).anySatisfy(x -> assertThat(x.message()).contains("duress reporting is off in area annex"));
  }

  @Test
  void validator_reportsUsersAbove15OnNonContactIdPaths() throws Exception {
    String yaml = office().replace("  - number: 9\n", "  - number: 42\n") + """
        transmission:
          account: "1234"
          paths:
            - id: ip
              role: primary
              technology: ethernet
              host: arc.example.net:12000
              format: sia_dcs
        """;
    SiteConfig s = new SiteLoader(1).parse(yaml, null).orThrow();
    assertThat(UserChecks.check(s)).anySatisfy(x -> assertThat(x.message()).isEqualTo("user 42 reports as user 015 on a path not using Contact ID"));
    assertThat(UserReporting.reported(42, org.vigil.panel.config.TransmissionPath.Format.SIA_DCS)).isEqualTo(15);
    assertThat(UserReporting.reported(42, org.vigil.panel.config.TransmissionPath.Format.ADM_CID)).isEqualTo(42);
  }
}
