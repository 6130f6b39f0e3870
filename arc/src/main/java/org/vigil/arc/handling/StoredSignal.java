package org.vigil.arc.handling;

import java.time.Instant;
import java.util.Objects;
import org.vigil.protocol.event.EventCatalogue;
import org.vigil.protocol.event.EventCategory;

/**
 * A signal as stored by the receiver, reduced to what handling needs.
 *
 * @param signalId store id (unique per account)
 * @param receivedAt when the ARC received it (filtering is measured from receipt, BS8243 7.5.3)
 * @param category meaning from {@link EventCatalogue}
 * @param contactId Contact ID event code, or -1 for SIA-only signals
 * @param siaCode SIA two-letter code, or null
 * @param qualifier Contact ID qualifier (1 event/opening, 3 restore/closing, 6 still present)
 * @param area area / partition, or null
 * @param zoneOrUser zone or user number as sent, or null
 * @param deviceId device identity (hold-up device, detector), or null; falls back to the zone
 * @param pathId transmission path it came over, or null
 * @param technology technology of that path, or null
 * @param images number of images received with this signal (visual confirmation, BS8243 7.2.1)
 */
public record StoredSignal(
    String signalId,
    Instant receivedAt,
    EventCategory category,
    int contactId,
    String siaCode,
    int qualifier,
    String area,
    String zoneOrUser,
    String deviceId,
    String pathId,
    Technology technology,
    int images) {

  public StoredSignal {
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(category, "category");
    if (images < 0) throw new IllegalArgumentException("images must be >= 0");
  }

  /** A Contact ID signal; the category comes from the catalogue. */
  public static StoredSignal contactId(
      String signalId, Instant at, int code, int qualifier, String zoneOrUser, String deviceId, String pathId) {
    return new StoredSignal(
        signalId,
        at,
        DuressSignals.category(EventCatalogue.categoryOfContactId(code, qualifier), zoneOrUser),
        code,
        EventCatalogue.siaForContactId(code, qualifier).orElse(null),
        qualifier,
        null,
        zoneOrUser,
        deviceId,
        pathId,
        null,
        0);
  }

  /** A SIA DC-03 signal; the category comes from the catalogue. */
  public static StoredSignal sia(
      String signalId, Instant at, String siaCode, String zoneOrUser, String deviceId, String pathId) {
    return new StoredSignal(
        signalId, at, DuressSignals.category(EventCatalogue.categoryOfSia(siaCode), zoneOrUser), -1, siaCode, 1, null,
        zoneOrUser, deviceId, pathId,
        null, 0);
  }

  public StoredSignal withTechnology(Technology t) {
    return new StoredSignal(
        signalId, receivedAt, category, contactId, siaCode, qualifier, area, zoneOrUser, deviceId, pathId, t, images);
  }

  public StoredSignal withImages(int n) {
    return new StoredSignal(
        signalId, receivedAt, category, contactId, siaCode, qualifier, area, zoneOrUser, deviceId, pathId, technology, n);
  }

  public StoredSignal withArea(String a) {
    return new StoredSignal(
        signalId, receivedAt, category, contactId, siaCode, qualifier, a, zoneOrUser, deviceId, pathId, technology, images);
  }

  /** Device identity for hold-up confirmation: the device id, else the zone. */
  public String deviceKey() {
    if (deviceId != null && !deviceId.isBlank()) return deviceId;
    return zoneOrUser == null ? "?" : "zone " + zoneOrUser;
  }

  /** Short code for logs: "CID 130 q1" or "SIA BA". */
  public String codeText() {
    return contactId >= 0 ? "CID " + contactId + " q" + qualifier : "SIA " + siaCode;
  }
}
