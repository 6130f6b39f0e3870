package org.vigil.panel;

import java.nio.file.Path;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.SiteLoader;

/** Example sites for tests (PINs hashed with few iterations to keep tests fast). */
public final class Sites {
  public static final Path EXAMPLES = Path.of("..", "examples");

  private Sites() {}

  public static SiteConfig load(String name) {
    return new SiteLoader(1).read(EXAMPLES.resolve(name)).orThrow();
  }
}
