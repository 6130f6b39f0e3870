package org.vigil.arc.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.arc.handling.HandlingEffect.ActionRefused;
import org.vigil.arc.handling.HandlingInput.DesignateVisuallyConfirmed;
import org.vigil.arc.handling.HandlingInput.ImagesReceived;
import org.vigil.arc.handling.HandlingInput.ImagesViewed;
import org.vigil.arc.handling.HandlingInput.TakeAlarm;

/**
 * BS8243 7.2.1 / 7.2.2 with images that arrive after their signal (fetched from its DC-09 [V] link): they count
 * towards the alarm holding the signal, a failed fetch is written to its history, and the visual designation still
 * needs every image viewed.
 */
class ImagesReceivedTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  static AccountState run(AccountState s, HandlingInput in, Instant now, List<HandlingEffect> sink) {
    StepResult r = AccountHandling.step(s, in, now);
    sink.addAll(r.effects());
    return r.state();
  }

  static AccountState holdUp(List<HandlingEffect> fx) {
    AccountState s = AccountState.initial(HandlingProfile.builder("A").holdUpUrn("AB/1/H").build(), T0);
    return run(s, new HandlingInput.SignalReceived(StoredSignal.contactId("5001", T0, 122, 1, "20", null, null)), T0, fx);
  }

  @Test
  void bs8243_7_2_1_imagesFetchedLaterCountTowardsTheAlarmHoldingTheirSignal() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = holdUp(fx);
    String alarm = s.openAlarms().get(0).id();
    s = run(s, new ImagesReceived("5001", 3, ""), T0.plusSeconds(8), fx);

    Alarm a = s.alarm(alarm).orElseThrow();
    assertThat(a.imagesReceived()).isEqualTo(3);
    assertThat(a.history()).anySatisfy(d -> {
      assertThat(d.text()).contains("3 image(s) received for signal 5001");
      assertThat(d.rule()).isEqualTo(Rules.VIEWING);
    });
  }

  @Test
  void bs8243_7_2_2_visualDesignationNeedsEveryLateImageViewed() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = holdUp(fx);
    String alarm = s.openAlarms().get(0).id();
    s = run(s, new TakeAlarm("op1", alarm), T0.plusSeconds(5), fx);
    s = run(s, new ImagesReceived("5001", 3, ""), T0.plusSeconds(8), fx);
    s = run(s, new ImagesViewed("op1", alarm, 2), T0.plusSeconds(20), fx);
    s = run(s, new DesignateVisuallyConfirmed("op1", alarm), T0.plusSeconds(21), fx);
    assertThat(fx).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ActionRefused.class, r -> assertThat(r.reason()).contains("2 of 3")));

    s = run(s, new ImagesViewed("op1", alarm, 3), T0.plusSeconds(30), fx);
    s = run(s, new DesignateVisuallyConfirmed("op1", alarm), T0.plusSeconds(31), fx);
    assertThat(s.alarm(alarm).orElseThrow().holdUp()).isEqualTo(Confirmation.VISUAL);
  }

  @Test
  void aFailedFetchIsWrittenToTheAlarmsHistoryAndCountsNothing() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = holdUp(fx);
    String alarm = s.openAlarms().get(0).id();
    s = run(s, new ImagesReceived("5001", 0, "failed: http error: HTTP 404"), T0.plusSeconds(15), fx);

    Alarm a = s.alarm(alarm).orElseThrow();
    assertThat(a.imagesReceived()).isZero();
    assertThat(a.open()).isTrue();
    assertThat(a.history()).anySatisfy(d -> assertThat(d.text()).contains("no images received for signal 5001").contains("HTTP 404"));
  }

  @Test
  void imagesForTheSecondEventOfASignalFindTheirAlarmAndUnknownSignalsAreLogged() {
    List<HandlingEffect> fx = new ArrayList<>();
    AccountState s = AccountState.initial(HandlingProfile.builder("A").build(), T0);
    s = run(s, new HandlingInput.SignalReceived(StoredSignal.contactId("7000.2", T0, 122, 1, "20", null, null)), T0, fx);
    s = run(s, new ImagesReceived("7000", 2, ""), T0.plusSeconds(5), fx);
    assertThat(s.openAlarms().get(0).imagesReceived()).isEqualTo(2);

    s = run(s, new ImagesReceived("9999", 3, ""), T0.plusSeconds(6), fx);
    assertThat(s.openAlarms().get(0).imagesReceived()).isEqualTo(2);
    assertThat(fx).anySatisfy(e -> assertThat(e.rule()).isEqualTo(Rules.VIEWING));
  }
}
