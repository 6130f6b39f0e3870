package org.vigil.panel.config;

/**
 * The site as a whole.
 *
 * @param grade EN 50131 security grade 1-4
 * @param riskAssessment reference of the recorded risk assessment (DD CLC/TS 50131-7), if any
 * @param hasConfirmation technologies offered (informational, for the as-fitted document)
 */
public record SiteInfo(String name, String address, int grade, Profile profile, String riskAssessment, String installer) {}
