package org.vigil.panel.engine.transmission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.config.TransmissionPath.Role;

/** Path faults are reported with the Contact ID / SIA code that fits the path's technology. */
class PathFaultCodeTest {
  static TransmissionPath path(Role role, String tech) {
    return new TransmissionPath("p", role, tech, "h", 1, TransmissionPath.Protocol.TCP, TransmissionPath.Format.SIA_DCS, "1234",
        null, null, null, TransmissionPath.KeyForm.HEX, Duration.ofSeconds(60), Duration.ofSeconds(180));
  }

  @Test
  void radioPathsReportLongRangeRadioFault353AsYc() {
    assertThat(PathSupervision.faultCode(path(Role.SECONDARY, "4g"))).isEqualTo(new PathSupervision.FaultCode(353, "YC", "YK"));
    assertThat(PathSupervision.faultCode(path(Role.PRIMARY, "Cellular"))).isEqualTo(new PathSupervision.FaultCode(353, "YC", "YK"));
  }

  @Test
  void telephoneLinesReportTelco1And2AsLt() {
    assertThat(PathSupervision.faultCode(path(Role.PRIMARY, "pstn"))).isEqualTo(new PathSupervision.FaultCode(351, "LT", "LR"));
    assertThat(PathSupervision.faultCode(path(Role.SECONDARY, "pstn"))).isEqualTo(new PathSupervision.FaultCode(352, "LT", "LR"));
  }

  @Test
  void ipPathsReportNetworkFailureNt() {
    assertThat(PathSupervision.faultCode(path(Role.PRIMARY, "ethernet"))).isEqualTo(new PathSupervision.FaultCode(351, "NT", "NR"));
    assertThat(PathSupervision.faultCode(path(Role.SECONDARY, "wifi"))).isEqualTo(new PathSupervision.FaultCode(352, "NT", "NR"));
  }
}
