package org.vigil.app.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.arc.handling.AccountHandling;
import org.vigil.arc.handling.AccountState;
import org.vigil.arc.handling.HandlingEffect;
import org.vigil.arc.handling.HandlingInput;
import org.vigil.arc.handling.HandlingProfile;
import org.vigil.arc.handling.StepResult;
import org.vigil.arc.handling.StoredSignal;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.simulate.TimedEffect;

/**
 * Panel and ARC on one virtual clock: every notification the panel engine sends becomes a stored
 * Contact ID signal at the ARC at the same instant, and the pure ARC handling engine decides. The
 * DC-09 wire between the two is covered by the transmitter and receiver tests; here only the rules
 * meet.
 */
public final class PanelToArc {

  /** One ARC decision with the instant it was made. */
  public record ArcEffect(Instant at, HandlingEffect effect) {}

  /** Everything the ARC did, its final state, and the signals it received. */
  public record Run(List<ArcEffect> effects, AccountState state, List<StoredSignal> signals) {
    public List<HandlingEffect> decisions() {
      return effects.stream().map(ArcEffect::effect).toList();
    }
  }

  private PanelToArc() {}

  /**
   * Feeds the panel's notifications to a fresh ARC account with default handling settings, then lets
   * the ARC's timers run for {@code runOn} after the last signal.
   */
  public static Run run(List<TimedEffect> panelEffects, String accountId, Duration runOn) {
    HandlingProfile profile = HandlingProfile.builder(accountId).build();
    List<StoredSignal> signals = new ArrayList<>();
    List<ArcEffect> effects = new ArrayList<>();
    AccountState state = null;
    int n = 0;
    for (TimedEffect te : panelEffects) {
      if (!(te.effect() instanceof Effect.Notification note) || note.cid() == null) continue;
      if (state == null) state = AccountState.initial(profile, te.at());
      // ARC timers due before this signal fire at their own instants first.
      state = tickUntil(state, te.at(), effects);
      String number =
          note.zone() != null ? "%03d".formatted(note.zone()) : note.user() != null ? "%03d".formatted(note.user()) : "000";
      StoredSignal sig =
          StoredSignal.contactId("s" + (++n), te.at(), note.cid(), note.restore() ? 3 : 1, number, null, null)
              .withArea(note.area());
      signals.add(sig);
      StepResult r = AccountHandling.step(state, new HandlingInput.SignalReceived(sig), te.at());
      state = r.state();
      r.effects().forEach(e -> effects.add(new ArcEffect(te.at(), e)));
    }
    if (state == null) return new Run(List.of(), null, List.of());
    state = tickUntil(state, signals.get(signals.size() - 1).receivedAt().plus(runOn), effects);
    return new Run(List.copyOf(effects), state, List.copyOf(signals));
  }

  private static AccountState tickUntil(AccountState state, Instant to, List<ArcEffect> effects) {
    AccountState s = state;
    while (s.nextDeadline().isPresent() && !s.nextDeadline().get().isAfter(to)) {
      Instant at = s.nextDeadline().get();
      StepResult r = AccountHandling.step(s, new HandlingInput.Tick(), at);
      if (r.state().equals(s) && r.effects().isEmpty()) break; // nothing left to fire
      s = r.state();
      r.effects().forEach(e -> effects.add(new ArcEffect(at, e)));
    }
    return s;
  }
}
