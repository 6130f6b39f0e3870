package org.vigil.panel.validate;

import java.util.List;
import org.vigil.panel.config.SiteConfig;

/** The design check of one site: findings (errors first) and the confirmation analysis per area. */
public record Report(SiteConfig site, List<Finding> findings, List<AreaConfirmation> confirmation) {
  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }
}
