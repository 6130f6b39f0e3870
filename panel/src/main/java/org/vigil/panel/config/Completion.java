package org.vigil.panel.config;

import java.util.List;
import org.vigil.panel.yaml.Names;

/** Completion of setting (BS 8243 6.3 a-e; DD243 6.3); TIMED is the EN 50131-only timed exit. */
public enum Completion implements Names.Aliased {
  SHUNT_LOCK("6.3(a)", "a"),
  PUSH_TO_SET("6.3(b)", "b"),
  FINAL_DOOR("6.3(c)", "c"),
  DIGITAL_KEY("6.3(d)", "d"),
  ARC("6.3(e)", "e"),
  TIMED("EN50131 timed exit", "timed_exit");

  private final String clause;
  private final String alias;

  Completion(String clause, String alias) {
    this.clause = clause;
    this.alias = alias;
  }

  public String clause() {
    return clause;
  }

  @Override
  public List<String> aliases() {
    return List.of(alias);
  }
}
