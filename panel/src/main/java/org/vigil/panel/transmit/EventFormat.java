package org.vigil.panel.transmit;

import org.vigil.panel.config.TransmissionPath;
import org.vigil.panel.engine.Effect;
import org.vigil.protocol.cid.ContactId;
import org.vigil.protocol.cid.ContactIdEvent;
import org.vigil.protocol.event.EventCatalogue;
import org.vigil.protocol.event.EventCode;
import org.vigil.protocol.event.NumberKind;
import org.vigil.protocol.sia.SiaBlock;
import org.vigil.protocol.sia.SiaEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a notification as the data block of one path's format: ADM-CID {@code #acct|QEEE GG ZZZ}
 * or SIA-DCS {@code #acct|Nri<area>/id<user>/<code><number>}, with the per-format user numbering of
 * seed 001 and the zone-992 duress option.
 */
public final class EventFormat {
  /** Seed 001 (Vista): Contact ID reports users 001-150 uniquely. */
  public static final String RULE_CID_USERS = "Vista: Contact ID users 001-150";
  /** Seed 001 (Vista): other formats report users 001-015, 016-150 as 015. */
  public static final String RULE_OTHER_USERS = "Vista: other formats users 001-015, 016+ as 015";
  public static final int DURESS_ZONE = 992;

  private EventFormat() {}

  /** The data block, or a reason why this notification has no code in the path's format. */
  public sealed interface Encoded {
    record Data(String data) implements Encoded {}

    record NoCode(String reason) implements Encoded {}
  }

  /** The user number as the format can report it. */
  public static int reportedUser(TransmissionPath.Format format, int user) {
    if (format == TransmissionPath.Format.ADM_CID) return Math.min(Math.max(user, 0), 150);
    return Math.min(Math.max(user, 0), 15);
  }

  public static Encoded encode(Effect.Notification n, TransmissionPath.Format format, String account, boolean duressZone992) {
    int cid = n.cid() != null ? n.cid() : n.signal().contactId();
    EventCode row = EventCatalogue.byContactId(cid).orElse(null);
    NumberKind kind = row == null ? NumberKind.ZONE : row.number();
    // Zone 992 for duress: site-wide (transmission.duress_zone_992) or per area (duress.report: zone_992, which
    // puts zone 992 on the notification).
    boolean duress992 = cid == 121 && (duressZone992 || Integer.valueOf(DURESS_ZONE).equals(n.zone()));
    int number;
    if (duress992) number = DURESS_ZONE;
    else if (kind == NumberKind.USER) number = reportedUser(format, n.user() == null ? 0 : n.user());
    else if (kind == NumberKind.ZONE) number = n.zone() == null ? 0 : n.zone();
    else if (kind == NumberKind.AREA) number = n.partition();
    else number = 0;
    if (number > 999) number = 999;
    if (format == TransmissionPath.Format.ADM_CID) {
      if (cid < 100 || cid > 999) return new Encoded.NoCode("no Contact ID code for " + n.signal());
      int q = n.restore() ? 3 : 1;
      String group = String.format("%02d", Math.min(Math.max(n.partition(), 0), 99));
      return new Encoded.Data(ContactId.format(account, new ContactIdEvent(q, String.format("%03d", cid), group, String.format("%03d", number))));
    }
    String sia = n.sia();
    if (sia == null) sia = EventCatalogue.siaForContactId(cid, n.restore() ? 3 : 1).orElse(null);
    if (sia == null) return new Encoded.NoCode("no SIA code for " + n.signal() + (n.restore() ? " restore" : ""));
    Map<String, String> mods = new LinkedHashMap<>();
    if (n.partition() > 0) mods.put("ri", String.valueOf(n.partition()));
    if (!duress992 && kind != NumberKind.USER && n.user() != null) mods.put("id", String.format("%03d", reportedUser(format, n.user())));
    String num = kind == NumberKind.NONE && !duress992 ? "" : String.format("%03d", number);
    SiaEvent e = new SiaEvent(sia, num, mods, "", "", "");
    return new Encoded.Data(new SiaBlock(account, List.of(e), null).encode());
  }
}
