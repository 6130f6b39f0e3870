package org.vigil.arc.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.SupervisedPath;
import org.vigil.arc.store.SignalStore.PathStateView;

/** Supervision on a virtual clock: interval + grace, fault once, restore on the next frame. */
class PathSupervisionTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration INTERVAL = Duration.ofSeconds(90);
  static final Duration GRACE = Duration.ofSeconds(30);

  static PathSupervision.PathState fresh() {
    return PathSupervision.PathState.expected(1, "R1L1", "ethernet", INTERVAL, GRACE, null, false, T0);
  }

  @Test
  void silenceUpToIntervalPlusGraceIsNoFault() {
    var s = PathSupervision.onFrame(fresh(), T0).state();
    var step = PathSupervision.onTick(s, T0.plus(INTERVAL).plus(GRACE).minusSeconds(1));
    assertThat(step.change()).isEmpty();
    assertThat(step.state().faulted()).isFalse();
  }

  @Test
  void silenceBeyondIntervalPlusGraceFaultsThePathOnceWithTheRule() {
    var s = PathSupervision.onFrame(fresh(), T0).state();
    var step = PathSupervision.onTick(s, T0.plus(INTERVAL).plus(GRACE));
    assertThat(step.change()).get().isInstanceOf(PathSupervision.Change.Faulted.class)
        .satisfies(c -> assertThat(c.rule()).contains("supervision"));
    var again = PathSupervision.onTick(step.state(), T0.plus(Duration.ofHours(1)));
    assertThat(again.change()).as("a faulted path is reported once").isEmpty();
  }

  @Test
  void anyFrameRestartsTheTimerAndRestoresAFaultedPath() {
    var s = PathSupervision.onFrame(fresh(), T0).state();
    s = PathSupervision.onTick(s, T0.plusSeconds(200)).state();
    assertThat(s.faulted()).isTrue();
    var step = PathSupervision.onFrame(s, T0.plusSeconds(300));
    assertThat(step.change()).get().isInstanceOf(PathSupervision.Change.Restored.class);
    assertThat(step.state().deadline()).isEqualTo(T0.plusSeconds(300).plus(INTERVAL).plus(GRACE));
  }

  @Test
  void aConfiguredPathNeverHeardFromFaultsAfterIntervalPlusGraceFromStart() {
    var s = fresh();
    assertThat(PathSupervision.onTick(s, T0.plusSeconds(119)).change()).isEmpty();
    assertThat(PathSupervision.onTick(s, T0.plusSeconds(120)).change()).isPresent();
  }

  @Test
  void theArcsOwnDowntimeIsNotBlamedOnThePath() {
    // last poll an hour before the ARC (re)started: the path gets a full interval from the start
    Account a = account(List.of(new SupervisedPath("R1L1", 90, "ethernet")));
    List<PathSupervision.Change> changes = new ArrayList<>();
    Supervisor sup = new Supervisor(List.of(new PathStateView(a.id(), "R1L1", T0.minusSeconds(3600), false, T0.minusSeconds(3600))),
        T0, changes::add);
    sup.configure(List.of(a), T0);
    sup.tick(T0.plusSeconds(119));
    assertThat(changes).isEmpty();
    sup.tick(T0.plusSeconds(120));
    assertThat(changes).hasSize(1);
  }

  @Test
  void wildcardSupervisesEveryPathTheAccountUses() {
    Account a = account(List.of(new SupervisedPath("*", 60, "any")));
    List<PathSupervision.Change> changes = new ArrayList<>();
    Supervisor sup = new Supervisor(List.of(), T0, changes::add);
    sup.configure(List.of(a), T0);
    assertThat(sup.onFrame(a, "ip:10.0.0.5", T0)).isEqualTo("any");
    assertThat(sup.onFrame(a, "R2L1", T0)).isEqualTo("any");
    sup.tick(T0.plusSeconds(90));
    assertThat(changes).hasSize(2);
    assertThat(sup.onFrame(account(List.of()), "R1L1", T0)).as("unsupervised account").isEmpty();
  }

  @Test
  void aPathRemovedFromTheAccountIsNoLongerSupervised() {
    Account a = account(List.of(new SupervisedPath("R1L1", 60, "")));
    List<PathSupervision.Change> changes = new ArrayList<>();
    Supervisor sup = new Supervisor(List.of(), T0, changes::add);
    sup.configure(List.of(a), T0);
    sup.configure(List.of(account(List.of())), T0.plusSeconds(10));
    sup.tick(T0.plusSeconds(1000));
    assertThat(changes).isEmpty();
  }

  static Account account(List<SupervisedPath> paths) {
    return new Account(7, "1234", "", "", "", "", "", null, null, false, true, 40, 20, Set.of(), paths, 30);
  }
}
