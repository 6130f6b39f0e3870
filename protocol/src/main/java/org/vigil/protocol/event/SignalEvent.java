package org.vigil.protocol.event;

import java.util.Objects;

/**
 * One event carried by a DC-09 frame, in the terms the ARC reasons in. Absent parts are "" (never
 * null, never the text "null").
 *
 * @param category meaning from {@link EventCatalogue}; UNKNOWN when the code is not catalogued or
 *     the data could not be read (the event is kept, never dropped)
 * @param format SIA (DC-03 two-letter code) or CONTACT_ID
 * @param code the raw code: "BA" for SIA, "130" for Contact ID, "" when unreadable
 * @param qualifier Contact ID qualifier (1, 3, 6), 0 for SIA
 * @param restore true for a restore (CID qualifier 3 on a non open/close code; SIA restore codes)
 * @param area area / partition / group number
 * @param zone zone (point) number when the code's number is a zone
 * @param user user number when the code's number (or the {@code id} modifier) is a user
 * @param text any text: ^text^, ASCII block, unread data
 * @param meaning the catalogue's meaning, "" for unknown codes
 */
public record SignalEvent(
    EventCategory category,
    Format format,
    String code,
    int qualifier,
    boolean restore,
    String area,
    String zone,
    String user,
    String text,
    String meaning) {

  public enum Format {
    SIA,
    CONTACT_ID
  }

  public SignalEvent {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(format, "format");
    code = nz(code);
    area = nz(area);
    zone = nz(zone);
    user = nz(user);
    text = nz(text);
    meaning = nz(meaning);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
