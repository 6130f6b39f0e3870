package org.vigil.panel.config;

import java.util.List;

/**
 * Alarm transmission system: the account, ATS category (SP1-SP6 / DP1-DP4) and its paths.
 *
 * @param duressZone992 report a duress code as zone 992 (Vista style, seed 001: "a non-zero report
 *     code for zone 992 (duress) must be programmed") instead of the user number
 */
public record Transmission(String account, String category, List<TransmissionPath> paths, boolean duressZone992) {
  public static final Transmission NONE = new Transmission(null, null, List.of(), false);

  public Transmission(String account, String category, List<TransmissionPath> paths) {
    this(account, category, paths, false);
  }
}
