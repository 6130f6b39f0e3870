package org.vigil.panel.testing;

import java.nio.file.Path;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;

/** The example sites, loaded from the repository's examples folder. */
public final class Sites {
  private Sites() {}

  public static SiteConfig bank() {
    return SiteLoader.load(Path.of("..", "examples", "bank.yaml")).orThrow();
  }
}
