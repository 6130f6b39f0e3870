package org.vigil.panel.transmit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.Transmission;
import org.vigil.panel.config.TransmissionPath.Format;
import org.vigil.panel.config.TransmissionPath.Role;
import org.vigil.panel.engine.Codes;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Signal;
import org.vigil.panel.transmit.VirtualNet.Behaviour;
import org.vigil.protocol.dc09.Dc09Id;

class TransmitPlannerTest {
  static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");
  static final Duration POLL = Duration.ofSeconds(60);
  static final Duration FAIL = Duration.ofSeconds(180);
  static final TransmitSettings S = TransmitSettings.DEFAULT;

  static Effect.Notification intruder(int zone) {
    return Codes.notification(Signal.INTRUDER, 130, "a1", 1, zone, null, false, "test", "intruder zone " + zone);
  }

  static Effect.Notification confirmed(int zone) {
    return Codes.notification(Signal.CONFIRMED_INTRUDER, 139, "a1", 1, zone, null, false, "test", "confirmed");
  }

  VirtualNet dual() {
    return new VirtualNet(Paths.dual(1000, 1001, POLL, FAIL), S, T0);
  }

  @Test
  void eventIsDeliveredOverThePrimaryWhenItAcknowledges() {
    VirtualNet n = dual();
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(1));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "ip", e.sequence()));
    assertThat(n.eventsSent()).hasSize(1);
    assertThat(n.eventsSent().get(0).frame().data()).isEqualTo("#1234|Nri1/BA003");
    assertThat(n.state.queue()).isEmpty();
  }

  @Test
  void retransmissionUsesTheSameSequenceNumber() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.SILENT);
    n.behaviour.put("cell", Behaviour.SILENT);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(60));
    List<TxEffect.Transmit> sends = n.eventsSent();
    assertThat(sends.size()).isGreaterThanOrEqualTo(3);
    assertThat(sends).allSatisfy(t -> assertThat(t.frame().sequence()).isEqualTo(String.format("%04d", e.sequence())));
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.rule()).isEqualTo(TransmitPlanner.RULE_SEQ));
  }

  @Test
  void eventFailsOverToTheSecondaryAfterFailedAttemptsOnThePrimary() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.SILENT);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(40));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "cell", e.sequence()));
    assertThat(n.eventsSent().stream().map(TxEffect.Transmit::path).toList()).containsExactly("ip", "ip", "cell");
    // The secondary speaks its own format: Contact ID, same sequence number.
    TxEffect.Transmit last = n.eventsSent().get(2);
    assertThat(last.frame().id()).isEqualTo(Dc09Id.ADM_CID);
    assertThat(last.frame().data()).isEqualTo("#1234|1130 01 003");
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.rule()).isEqualTo(TransmitPlanner.RULE_FAILOVER));
  }

  @Test
  void nullPollsAreSentAtEachPathsInterval() {
    VirtualNet n = dual();
    n.runFor(Duration.ofSeconds(185));
    List<Instant> ip = n.sent.stream().filter(t -> t.path().equals("ip") && t.frame().id() == Dc09Id.NULL).map(t -> t.frame().timestampUtc().get()).toList();
    assertThat(ip).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180));
    assertThat(n.of(TxEffect.PathChanged.class)).isEmpty();
  }

  @Test
  void anEventRestartsThePollInterval() {
    VirtualNet n = dual();
    n.runFor(Duration.ofSeconds(30));
    n.raise(intruder(1));
    n.runFor(Duration.ofSeconds(70));
    List<Instant> ip = n.sent.stream().filter(t -> t.path().equals("ip") && t.frame().id() == Dc09Id.NULL).map(t -> t.frame().timestampUtc().get()).toList();
    assertThat(ip).containsExactly(T0, T0.plusSeconds(90));
  }

  @Test
  void pathWithoutAcknowledgementWithinItsFailureTimeIsDeclaredFailedAndItsReturnReported() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.SILENT);
    n.runFor(Duration.ofSeconds(179));
    assertThat(n.of(TxEffect.PathChanged.class)).isEmpty();
    n.runFor(Duration.ofSeconds(2));
    assertThat(n.of(TxEffect.PathChanged.class)).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("ip");
      assertThat(c.up()).isFalse();
      assertThat(c.rule()).contains("DD243 4.3");
    });
    assertThat(n.state.path("ip").up()).isFalse();
    n.behaviour.put("ip", Behaviour.ACK);
    n.runFor(Duration.ofSeconds(2 * 30 + 11));
    assertThat(n.of(TxEffect.PathChanged.class)).extracting(TxEffect.PathChanged::up).containsExactly(false, true);
  }

  @Test
  void secondaryTakesOverThePrimarysPollRateWhenThePrimaryFails() {
    Transmission tx = new Transmission("1234", "DP3", List.of(
        Paths.path("ip", Role.PRIMARY, "ethernet", 1, Format.SIA_DCS, null, Duration.ofSeconds(60), Duration.ofSeconds(180)),
        Paths.path("cell", Role.SECONDARY, "cellular", 2, Format.SIA_DCS, null, Duration.ofHours(8), Duration.ofHours(25))));
    VirtualNet n = new VirtualNet(tx, S, T0);
    n.behaviour.put("ip", Behaviour.SILENT);
    n.runFor(Duration.ofSeconds(181));
    n.sent.clear();
    n.runFor(Duration.ofSeconds(150));
    long cellPolls = n.sent.stream().filter(t -> t.path().equals("cell")).count();
    assertThat(cellPolls).isBetween(2L, 3L);
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.rule()).isEqualTo(TransmitPlanner.RULE_BACKUP_RATE));
  }

  @Test
  void nakMakesThePanelAdoptTheReceiverTimeAndResend() {
    VirtualNet n = dual();
    n.receiverSkew.put("ip", Duration.ofHours(1));
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(1));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "ip", e.sequence()));
    assertThat(n.state.offsets()).containsEntry("127.0.0.1:1000", Duration.ofHours(1));
    List<TxEffect.Transmit> ip = n.sent.stream().filter(t -> t.path().equals("ip")).toList();
    assertThat(ip.get(ip.size() - 1).frame().timestampUtc()).contains(n.now.plus(Duration.ofHours(1)).minusSeconds(1));
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.rule()).isEqualTo(TransmitPlanner.RULE_NAK));
  }

  @Test
  void nakWithoutNewTimeIsBoundedByTheAttemptsAndFailsOver() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.NAK);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(30));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "cell", e.sequence()));
    assertThat(n.eventsSent().stream().filter(t -> t.path().equals("ip")).count()).isEqualTo(2);
  }

  @Test
  void duhIsRecordedAndTheEventGivenUpAfterMaxDuhNotRetriedForever() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.DUH);
    n.behaviour.put("cell", Behaviour.DUH);
    QueuedEvent e = n.raise(intruder(3));
    QueuedEvent next = n.raise(intruder(4));
    n.runFor(Duration.ofSeconds(30));
    assertThat(n.of(TxEffect.Undeliverable.class)).extracting(TxEffect.Undeliverable::eventId).containsExactly(e.id(), next.id());
    assertThat(n.eventsSent()).hasSize(4);
    assertThat(n.of(TxEffect.PathChanged.class)).as("a DUH proves the path alive").isEmpty();
    assertThat(n.state.queue()).isEmpty();
  }

  @Test
  void garbageAnswerCountsAsAFailedAttempt() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.GARBAGE);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(10));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "cell", e.sequence()));
  }

  @Test
  void wrongKeyAtTheReceiverFailsThePathAndEventsGoOverTheOther() {
    Transmission tx = new Transmission("1234", "DP2", List.of(
        Paths.path("ip", Role.PRIMARY, "ethernet", 1, Format.SIA_DCS, Paths.KEY, POLL, FAIL),
        Paths.path("cell", Role.SECONDARY, "cellular", 2, Format.SIA_DCS, Paths.KEY, POLL, FAIL)));
    VirtualNet n = new VirtualNet(tx, S, T0);
    // The receiver on ip knows another key: it cannot decrypt, so it NAKs everything.
    n.behaviour.put("ip", Behaviour.NAK);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(200));
    assertThat(n.of(TxEffect.Delivered.class)).contains(new TxEffect.Delivered(e.id(), "cell", e.sequence()));
    assertThat(n.of(TxEffect.PathChanged.class)).singleElement().satisfies(c -> assertThat(c.path()).isEqualTo("ip"));
    assertThat(n.eventsSent().get(0).frame().encrypted()).isTrue();
  }

  @Test
  void receiverDownAtStartEventsStillLeaveOverTheOtherPathAndThePathIsReported() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.REFUSE);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(181));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "cell", e.sequence()));
    assertThat(n.of(TxEffect.PathChanged.class)).singleElement().satisfies(c -> assertThat(c.up()).isFalse());
  }

  @Test
  void eventsLeaveInTheOrderRaisedAndTheUnconfirmedAlarmNeverAfterItsConfirmation() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.SILENT);
    QueuedEvent a = n.raise(intruder(3));
    QueuedEvent b = n.raise(confirmed(4));
    QueuedEvent c = n.raise(intruder(5));
    n.runFor(Duration.ofSeconds(60));
    assertThat(n.of(TxEffect.Delivered.class)).extracting(TxEffect.Delivered::eventId).containsExactly(a.id(), b.id(), c.id());
    // First transmission of each event in raise order, whatever the path.
    List<Long> firstSends = n.eventsSent().stream().map(TxEffect.Transmit::eventId).distinct().toList();
    assertThat(firstSends).containsExactly(a.id(), b.id(), c.id());
  }

  @Test
  void pathFlappingIsDampedAndLosesNothing() {
    VirtualNet n = dual();
    List<Long> raised = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      n.behaviour.put("ip", i % 2 == 0 ? Behaviour.REFUSE : Behaviour.ACK);
      raised.add(n.raise(intruder(i + 1)).id());
      n.runFor(Duration.ofSeconds(45));
    }
    n.behaviour.put("ip", Behaviour.ACK);
    n.runFor(Duration.ofMinutes(5));
    assertThat(n.of(TxEffect.Delivered.class)).extracting(TxEffect.Delivered::eventId).containsExactlyElementsOf(raised);
    long changes = n.of(TxEffect.PathChanged.class).size();
    // 40 toggles of 45 s each; a fault needs 180 s without ACK, so short outages are not reported.
    assertThat(changes).isLessThanOrEqualTo(2);
  }

  @Test
  void pathPolledExactlyAtItsFailureTimeIsPolledEarlyEnoughToStayUp() {
    Transmission tx = Paths.single(Paths.path("ip", Role.PRIMARY, "ethernet", 1, Format.SIA_DCS, null, Duration.ofMinutes(3), Duration.ofMinutes(3)));
    VirtualNet n = new VirtualNet(tx, S, T0);
    n.runFor(Duration.ofHours(2));
    assertThat(n.of(TxEffect.PathChanged.class)).isEmpty();
    List<Instant> polls = n.sent.stream().map(t -> t.frame().timestampUtc().get()).toList();
    assertThat(polls.get(1)).isEqualTo(T0.plusSeconds(170));
  }

  @Test
  void ackForAnotherSequenceIsIgnored() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.SILENT);
    n.behaviour.put("cell", Behaviour.SILENT);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(1));
    var bogus = org.vigil.protocol.dc09.Dc09Frame.builder(Dc09Id.ACK).sequence(e.sequence() + 1).account("1234").build();
    n.apply(new TxInput.Response("ip", new org.vigil.protocol.dc09.Dc09Result.Decoded(bogus, List.of())));
    assertThat(n.of(TxEffect.Delivered.class)).isEmpty();
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.message()).contains("matches nothing"));
  }

  // ---- destinations of a path (an ARC receiver pair)

  static Transmission pairPath() {
    return Paths.single(Paths.pair("ip", Role.PRIMARY, Format.SIA_DCS, null, POLL, FAIL, 2000, 2001));
  }

  @Test
  void pathTriesItsDestinationsInOrderAndLogsWhichOneAnswered() {
    VirtualNet n = new VirtualNet(pairPath(), S, T0);
    n.receiver.put("127.0.0.1:2000", Behaviour.REFUSE);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(10));
    assertThat(n.eventsSent()).extracting(TxEffect.Transmit::destination).containsExactly(0, 1);
    assertThat(n.eventsSent()).allSatisfy(t -> assertThat(t.frame().sequence()).isEqualTo(String.format("%04d", e.sequence())));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "ip", e.sequence()));
    assertThat(n.of(TxEffect.Log.class)).filteredOn(l -> l.rule().equals(TransmitPlanner.RULE_DESTINATION)).extracting(TxEffect.Log::message)
        .anySatisfy(m -> assertThat(m).contains("127.0.0.1:2000 failed").contains("next frame to 127.0.0.1:2001"))
        .anySatisfy(m -> assertThat(m).contains("acknowledged by 127.0.0.1:2001"));
  }

  @Test
  void pathStaysWithTheDestinationThatAnswersUntilItFails() {
    VirtualNet n = new VirtualNet(pairPath(), S, T0);
    n.receiver.put("127.0.0.1:2000", Behaviour.SILENT);
    n.raise(intruder(1));
    n.runFor(Duration.ofSeconds(30));
    n.raise(intruder(2));
    n.runFor(Duration.ofMinutes(5));
    // After the backup receiver answered, events and polls go straight to it.
    List<TxEffect.Transmit> after = n.sent.subList(2, n.sent.size());
    assertThat(after).isNotEmpty().allSatisfy(t -> assertThat(t.destination()).isEqualTo(1));
    n.receiver.put("127.0.0.1:2001", Behaviour.REFUSE);
    n.receiver.put("127.0.0.1:2000", Behaviour.ACK);
    n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(10));
    assertThat(n.of(TxEffect.Delivered.class)).hasSize(3);
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.message()).contains("127.0.0.1:2000 (destination 1 of 2) answers instead of 127.0.0.1:2001"));
  }

  @Test
  void pathIsFaultyOnlyWhenNoneOfItsDestinationsAnswersWithinItsFailureTime() {
    VirtualNet n = new VirtualNet(pairPath(), S, T0);
    n.receiver.put("127.0.0.1:2000", Behaviour.REFUSE);
    n.runFor(Duration.ofMinutes(30));
    assertThat(n.of(TxEffect.PathChanged.class)).as("the backup receiver answers the polls").isEmpty();
    n.receiver.put("127.0.0.1:2001", Behaviour.SILENT);
    Instant cut = n.now;
    n.runFor(Duration.ofMinutes(5));
    assertThat(n.of(TxEffect.PathChanged.class)).singleElement().satisfies(c -> assertThat(c.up()).isFalse());
    // Declared failed within the failure time of the last answer (not twice it: both receivers were polled).
    Instant lastAnswer = n.state.path("ip").lastAck();
    assertThat(lastAnswer).isBeforeOrEqualTo(cut);
    n.receiver.put("127.0.0.1:2000", Behaviour.ACK);
    n.runFor(Duration.ofMinutes(3));
    assertThat(n.of(TxEffect.PathChanged.class)).extracting(TxEffect.PathChanged::up).containsExactly(false, true);
  }

  @Test
  void eventTriesEveryDestinationOfThePathBeforeFailingOverToTheOtherPath() {
    Transmission tx = new Transmission("1234", "DP2", List.of(
        Paths.pair("ip", Role.PRIMARY, Format.SIA_DCS, null, POLL, FAIL, 2000, 2001, 2002),
        Paths.path("cell", Role.SECONDARY, "cellular", 3000, Format.ADM_CID, null, POLL, FAIL)));
    VirtualNet n = new VirtualNet(tx, S, T0);
    n.behaviour.put("ip", Behaviour.REFUSE);
    QueuedEvent e = n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(30));
    assertThat(n.eventsSent()).extracting(t -> t.path() + "#" + t.destination()).containsExactly("ip#0", "ip#1", "ip#2", "cell#0");
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "cell", e.sequence()));
  }

  @Test
  void answerFromADestinationTheFrameWasNotSentToIsIgnored() {
    VirtualNet n = new VirtualNet(pairPath(), S, T0);
    n.behaviour.put("ip", Behaviour.SILENT);
    n.raise(intruder(3));
    n.runFor(Duration.ofSeconds(1));
    var nak = org.vigil.protocol.dc09.Dc09Frame.builder(Dc09Id.NAK).sequence(0).build();
    n.apply(new TxInput.Response("ip", new org.vigil.protocol.dc09.Dc09Result.Decoded(nak, List.of()), 1));
    n.apply(new TxInput.LinkFailed("ip", "reset", 1));
    assertThat(n.state.path("ip").outstanding()).isNotNull();
    assertThat(n.state.path("ip").failures()).isZero();
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.message()).contains("ignored"));
  }

  @Test
  void userAbove015IsSentAs015OnASiaPathAndTheCapIsLoggedWithItsRule() {
    VirtualNet n = dual();
    n.raise(Codes.notification(Signal.OPEN, 401, "a1", 1, null, 42, false, "test", "unset"));
    n.runFor(Duration.ofSeconds(1));
    assertThat(n.eventsSent().get(0).frame().data()).isEqualTo("#1234|Nri1/OP015");
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> {
      assertThat(l.message()).isEqualTo("user 042 reported as 015 in SIA_DCS");
      assertThat(l.rule()).isEqualTo(EventFormat.RULE_OTHER_USERS);
    });
  }

  @Test
  void contactIdPathReportsUser042UniquelyAfterFailover() {
    VirtualNet n = dual();
    n.behaviour.put("ip", Behaviour.REFUSE);
    n.raise(Codes.notification(Signal.OPEN, 401, "a1", 1, null, 42, false, "test", "unset"));
    n.runFor(Duration.ofSeconds(30));
    assertThat(n.eventsSent()).last().satisfies(t -> {
      assertThat(t.path()).isEqualTo("cell");
      assertThat(t.frame().data()).isEqualTo("#1234|1401 01 042");
    });
  }

  static Effect.Notification withoutSiaCode() {
    return new Effect.Notification(Signal.FAULT, "a1", 1, 5, null, false, 999, null, "test", "code only in Contact ID");
  }

  @Test
  void eventWithoutACodeInThePrimarysFormatGoesOverTheSecondaryWhoseFormatHasOne() {
    VirtualNet n = dual();
    QueuedEvent e = n.raise(withoutSiaCode());
    n.runFor(Duration.ofSeconds(5));
    assertThat(n.of(TxEffect.Delivered.class)).containsExactly(new TxEffect.Delivered(e.id(), "cell", e.sequence()));
    assertThat(n.of(TxEffect.Undeliverable.class)).isEmpty();
    assertThat(n.of(TxEffect.Log.class)).anySatisfy(l -> assertThat(l.rule()).isEqualTo(TransmitPlanner.RULE_FAILOVER));
  }

  @Test
  void eventWithoutACodeInAnyPathsFormatIsGivenUpAndTheNextOneStillLeaves() {
    VirtualNet n = new VirtualNet(Paths.single(Paths.path("ip", Role.PRIMARY, "ethernet", 1, Format.SIA_DCS, null, POLL, FAIL)), S, T0);
    QueuedEvent bad = n.raise(withoutSiaCode());
    QueuedEvent good = n.raise(intruder(2));
    n.runFor(Duration.ofSeconds(5));
    assertThat(n.of(TxEffect.Undeliverable.class)).singleElement().satisfies(u -> assertThat(u.eventId()).isEqualTo(bad.id()));
    assertThat(n.of(TxEffect.Delivered.class)).extracting(TxEffect.Delivered::eventId).containsExactly(good.id());
  }

  @Test
  void eventWithoutASiaCodeWaitsForTheContactIdPathWhileItIsDown() {
    VirtualNet n = dual();
    n.behaviour.put("cell", Behaviour.REFUSE);
    n.runFor(Duration.ofSeconds(200));
    assertThat(n.state.path("cell").up()).isFalse();
    QueuedEvent e = n.raise(withoutSiaCode());
    n.runFor(Duration.ofSeconds(60));
    assertThat(n.of(TxEffect.Delivered.class)).isEmpty();
    assertThat(n.of(TxEffect.Undeliverable.class)).isEmpty();
    n.behaviour.put("cell", Behaviour.ACK);
    n.runFor(Duration.ofSeconds(60));
    assertThat(n.of(TxEffect.Delivered.class)).extracting(TxEffect.Delivered::eventId).contains(e.id());
  }
}
