package org.vigil.panel.transmit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.panel.config.TransmissionPath.Format;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Signal;

class EventFormatTest {

  static String data(EventFormat.Encoded e) {
    return ((EventFormat.Encoded.Data) e).data();
  }

  @Test
  void contactIdReportsUsers001To150Uniquely() {
    var close = Codes.notification(Signal.CLOSE, 401, "a1", 2, null, 150, false, "r", "set");
    assertThat(data(EventFormat.encode(close, Format.ADM_CID, "1234", false))).isEqualTo("#1234|3401 02 150");
    var open = Codes.notification(Signal.OPEN, 401, "a1", 2, null, 16, false, "r", "unset");
    assertThat(data(EventFormat.encode(open, Format.ADM_CID, "1234", false))).isEqualTo("#1234|1401 02 016");
  }

  @Test
  void otherFormatsReportUsers001To015AndUser16OnwardsAs015() {
    var open = Codes.notification(Signal.OPEN, 401, "a1", 2, null, 16, false, "r", "unset");
    assertThat(data(EventFormat.encode(open, Format.SIA_DCS, "1234", false))).isEqualTo("#1234|Nri2/OP015");
    var close = Codes.notification(Signal.CLOSE, 401, "a1", 2, null, 7, false, "r", "set");
    assertThat(data(EventFormat.encode(close, Format.SIA_DCS, "1234", false))).isEqualTo("#1234|Nri2/CL007");
    assertThat(EventFormat.reportedUser(Format.SIA_DCS, 150)).isEqualTo(15);
    assertThat(EventFormat.reportedUser(Format.ADM_CID, 150)).isEqualTo(150);
  }

  @Test
  void duressIsReportedOnZone992WhereConfigured() {
    var duress = Codes.notification(Signal.DURESS, 121, "a1", 1, null, 5, false, "r", "duress");
    assertThat(data(EventFormat.encode(duress, Format.ADM_CID, "1234", true))).isEqualTo("#1234|1121 01 992");
    assertThat(data(EventFormat.encode(duress, Format.ADM_CID, "1234", false))).isEqualTo("#1234|1121 01 005");
    assertThat(data(EventFormat.encode(duress, Format.SIA_DCS, "1234", true))).isEqualTo("#1234|Nri1/HA992");
  }

  @Test
  void duressIsReportedOnZone992WhenTheAreaReportsItThere_evenWithoutTheSiteSetting() {
    // duress.report: zone_992 puts zone 992 on the notification (seed 001: the Vista duress zone).
    var duress = Codes.notification(Signal.DURESS, 121, "a1", 1, 992, 5, false, "r", "duress");
    assertThat(data(EventFormat.encode(duress, Format.ADM_CID, "1234", false))).isEqualTo("#1234|1121 01 992");
    assertThat(data(EventFormat.encode(duress, Format.SIA_DCS, "1234", false))).isEqualTo("#1234|Nri1/HA992");
  }

  @Test
  void zoneEventsCarryTheZoneAndRestoresQualifier3() {
    var restore = Codes.notification(Signal.INTRUDER, 130, "a1", 1, 12, null, true, "r", "restore");
    assertThat(data(EventFormat.encode(restore, Format.ADM_CID, "1234", false))).isEqualTo("#1234|3130 01 012");
    assertThat(data(EventFormat.encode(restore, Format.SIA_DCS, "1234", false))).isEqualTo("#1234|Nri1/BH012");
  }

  @Test
  void pathFaultsUseTheTelcoCodesInBothFormats() {
    var fault = Codes.notification(Signal.ATS_FAULT, 351, null, 0, null, null, false, "r", "primary failed");
    assertThat(data(EventFormat.encode(fault, Format.ADM_CID, "1234", false))).isEqualTo("#1234|1351 00 000");
    assertThat(data(EventFormat.encode(fault, Format.SIA_DCS, "1234", false))).isEqualTo("#1234|NLT");
    var back = Codes.notification(Signal.ATS_FAULT, 351, null, 0, null, null, true, "r", "primary restored");
    assertThat(data(EventFormat.encode(back, Format.SIA_DCS, "1234", false))).isEqualTo("#1234|NLR");
  }

  @Test
  void notificationSurvivesTheQueueEncoding() {
    var n = Codes.notification(Signal.CONFIRMED_HOLD_UP, 129, "a1", 1, 7, 3, false, "BS8243 7.3.2", "confirmed hold-up");
    assertThat(NotificationCodec.decode(NotificationCodec.encode(n))).contains(n);
    assertThat(NotificationCodec.decode(new byte[] {9, 9, 9})).isEmpty();
    assertThat(NotificationCodec.decode(new byte[0])).isEmpty();
  }
}
