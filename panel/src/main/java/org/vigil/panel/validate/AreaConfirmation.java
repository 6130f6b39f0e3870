package org.vigil.panel.validate;

import java.util.List;
import org.vigil.panel.design.Independence;

/** Which detector pairs of an area can sequentially confirm (DD243 5.4.1-5.4.3). */
public record AreaConfirmation(String area, List<Independence.Verdict> pairs) {
  public boolean canConfirm() {
    return pairs.stream().anyMatch(Independence.Verdict::confirms);
  }

  public List<Independence.Verdict> confirming() {
    return pairs.stream().filter(Independence.Verdict::confirms).toList();
  }
}
