package org.vigil.panel.engine.users;

import java.util.List;
import java.util.Optional;
import org.vigil.panel.config.Reader;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Step;

/**
 * Digital keys (cards, tags) and card + PIN at readers: who is presenting, whether the credential is
 * valid now, and the duress of a card + duress PIN (seed 000 comment: the door unlocks and the system
 * unsets as normal, plus the duress signal).
 */
public final class CardAccess {
  static final String RULE = "EN50131-1 8.3 authorisation";

  private CardAccess() {}

  /**
   * The user presenting {@code card} (and {@code pin} at a PIN pad), or null after logging why not.
   * A duress PIN is signalled here, before the normal card handling runs.
   */
  public static User holder(Step step, Reader r, String card, String pin) {
    boolean needsPin = r.pinPad();
    Optional<Credentials.Match> m = Credentials.byCard(UsersFeature.users(step), card, pin, needsPin);
    if (m.isEmpty()) {
      boolean known = UsersFeature.users(step).stream().anyMatch(u -> u.cards().contains(card));
      if (known && needsPin && pin == null) step.log("card without PIN at reader " + r.id(), RULE, true);
      else step.log("card not accepted at reader " + r.id(), RULE, true);
      return null;
    }
    User u = m.get().user();
    Optional<Refusal> v = Credentials.validAt(u, step.now(), step.site().site().timeZone());
    if (v.isPresent()) {
      step.log("user " + u.number() + " refused at reader " + r.id() + ": " + v.get().reason(), v.get().rule(), true);
      return null;
    }
    List<String> areas = r.areas().stream().filter(a -> u.levelIn(a) >= 0).toList();
    List<String> duress = areas.stream().filter(a -> m.get().duress() || u.levelIn(a) == AuthorityLevel.DURESS.number()).toList();
    // The duress goes out whatever happens next (the 5th-key rule: the credential is complete).
    if (!duress.isEmpty()) DuressSignal.send(step, u.number(), duress, "reader " + r.id());
    // The same disarm rules as at a keypad (operator C, installer); a card unsets every area of the
    // reader at once, so one refused area refuses the card. The installer's card, like his code,
    // needs level 2 authorisation (access level 3, standards.md 1.2).
    for (String a : areas) {
      Optional<Refusal> gate = InstallerAccess.check(step, u.levelIn(a));
      if (gate.isPresent()) {
        step.log("user " + u.number() + " refused at reader " + r.id() + ": " + gate.get().reason(), gate.get().rule(), true);
        return null;
      }
      AreaStatus st = step.area(a).status();
      if (st == AreaStatus.UNSET || st == AreaStatus.SETTING) continue;
      Optional<Refusal> no = Authority.disarm(u.levelIn(a), u.number(), step.area(a));
      if (no.isPresent()) {
        step.log("user " + u.number() + " refused at reader " + r.id() + ": " + no.get().reason(), no.get().rule(), true);
        return null;
      }
    }
    return u;
  }
}
