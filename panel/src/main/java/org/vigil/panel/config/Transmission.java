package org.vigil.panel.config;

import java.util.List;

/** Alarm transmission system: the account, ATS category (SP1-SP6 / DP1-DP4) and its paths. */
public record Transmission(String account, String category, List<TransmissionPath> paths) {
  public static final Transmission NONE = new Transmission(null, null, List.of());
}
