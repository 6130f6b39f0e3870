package org.vigil.panel.engine.warning;

import java.util.List;
import org.vigil.panel.config.Output;
import org.vigil.panel.config.OutputType;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.TimerKey;

/**
 * Warning devices and status outputs: the bell (external WD) signals an unconfirmed alarm, the
 * strobe a confirmed one (DD243 Q&A), so a keyholder sees before entering whether the alarm has been
 * confirmed. Bells stop after the bell duration; everything stops at unset. Silent alarms (hold-up,
 * duress) drive nothing here.
 */
public final class WarningDevices implements Feature {
  public record BellsOff(String area) implements TimerKey {}

  public record BellsOn(String area) implements TimerKey {}

  /** Internal sounder started while unset (tamper, 24 h zone) stops. */
  public record InternalOff(String area) implements TimerKey {}

  static final String BELL_RULE = "DD243 Q&A: bell = unconfirmed";
  static final String STROBE_RULE = "DD243 Q&A: strobe = confirmed";

  @Override
  public void on(Input input, Step step) {
    switch (input) {
      case Input.AlarmRaised a when a.audible() -> alarm(step, a);
      case Input.TimerFired(BellsOn(String area)) -> bells(step, area);
      case Input.TimerFired(InternalOff(String area)) -> {
        if (!step.scheduled(new BellsOff(area))) switchAll(step, area, OutputType.INTERNAL_WD, false, "timers.bell_duration elapsed (bell cut-off within 20 min)");
      }
      case Input.TimerFired(BellsOff(String area)) -> {
        switchAll(step, area, OutputType.EXTERNAL_WD, false, "timers.bell_duration elapsed (bell cut-off within 20 min)");
        switchAll(step, area, OutputType.INTERNAL_WD, false, "timers.bell_duration elapsed (bell cut-off within 20 min)");
      }
      case Input.AreaChanged c when c.to() == AreaStatus.UNSET -> {
        step.cancel(new BellsOn(c.area()));
        step.cancel(new BellsOff(c.area()));
        step.cancel(new InternalOff(c.area()));
        for (OutputType t : List.of(OutputType.EXTERNAL_WD, OutputType.INTERNAL_WD, OutputType.STROBE, OutputType.STATUS_UNCONFIRMED, OutputType.STATUS_CONFIRMED)) {
          switchAll(step, c.area(), t, false, "unset silences warning devices");
        }
        switchAll(step, c.area(), OutputType.SET_INDICATOR, false, "set indicator");
      }
      case Input.AreaChanged c when c.to() == AreaStatus.SET || c.to() == AreaStatus.PART_SET -> switchAll(step, c.area(), OutputType.SET_INDICATOR, true, "set indicator");
      default -> {}
    }
  }

  private void alarm(Step step, Input.AlarmRaised a) {
    boolean armed = step.area(a.area()).armed();
    int grade = step.site().site().grade();
    switch (a.kind()) {
      case ENTRY_WARNING -> switchAll(step, a.area(), OutputType.INTERNAL_WD, true, "BS8243 6.4.5(b) local warning during entry");
      case INTRUDER, TAMPER -> {
        if (a.confirmed()) {
          switchAll(step, a.area(), OutputType.STROBE, true, STROBE_RULE);
          switchAll(step, a.area(), OutputType.STATUS_CONFIRMED, true, STROBE_RULE);
          return;
        }
        Table7.Condition c = a.kind() == Input.AlarmKind.TAMPER ? Table7.Condition.TAMPER : Table7.Condition.INTRUDER;
        if (!armed) {
          // Unset: a tamper sounds the internal WD (optional cell, our choice). An intruder alarm while
          // unset comes only from a 24 h zone, which is set at all times: the set row's internal WD
          // applies to it, the external WD never does in the unset state (Table 7 note).
          boolean internal = c == Table7.Condition.INTRUDER ? Table7.on(grade, true, c, Table7.Channel.INTERNAL_WD) : Table7.on(grade, false, c, Table7.Channel.INTERNAL_WD);
          if (internal) {
            switchAll(step, a.area(), OutputType.INTERNAL_WD, true, Table7.rule(grade, c == Table7.Condition.INTRUDER, c, Table7.Channel.INTERNAL_WD) + (c == Table7.Condition.INTRUDER ? " (24 h zone)" : ""));
            step.schedule(new InternalOff(a.area()), bellDuration(step));
          }
          return;
        }
        switchAll(step, a.area(), OutputType.STATUS_UNCONFIRMED, true, BELL_RULE);
        if (Table7.on(grade, true, c, Table7.Channel.INTERNAL_WD)) switchAll(step, a.area(), OutputType.INTERNAL_WD, true, BELL_RULE + "; " + Table7.rule(grade, true, c, Table7.Channel.INTERNAL_WD));
        if (!Table7.on(grade, true, c, Table7.Channel.EXTERNAL_WD)) return;
        if (step.site().timers().bellDelay().isZero()) bells(step, a.area());
        else if (!step.scheduled(new BellsOn(a.area()))) step.schedule(new BellsOn(a.area()), step.site().timers().bellDelay());
      }
      case HOLD_UP -> switchAll(step, a.area(), OutputType.INTERNAL_WD, true, "audible hold-up device (" + Table7.rule(grade, armed, Table7.Condition.HOLD_UP, Table7.Channel.INTERNAL_WD) + ")");
    }
  }

  /** The bell duration, never above the 20 minute cut-off (UK police policy), whatever the configuration. */
  static java.time.Duration bellDuration(Step step) {
    java.time.Duration d = step.site().timers().bellDuration();
    return d.compareTo(org.vigil.panel.config.Timers.MAX_BELL) > 0 ? org.vigil.panel.config.Timers.MAX_BELL : d;
  }

  private void bells(Step step, String area) {
    // A further alarm while the bells still sound does not extend them; after they stop, it restarts them.
    if (step.scheduled(new BellsOff(area))) return;
    switchAll(step, area, OutputType.EXTERNAL_WD, true, BELL_RULE + "; " + Table7.RULE + " set: external WD mandatory");
    step.schedule(new BellsOff(area), bellDuration(step));
  }

  private void switchAll(Step step, String area, OutputType type, boolean on, String rule) {
    for (Output o : step.site().outputsFor(area, type)) step.output(o.id(), on, rule);
  }
}
