package org.vigil.app.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.handling.AccountHandling;
import org.vigil.arc.handling.AccountState;
import org.vigil.arc.handling.Alarm;
import org.vigil.arc.handling.AlarmType;
import org.vigil.arc.handling.Confirmation;
import org.vigil.arc.handling.HandlingEffect;
import org.vigil.arc.handling.HandlingInput;
import org.vigil.arc.handling.HandlingProfile;
import org.vigil.arc.handling.StepResult;
import org.vigil.arc.handling.StoredSignal;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.simulate.ScenarioLoader;
import org.vigil.panel.simulate.Simulator;
import org.vigil.panel.simulate.TimedEffect;

/**
 * Panel and ARC together on one virtual clock: the panel engine runs a scenario from
 * {@code examples/scenarios/end-to-end} (which checks the panel's side itself), every notification it
 * sends becomes a stored signal at the ARC at the same instant, and the pure ARC handling engine
 * decides. The DC-09 wire between them is covered by the transmitter and receiver tests.
 */
class PanelToArcEndToEndTest {

  private static final Path SCENARIOS = Path.of("..", "examples", "scenarios", "end-to-end");

  /** What the ARC did with the panel's signals: all effects, and the final state. */
  record ArcRun(List<HandlingEffect> effects, AccountState state, List<StoredSignal> signals) {
    Alarm onlySecurityAlarm() {
      List<Alarm> all = state.alarms().stream().filter(Alarm::security).toList();
      assertThat(all).as("security alarms at the ARC").hasSize(1);
      return all.get(0);
    }
  }

  private static ArcRun run(String scenario) {
    ScenarioLoader.Loaded loaded = new ScenarioLoader().load(SCENARIOS.resolve(scenario), null).orThrow();
    Simulator.Result panel = Simulator.run(loaded.site(), loaded.scenario());
    assertThat(panel.failures()).as("the panel side of " + scenario).isEmpty();

    HandlingProfile profile = HandlingProfile.builder("e2e").build();
    List<StoredSignal> signals = new ArrayList<>();
    List<HandlingEffect> effects = new ArrayList<>();
    AccountState state = null;
    int n = 0;
    for (TimedEffect te : panel.effects()) {
      if (!(te.effect() instanceof Effect.Notification note) || note.cid() == null) continue;
      if (state == null) state = AccountState.initial(profile, te.at());
      String number = note.zone() != null ? "%03d".formatted(note.zone()) : note.user() != null ? "%03d".formatted(note.user()) : "000";
      StoredSignal sig =
          StoredSignal.contactId("s" + (++n), te.at(), note.cid(), note.restore() ? 3 : 1, number, null, null)
              .withArea(note.area());
      signals.add(sig);
      StepResult r = AccountHandling.step(state, new HandlingInput.SignalReceived(sig), te.at());
      state = r.state();
      effects.addAll(r.effects());
    }
    assertThat(state).as("the panel sent signals").isNotNull();
    // Let every ARC timer (filter, hold-up confirmation time) run out.
    Instant end = signals.get(signals.size() - 1).receivedAt().plusSeconds(25 * 3600);
    StepResult r = AccountHandling.step(state, new HandlingInput.Tick(), end);
    effects.addAll(r.effects());
    return new ArcRun(effects, r.state(), signals);
  }

  @Test
  void bs8243_7_5_3_confirmedIntruderAlarmCancelledByAnUnsetWithin120sOfTheFirstAlarm() {
    ArcRun arc = run("bs8243-7.5.3-confirmed-intruder-then-unset-within-120s.yaml");

    assertThat(arc.effects()).anySatisfy(e -> {
      assertThat(e).isInstanceOf(HandlingEffect.AlarmCancelledAsFalseAlert.class);
      assertThat(((HandlingEffect.AlarmCancelledAsFalseAlert) e).rule()).startsWith("BS8243 7.5.3");
    });
    Alarm alarm = arc.onlySecurityAlarm();
    assertThat(alarm.intruder()).isEqualTo(Confirmation.SEQUENTIAL);
    assertThat(alarm.designation().falseAlert()).isTrue();
    assertThat(arc.effects()).noneMatch(e -> e instanceof HandlingEffect.PoliceDispatched);
  }

  @Test
  void bs8243_7_3_2_twoHoldUpDevicesGiveAnUnambiguousSequentiallyConfirmedHoldUpNeverFiltered() {
    ArcRun arc = run("bs8243-7.3.2-confirmed-hold-up-from-two-devices.yaml");

    Alarm alarm = arc.onlySecurityAlarm();
    assertThat(alarm.designation().type()).isEqualTo(AlarmType.HOLD_UP);
    assertThat(alarm.holdUp()).isEqualTo(Confirmation.SEQUENTIAL);
    assertThat(alarm.designation().falseAlert()).isFalse();
    assertThat(arc.effects()).noneMatch(e -> e instanceof HandlingEffect.FilterStarted);
    assertThat(arc.effects()).noneMatch(e -> e instanceof HandlingEffect.AlarmCancelledAsFalseAlert);
  }

  @Test
  void dd243_4_3_pathFaultThenIntruderAlarmInTheSameSetPeriodIsConfirmedAtTheArc() {
    ArcRun arc = run("dd243-4.3-path-fault-then-alarm-confirms-at-the-arc.yaml");

    // The panel itself sent no confirmed alarm (its scenario checks that); the ARC confirms.
    assertThat(arc.signals()).noneMatch(s -> s.contactId() == 139);
    Alarm alarm = arc.onlySecurityAlarm();
    assertThat(alarm.designation().type()).isEqualTo(AlarmType.INTRUDER);
    assertThat(alarm.intruder()).isEqualTo(Confirmation.TRANSMISSION_FAULT);
    assertThat(alarm.designation().confirmed()).isTrue();
    assertThat(arc.effects())
        .filteredOn(e -> e instanceof HandlingEffect.DesignationChanged || e instanceof HandlingEffect.AlarmOpened)
        .anySatisfy(e -> assertThat(e instanceof HandlingEffect.DesignationChanged d ? d.rule() : ((HandlingEffect.AlarmOpened) e).rule()).startsWith("DD243 4.3"));
  }
}
