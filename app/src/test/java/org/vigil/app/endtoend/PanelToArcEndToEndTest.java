package org.vigil.app.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.handling.Alarm;
import org.vigil.arc.handling.AlarmType;
import org.vigil.arc.handling.Confirmation;
import org.vigil.arc.handling.HandlingEffect;
import org.vigil.panel.simulate.ScenarioLoader;
import org.vigil.panel.simulate.Simulator;

/**
 * Panel and ARC together on one virtual clock: the panel engine runs a scenario from
 * {@code examples/scenarios/end-to-end} (which checks the panel's side itself), every notification it
 * sends becomes a stored signal at the ARC at the same instant, and the pure ARC handling engine
 * decides. The DC-09 wire between them is covered by the transmitter and receiver tests.
 */
class PanelToArcEndToEndTest {

  private static final Path SCENARIOS = Path.of("..", "examples", "scenarios", "end-to-end");

  /** The panel side must pass its own expectations; then the ARC runs on for 25 h. */
  private static PanelToArc.Run run(String scenario) {
    ScenarioLoader.Loaded loaded = new ScenarioLoader().load(SCENARIOS.resolve(scenario), null).orThrow();
    Simulator.Result panel = Simulator.run(loaded.site(), loaded.scenario());
    assertThat(panel.failures()).as("the panel side of " + scenario).isEmpty();
    PanelToArc.Run arc = PanelToArc.run(panel.effects(), "e2e", Duration.ofHours(25));
    assertThat(arc.signals()).as("the panel sent signals").isNotEmpty();
    return arc;
  }

  private static Alarm onlySecurityAlarm(PanelToArc.Run arc) {
    List<Alarm> all = arc.state().alarms().stream().filter(Alarm::security).toList();
    assertThat(all).as("security alarms at the ARC").hasSize(1);
    return all.get(0);
  }

  @Test
  void bs8243_7_5_3_confirmedIntruderAlarmCancelledByAnUnsetWithin120sOfTheFirstAlarm() {
    PanelToArc.Run arc = run("bs8243-7.5.3-confirmed-intruder-then-unset-within-120s.yaml");

    assertThat(arc.decisions()).anySatisfy(e -> {
      assertThat(e).isInstanceOf(HandlingEffect.AlarmCancelledAsFalseAlert.class);
      assertThat(((HandlingEffect.AlarmCancelledAsFalseAlert) e).rule()).startsWith("BS8243 7.5.3");
    });
    Alarm alarm = onlySecurityAlarm(arc);
    assertThat(alarm.intruder()).isEqualTo(Confirmation.SEQUENTIAL);
    assertThat(alarm.designation().falseAlert()).isTrue();
    assertThat(arc.decisions()).noneMatch(e -> e instanceof HandlingEffect.PoliceDispatched);
  }

  @Test
  void bs8243_7_3_2_twoHoldUpDevicesGiveAnUnambiguousSequentiallyConfirmedHoldUpNeverFiltered() {
    PanelToArc.Run arc = run("bs8243-7.3.2-confirmed-hold-up-from-two-devices.yaml");

    Alarm alarm = onlySecurityAlarm(arc);
    assertThat(alarm.designation().type()).isEqualTo(AlarmType.HOLD_UP);
    assertThat(alarm.holdUp()).isEqualTo(Confirmation.SEQUENTIAL);
    assertThat(alarm.designation().falseAlert()).isFalse();
    assertThat(arc.decisions()).noneMatch(e -> e instanceof HandlingEffect.FilterStarted);
    assertThat(arc.decisions()).noneMatch(e -> e instanceof HandlingEffect.AlarmCancelledAsFalseAlert);
  }

  @Test
  void dd243_4_3_pathFaultThenIntruderAlarmInTheSameSetPeriodIsConfirmedAtTheArc() {
    PanelToArc.Run arc = run("dd243-4.3-path-fault-then-alarm-confirms-at-the-arc.yaml");

    // The panel itself sent no confirmed alarm (its scenario checks that); the ARC confirms.
    assertThat(arc.signals()).noneMatch(s -> s.contactId() == 139);
    Alarm alarm = onlySecurityAlarm(arc);
    assertThat(alarm.designation().type()).isEqualTo(AlarmType.INTRUDER);
    assertThat(alarm.intruder()).isEqualTo(Confirmation.TRANSMISSION_FAULT);
    assertThat(alarm.designation().confirmed()).isTrue();
    assertThat(arc.decisions())
        .filteredOn(e -> e instanceof HandlingEffect.DesignationChanged || e instanceof HandlingEffect.AlarmOpened)
        .anySatisfy(e -> assertThat(e instanceof HandlingEffect.DesignationChanged d ? d.rule() : ((HandlingEffect.AlarmOpened) e).rule()).startsWith("DD243 4.3"));
  }
}
