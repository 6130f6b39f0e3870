package org.vigil.panel.config;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The site as a whole.
 *
 * @param grade EN 50131 security grade 1-4
 * @param riskAssessment reference of the recorded risk assessment (DD CLC/TS 50131-7), if any
 * @param timeZone the site's time zone (site-file key {@code site.time_zone}, default UTC): weekly
 *     schedules of credentials are local times on the site, so they follow its DST changes
 */
public record SiteInfo(String name, String address, int grade, Profile profile, String riskAssessment, String installer, ZoneId timeZone) {

  public SiteInfo {
    if (timeZone == null) timeZone = ZoneOffset.UTC;
  }

  public SiteInfo(String name, String address, int grade, Profile profile, String riskAssessment, String installer) {
    this(name, address, grade, profile, riskAssessment, installer, ZoneOffset.UTC);
  }

  /** The time zone as an installer writes it ("UTC", not Java's "Z"). */
  public String timeZoneName() {
    return timeZone.equals(ZoneOffset.UTC) ? "UTC" : timeZone.getId();
  }
}
