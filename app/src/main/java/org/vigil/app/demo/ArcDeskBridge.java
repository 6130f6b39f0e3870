package org.vigil.app.demo;

import java.time.Clock;
import java.util.List;
import org.vigil.arc.console.queue.AlarmKind;
import org.vigil.arc.console.queue.AlarmView;
import org.vigil.arc.console.queue.Designation;
import org.vigil.arc.console.queue.InMemoryAlarmDesk;
import org.vigil.arc.console.queue.PoliceStatus;
import org.vigil.arc.console.statistics.SignalCounter;
import org.vigil.arc.receiver.StoredEvent;
import org.vigil.arc.receiver.StoredSignal;
import org.vigil.arc.receiver.StoredSignalListener;

/**
 * Stored signals to the console's alarm queue, for the demo. The designation comes from what the
 * panel already decided (BS 8243 / DD243 confirmation happens in the panel: a confirmed code means
 * sequentially confirmed). When the ARC's handling engine is wired into {@code ArcService} this
 * bridge gives way to it.
 */
final class ArcDeskBridge implements StoredSignalListener {
  private final InMemoryAlarmDesk desk;
  private final SignalCounter counter;
  private final Clock clock;
  private final String siteName;
  private final String siteAddress;

  ArcDeskBridge(InMemoryAlarmDesk desk, SignalCounter counter, Clock clock, String siteName, String siteAddress) {
    this.desk = desk;
    this.counter = counter;
    this.clock = clock;
    this.siteName = siteName;
    this.siteAddress = siteAddress;
  }

  @Override
  public void onStored(StoredSignal s) {
    counter.record(s.receivedAt());
    for (StoredEvent e : s.events()) {
      if (e.restore()) continue;
      AlarmKind kind;
      Designation d;
      String rule;
      switch (e.category()) {
        case INTRUDER, UNVERIFIED_INTRUDER -> {
          kind = AlarmKind.INTRUDER;
          d = Designation.UNCONFIRMED;
          rule = "DD243 5.4.1: single detector, unconfirmed";
        }
        case CONFIRMED_INTRUDER -> {
          kind = AlarmKind.INTRUDER;
          d = Designation.SEQUENTIALLY_CONFIRMED;
          rule = "DD243 5.4.1: second independent detector within the confirmation time";
        }
        case HOLD_UP -> {
          kind = AlarmKind.HOLD_UP;
          d = Designation.UNCONFIRMED;
          rule = "BS 8243 4.5";
        }
        case CONFIRMED_HOLD_UP -> {
          kind = AlarmKind.HOLD_UP;
          d = Designation.SEQUENTIALLY_CONFIRMED;
          rule = "BS 8243 5.4.1.2";
        }
        case DURESS -> {
          kind = AlarmKind.DURESS;
          d = Designation.UNCONFIRMED;
          rule = "BS 8243 4.5 g: duress code";
        }
        case TAMPER -> {
          kind = AlarmKind.TAMPER;
          d = Designation.UNCONFIRMED;
          rule = "BS 8243 H.7.1";
        }
        default -> {
          continue;
        }
      }
      String text = e.meaning().isEmpty() ? e.code() : e.meaning();
      if (!e.text().isEmpty()) text += " (" + e.text() + ")";
      desk.raise(new InMemoryAlarmDesk.NewAlarm(s.accountNumber(), siteName, siteAddress, kind, d, rule, null,
          PoliceStatus.none(),
          List.of(new AlarmView.Signal(s.receivedAt(), e.code(), text, e.zone(), s.path(), "")),
          e.zone().isEmpty() ? List.of() : List.of(new AlarmView.Zone(e.zone(), "zone " + e.zone(), "", "alarm")),
          List.of(new AlarmView.Keyholder(1, "Branch manager", "+44 20 7946 0000")),
          List.of("Call the branch", "Ask for the password", "If wrong or no answer: police (URN) and keyholder"),
          List.of()), clock.instant());
    }
  }
}
