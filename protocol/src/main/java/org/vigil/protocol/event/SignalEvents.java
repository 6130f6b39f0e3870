package org.vigil.protocol.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.protocol.cid.ContactId;
import org.vigil.protocol.cid.ContactIdEvent;
import org.vigil.protocol.cid.ContactIdParse;
import org.vigil.protocol.dc09.Dc09Frame;
import org.vigil.protocol.sia.SiaBlock;
import org.vigil.protocol.sia.SiaEvent;
import org.vigil.protocol.sia.SiaParse;
import org.vigil.protocol.sia.SiaParser;

/**
 * The events a decoded frame carries, each with its catalogue category. NULL frames and responses
 * carry none (a NULL with a Contact ID body, seen from some panels, is still only a link test).
 * Unknown codes and unreadable data give an UNKNOWN event: an alarm is never dropped because we
 * could not read it.
 */
public final class SignalEvents {

  private SignalEvents() {}

  public static List<SignalEvent> of(Dc09Frame frame) {
    return switch (frame.id()) {
      case SIA_DCS -> ofSia(frame.data());
      case ADM_CID -> ofContactId(frame.data());
      case NULL, ACK, NAK, DUH, RSP -> List.of();
    };
  }

  /** Events of a SIA DC-03 data block. */
  public static List<SignalEvent> ofSia(String data) {
    SiaParse parse = SiaParser.parse(data);
    if (parse instanceof SiaParse.Invalid bad) {
      return List.of(unreadable(SignalEvent.Format.SIA, data, bad.toString()));
    }
    SiaBlock block = ((SiaParse.Parsed) parse).block();
    if (block.events().isEmpty()) {
      return List.of(unreadable(SignalEvent.Format.SIA, data, "no event in the data block"));
    }
    List<SignalEvent> out = new ArrayList<>(block.events().size());
    for (SiaEvent e : block.events()) {
      Optional<EventCode> row = EventCatalogue.bySia(e.code());
      EventCategory category = EventCatalogue.categoryOfSia(e.code());
      boolean restore = EventCatalogue.isSiaRestore(e.code());
      NumberKind kind = row.map(EventCode::number).orElse(NumberKind.ZONE);
      String area = e.area();
      String zone = null;
      String user = e.user();
      switch (kind) {
        case ZONE -> zone = e.number();
        case USER -> user = e.number().isEmpty() ? user : e.number();
        case AREA -> area = e.number().isEmpty() ? area : e.number();
        case NONE -> zone = e.number().isEmpty() ? null : e.number();
      }
      out.add(new SignalEvent(category, SignalEvent.Format.SIA, e.code(), 0, restore, area, zone,
          user, text(e, block), row.map(r -> meaningOfSia(r, e.code())).orElse("")));
    }
    return out;
  }

  /** Events of an ADM-CID data block ({@code #acct|QEEE GG ZZZ}). */
  public static List<SignalEvent> ofContactId(String data) {
    ContactIdParse parse = ContactId.parse(data);
    if (parse instanceof ContactIdParse.Invalid bad) {
      return List.of(unreadable(SignalEvent.Format.CONTACT_ID, data, bad.toString()));
    }
    ContactIdEvent e = ((ContactIdParse.Parsed) parse).event();
    return List.of(of(e));
  }

  /** One Contact ID event with its catalogue meaning. */
  public static SignalEvent of(ContactIdEvent e) {
    Optional<EventCode> row = EventCatalogue.byContactId(e.code());
    EventCategory category = EventCatalogue.categoryOfContactId(e.code(), e.qualifier());
    NumberKind kind = row.map(EventCode::number).orElse(NumberKind.ZONE);
    String zone = kind == NumberKind.USER ? null : e.zoneOrUser();
    String user = kind == NumberKind.USER ? e.zoneOrUser() : null;
    return new SignalEvent(category, SignalEvent.Format.CONTACT_ID, e.event(), e.qualifier(),
        EventCatalogue.isRestore(e.code(), e.qualifier()), e.group(), zone, user, "",
        row.map(EventCode::meaning).orElse(""));
  }

  private static String meaningOfSia(EventCode row, String code) {
    if (row.contactId() < 0 || code.equals(row.siaEvent())) return row.meaning();
    return row.meaning() + " (restore/closing)";
  }

  private static String text(SiaEvent e, SiaBlock block) {
    StringBuilder sb = new StringBuilder();
    append(sb, e.modifierText());
    append(sb, e.text());
    append(sb, e.extra());
    if (block.asciiText() != null) append(sb, block.asciiText());
    return sb.toString();
  }

  private static void append(StringBuilder sb, String s) {
    if (s == null || s.isEmpty()) return;
    if (!sb.isEmpty()) sb.append(" | ");
    sb.append(s);
  }

  private static SignalEvent unreadable(SignalEvent.Format format, String data, String why) {
    return new SignalEvent(EventCategory.UNKNOWN, format, "", 0, false, "", "", "",
        "unreadable data [" + data + "]: " + why, "");
  }
}
