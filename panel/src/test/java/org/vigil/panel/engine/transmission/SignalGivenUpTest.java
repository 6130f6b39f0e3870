package org.vigil.panel.engine.transmission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.PanelEngine;
import org.vigil.panel.engine.StepResult;

/** Issue 9 "DUH: record, report locally, do not retry forever": the local report in the engine. */
class SignalGivenUpTest {
  static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");
  final SiteConfig bank = Sites.load("bank.yaml");
  final PanelEngine engine = new PanelEngine(bank);

  StepResult givenUp(boolean hidden) {
    return engine.step(engine.initial(T0),
        new Input.SignalGivenUp("ip", 7, "intruder area hall zone 3, Contact ID 130", "receiver answered DUH 2 times", hidden), T0);
  }

  @Test
  void signalGivenUpAfterDuhIsAUserVisibleLogEntryWithItsRuleAndAKeypadFault() {
    List<Effect> fx = givenUp(false).effects();
    assertThat(fx).filteredOn(Effect.LogEntry.class::isInstance).map(Effect.LogEntry.class::cast).singleElement().satisfies(l -> {
      assertThat(l.rule()).isEqualTo(PathSupervision.RULE_GIVEN_UP);
      assertThat(l.userVisible()).isTrue();
      assertThat(l.message()).contains("intruder area hall zone 3").contains("queue event 7").contains("undeliverable").contains("354");
    });
    // Every keypad that is not in public view shows the fault.
    assertThat(fx).filteredOn(Effect.KeypadDisplay.class::isInstance).map(Effect.KeypadDisplay.class::cast)
        .extracting(Effect.KeypadDisplay::keypad).containsExactlyInAnyOrder("kp-hall", "kp-office");
    assertThat(fx).filteredOn(Effect.KeypadDisplay.class::isInstance).map(Effect.KeypadDisplay.class::cast)
        .allSatisfy(d -> assertThat(d.text()).isEqualTo(PathSupervision.GIVEN_UP_DISPLAY));
    // Not a second signal to the ARC: the transmitter already raised the 354.
    assertThat(fx).noneMatch(Effect.Notification.class::isInstance);
  }

  @Test
  void givenUpDuressSignalIsLoggedForTheInstallerOnlyAndLeavesNoTraceOnAKeypad() {
    List<Effect> fx = givenUp(true).effects();
    assertThat(fx).filteredOn(Effect.LogEntry.class::isInstance).map(Effect.LogEntry.class::cast).singleElement()
        .satisfies(l -> assertThat(l.userVisible()).isFalse());
    assertThat(fx).noneMatch(Effect.KeypadDisplay.class::isInstance);
  }
}
