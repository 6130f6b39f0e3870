package org.vigil.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corrections of research B.2-B.4 and the families the BS 8243 engine relies on. */
class EventCatalogueTest {

  @Test
  void siaDuIsDealerIdNotDuress() {
    assertThat(EventCatalogue.categoryOfSia("DU")).isEqualTo(EventCategory.INFORMATION);
    assertThat(EventCatalogue.bySia("DU").orElseThrow().meaning()).contains("Dealer ID");
  }

  @Test
  void contactId121IsDuressReportedByUserAndSentAsSiaHa() {
    assertThat(EventCatalogue.categoryOfContactId(121, 1)).isEqualTo(EventCategory.DURESS);
    assertThat(EventCatalogue.byContactId(121).orElseThrow().number()).isEqualTo(NumberKind.USER);
    assertThat(EventCatalogue.siaForContactId(121, 1)).contains("HA");
    assertThat(EventCatalogue.categoryOfSia("HA").isHoldUpFamily()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "129, HV, CONFIRMED_HOLD_UP",
    "139, BV, CONFIRMED_INTRUDER",
    "378, BG, UNVERIFIED_INTRUDER",
    "406, OC, CANCEL",
    "130, BA, INTRUDER",
    "122, HA, HOLD_UP",
    "123, PA, HOLD_UP",
    "602, RP, TEST",
    "350, YC, ATS_FAULT",
    "137, TA, TAMPER",
    "570, BB, BYPASS",
  })
  void contactIdAndSiaAgreeOnTheCategory(int cid, String sia, EventCategory category) {
    assertThat(EventCatalogue.categoryOfContactId(cid, 1)).isEqualTo(category);
    assertThat(EventCatalogue.siaForContactId(cid, 1)).contains(sia);
    assertThat(EventCatalogue.categoryOfSia(sia)).isEqualTo(category);
  }

  @Test
  void panelRestartIsContactId305SiaRrAndAFaultForTheArc() {
    assertThat(EventCatalogue.categoryOfContactId(305, 1)).isEqualTo(EventCategory.FAULT);
    assertThat(EventCatalogue.siaForContactId(305, 1)).contains("RR");
    assertThat(EventCatalogue.categoryOfSia("RR")).isEqualTo(EventCategory.FAULT);
  }

  @Test
  void openCloseQualifiersMapToUnsetAndSet() {
    assertThat(EventCatalogue.categoryOfContactId(401, 1)).isEqualTo(EventCategory.OPEN);
    assertThat(EventCatalogue.categoryOfContactId(401, 3)).isEqualTo(EventCategory.CLOSE);
    assertThat(EventCatalogue.siaForContactId(401, 3)).contains("CL");
    assertThat(EventCatalogue.isRestore(401, 3)).isFalse();
    assertThat(EventCatalogue.isRestore(130, 3)).isTrue();
    assertThat(EventCatalogue.categoryOfContactId(130, 3)).isEqualTo(EventCategory.INFORMATION);
  }

  @Test
  void confirmedMarkersAndCancelFamilyOfB4() {
    assertThat(EventCatalogue.categoryOfSia("BM")).isEqualTo(EventCategory.CONFIRMED_INTRUDER);
    assertThat(EventCatalogue.categoryOfSia("BC")).isEqualTo(EventCategory.CANCEL);
    assertThat(EventCatalogue.categoryOfSia("OR")).isEqualTo(EventCategory.OPEN);
    assertThat(EventCatalogue.categoryOfContactId(146, 1).isIntruderFamily()).isTrue();
    assertThat(EventCategory.CONFIRMED_HOLD_UP.isConfirmed()).isTrue();
  }

  @Test
  void restoresAreRecognisedForSiaCodes() {
    assertThat(EventCatalogue.isSiaRestore("BH")).isTrue();
    assertThat(EventCatalogue.isSiaRestore("BR")).isTrue();
    assertThat(EventCatalogue.isSiaRestore("CL")).isFalse();
    assertThat(EventCatalogue.isSiaRestore("BA")).isFalse();
  }

  @Test
  void unknownCodesAreUnknownNotAnError() {
    assertThat(EventCatalogue.categoryOfSia("QQ")).isEqualTo(EventCategory.UNKNOWN);
    assertThat(EventCatalogue.categoryOfContactId(628, 1)).isEqualTo(EventCategory.UNKNOWN);
  }

  @Test
  void everyContactIdRowIsUnique() {
    assertThat(EventCatalogue.contactIdCodes()).extracting(EventCode::contactId).doesNotHaveDuplicates();
  }
}
