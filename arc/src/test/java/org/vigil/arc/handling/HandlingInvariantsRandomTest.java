package org.vigil.arc.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.arc.handling.HandlingEffect.*;
import org.vigil.arc.handling.HandlingInput.*;

/**
 * Seeded random signal and operator sequences; after every step the rules that must always hold are
 * checked. A failure prints the seed so it can be replayed.
 */
class HandlingInvariantsRandomTest {

  static Stream<Long> seeds() {
    return Stream.iterate(1L, s -> s + 1).limit(40).map(s -> s * 7919L);
  }

  private static final int[] CIDS = {120, 121, 122, 123, 129, 130, 132, 134, 137, 139, 144, 301, 351, 352, 378,
      401, 401, 401, 406, 570, 602, 999};
  private static final String[] SIAS = {"BA", "BV", "BM", "HA", "PA", "HV", "TA", "OP", "CL", "BC", "OC", "HB", "YC",
      "NT", "YK", "RP", "ZZ"};

  static HandlingProfile profile(Random r) {
    HandlingProfile.Builder b = HandlingProfile.builder("R" + r.nextInt(1000))
        .holdUpConfirmationTime(Duration.ofHours(8 + r.nextInt(13)))
        .setUnsetMonitoring(r.nextBoolean())
        .zone(ZoneId.of(r.nextBoolean() ? "UTC" : "Europe/London"))
        .keyholder("Ann", "1")
        .path("ip", Technology.IP)
        .path("gsm", Technology.CELLULAR)
        .path("ip2", Technology.IP)
        .multiActionDevice("hd-2")
        .holdUpZone("9");
    if (r.nextBoolean()) b.everyDay(LocalTime.of(7, 0), LocalTime.of(18, 0));
    if (r.nextBoolean()) b.intruderUrn("URN-I");
    if (r.nextBoolean()) b.holdUpUrn("URN-H");
    return b.build();
  }

  static HandlingInput randomInput(Random r, AccountState s, Instant at, int n) {
    String alarm = s.alarms().isEmpty() || r.nextInt(10) == 0
        ? s.profile().accountId() + "-" + (1 + r.nextInt(5))
        : s.alarms().get(r.nextInt(s.alarms().size())).id();
    String zone = String.valueOf(1 + r.nextInt(12));
    String device = "hd-" + (1 + r.nextInt(3));
    String path = List.of("ip", "gsm", "ip2").get(r.nextInt(3));
    int k = r.nextInt(100);
    if (k < 35) {
      int cid = CIDS[r.nextInt(CIDS.length)];
      int q = cid == 401 ? (r.nextBoolean() ? 1 : 3) : (r.nextInt(6) == 0 ? 3 : 1);
      return new SignalReceived(StoredSignal.contactId("s" + n, at, cid, q, zone, device, path).withImages(r.nextInt(3)));
    }
    if (k < 60) {
      return new SignalReceived(StoredSignal.sia("s" + n, at, SIAS[r.nextInt(SIAS.length)], zone, device, path));
    }
    if (k < 65) return new PathFault(path, r.nextInt(4) == 0 ? null : Technology.values()[r.nextInt(4)]);
    if (k < 68) return new PathRestored(path, null);
    if (k < 75) return new Tick();
    return switch (r.nextInt(13)) {
      case 0 -> new TakeAlarm("op" + r.nextInt(2), alarm);
      case 1 -> new RecordListenIn("op1", alarm, r.nextInt(40) - 5);
      case 2 -> new ImagesViewed("op1", alarm, r.nextInt(5));
      case 3 -> new DesignateAudiblyConfirmed("op1", alarm);
      case 4 -> new DesignateVisuallyConfirmed("op1", alarm);
      case 5 -> new RecordInconclusiveEvidence("op1", alarm, "dark");
      case 6 -> new RecordContraryIndication("op1", alarm, r.nextBoolean() ? "voices" : " ");
      case 7 -> new RecordCallBackOutcome("op1", alarm, CallBackOutcome.values()[r.nextInt(4)]);
      case 8 -> new DispatchPolice("op1", alarm);
      case 9 -> new InformKeyholder("op1", alarm, r.nextBoolean() ? "Ann" : "Eve", r.nextBoolean());
      case 10 -> new CloseAlarm("op1", alarm, r.nextInt(5) == 0 ? null : CloseCause.values()[r.nextInt(CloseCause.values().length)], null);
      case 11 -> new ReinstatePoliceResponse("admin", PoliceResponse.Kind.values()[r.nextInt(2)], r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean());
      default -> new Tick();
    };
  }

  record Run(List<AccountState> states, List<List<HandlingEffect>> effects, List<Instant> times) {}

  static Run run(long seed) {
    Random r = new Random(seed);
    HandlingProfile p = profile(r);
    Instant now = Instant.parse("2026-01-05T00:00:00Z").plusSeconds(r.nextInt(86400));
    AccountState s = AccountState.initial(p, now);
    List<AccountState> states = new ArrayList<>();
    List<List<HandlingEffect>> effects = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (int n = 0; n < 400; n++) {
      int gap = r.nextInt(10);
      now = now.plusMillis(gap < 6 ? r.nextInt(60_000) : gap < 9 ? r.nextInt(600_000) : r.nextInt(36_000_000));
      StepResult res = AccountHandling.step(s, randomInput(r, s, now, n), now);
      s = res.state();
      states.add(s);
      effects.add(res.effects());
      times.add(now);
    }
    return new Run(states, effects, times);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void invariantsHoldForRandomSequences(long seed) {
    Run run = run(seed);
    for (int i = 0; i < run.states().size(); i++) {
      AccountState s = run.states().get(i);
      List<HandlingEffect> effects = run.effects().get(i);
      String at = "seed " + seed + " step " + i;

      // Every decision carries a rule.
      assertThat(effects).as(at).allSatisfy(e -> assertThat(e.rule()).isNotBlank());

      for (Alarm a : s.alarms()) {
        // A hold-up alarm is never filtered, and never cancelled as a false alert.
        if (a.holdUp() != null) assertThat(a.filter()).as(at + " " + a.id()).isNotEqualTo(FilterState.RUNNING);
        if (a.status() == Alarm.Status.CANCELLED_FALSE_ALERT) {
          assertThat(a.holdUp()).as(at + " hold-up cancelled " + a.id()).isNull();
          // A cancelled alarm was within 120 s of its first unconfirmed signal.
          Duration d = Duration.between(a.firstUnconfirmedAt(), a.closedAt());
          assertThat(d).as(at + " " + a.id()).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(AccountHandling.FILTER_DELAY);
          assertThat(a.contraryIndication()).as(at + " contrary indication ignored " + a.id()).isNull();
        }
        if (a.filter() == FilterState.RUNNING) {
          assertThat(a.filterUntil()).isEqualTo(a.firstUnconfirmedAt().plus(AccountHandling.FILTER_DELAY));
        }
        // Priority always follows the designation.
        assertThat(a.priority()).as(at + " " + a.id()).isEqualTo(Priority.of(a.designation()));
        // Closed alarms always have a cause.
        if (!a.open()) assertThat(a.closeCause()).as(at + " " + a.id()).isNotNull();
      }
      // At most one open security alarm and one open technical alarm per account.
      assertThat(s.openAlarms().stream().filter(Alarm::security).count()).as(at).isLessThanOrEqualTo(1);
      assertThat(s.openAlarms().stream().filter(a -> !a.security()).count()).as(at).isLessThanOrEqualTo(1);
      // Open tasks belong to open alarms.
      for (Task t : s.openTasks()) {
        assertThat(s.alarm(t.alarmId())).as(at + " task " + t.id()).hasValueSatisfying(a -> assertThat(a.open()).isTrue());
      }
      for (HandlingEffect e : effects) {
        // Police only for confirmed intruder alarms or hold-up alarms, never while filtering.
        if (e instanceof PoliceDispatched pd) {
          assertThat(pd.designation().type() == AlarmType.HOLD_UP
              || (pd.designation().type() == AlarmType.INTRUDER && pd.designation().confirmed())).as(at).isTrue();
        }
        // Within one type, a confirmed designation never goes back to unconfirmed.
        if (e instanceof DesignationChanged dc && dc.from().type() == dc.to().type() && dc.from().confirmed()) {
          assertThat(dc.to().confirmed()).as(at + " " + dc).isTrue();
        }
        if (e instanceof FilterStarted fs) {
          assertThat(s.alarm(fs.alarmId()).orElseThrow().holdUp()).as(at).isNull();
        }
      }
    }
  }

  /** What a driver relies on to tick only due accounts: before the next deadline a tick changes nothing. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aTickBeforeTheNextDeadlineChangesNothing(long seed) {
    Run run = run(seed);
    Random r = new Random(seed);
    for (int i = 0; i < run.states().size(); i++) {
      AccountState s = run.states().get(i);
      Instant now = run.times().get(i);
      Instant deadline = s.nextDeadline().orElse(now.plus(Duration.ofDays(30)));
      long span = Duration.between(now, deadline).toMillis();
      if (span <= 0) continue;
      Instant t = now.plusMillis((long) (r.nextDouble() * span));
      StepResult res = AccountHandling.step(s, new Tick(), t);
      assertThat(res.effects()).as("seed %d step %d tick at %s before %s", seed, i, t, deadline).isEmpty();
      assertThat(res.state()).isEqualTo(s);
    }
  }

  /** Guards the generator: the invariants above are only worth something if these decisions happen. */
  @org.junit.jupiter.api.Test
  void randomSequencesReachTheInterestingDecisions() {
    java.util.Set<String> seen = new java.util.TreeSet<>();
    java.util.Set<String> designations = new java.util.TreeSet<>();
    seeds().forEach(seed -> {
      Run run = run(seed);
      run.effects().forEach(list -> list.forEach(e -> {
        seen.add(e.getClass().getSimpleName());
        if (e instanceof DesignationChanged dc) designations.add(dc.to().text());
      }));
    });
    assertThat(seen).contains("AlarmCancelledAsFalseAlert", "FilterExpired", "FilterCancelled", "PoliceDispatched",
        "DesignationChanged", "TaskCreated", "TaskClosed", "ActionRefused", "SetUnsetAlert", "PoliceResponseStatus");
    assertThat(designations).contains("sequentially confirmed hold-up", "sequentially confirmed intruder",
        "confirmed (transmission fault) intruder");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameInputsGiveTheSameStatesAndEffects(long seed) {
    Run a = run(seed);
    Run b = run(seed);
    assertThat(b.states()).isEqualTo(a.states());
    assertThat(b.effects()).isEqualTo(a.effects());
  }
}
