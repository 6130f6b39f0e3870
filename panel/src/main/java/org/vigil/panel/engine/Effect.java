package org.vigil.panel.engine;

/**
 * What the panel does. The shell (simulator, service) carries effects out; the engine only
 * describes them. Decision effects name the rule that made them.
 */
public sealed interface Effect {

  /** A short kind name used in JSON output and scenario expectations. */
  String kind();

  /**
   * A signal to the ARC.
   *
   * @param area area id (null for site-wide signals)
   * @param partition area number reported to the ARC (0 = site)
   * @param zone zone number, or null
   * @param user user number, or null
   * @param restore whether this is the restore/closing form (Contact ID qualifier 3)
   * @param cid Contact ID event code, or null when none exists
   * @param sia SIA DC-03 code, or null when none exists
   * @param verification the DC-09 {@code [V]} extended data value (research A.9): a link to the
   *     hold-up images of this event, or null. The pure engine writes it relative ({@code
   *     images/<capture reference>/}); the service resolves it against the panel's image server
   *     before the notification is queued (docs/holdup.md, "Visual confirmation")
   */
  record Notification(Signal signal, String area, int partition, Integer zone, Integer user, boolean restore, Integer cid, String sia, String rule, String text, String verification) implements Effect {
    public Notification(Signal signal, String area, int partition, Integer zone, Integer user, boolean restore, Integer cid, String sia, String rule, String text) {
      this(signal, area, partition, zone, user, restore, cid, sia, rule, text, null);
    }

    public String kind() {
      return "notification";
    }

    /** This notification carrying a link to images (DC-09 {@code [V]}), or none when {@code link} is null. */
    public Notification withVerification(String link) {
      return new Notification(signal, area, partition, zone, user, restore, cid, sia, rule, text, link);
    }

    /** The relative image link the engine gives a HUA with a capture ({@code images/<reference>/}). */
    public static String imageLink(String captureReference) {
      return "images/" + captureReference + "/";
    }

    /** The capture reference of a relative image link made by {@link #imageLink}, or null. */
    public static String captureReference(String verification) {
      if (verification == null || !verification.startsWith("images/") || !verification.endsWith("/")) return null;
      String ref = verification.substring("images/".length(), verification.length() - 1);
      return ref.isEmpty() || ref.contains("/") ? null : ref;
    }
  }

  record OutputChanged(String output, boolean on, String rule) implements Effect {
    public String kind() {
      return "output";
    }
  }

  record KeypadDisplay(String keypad, String text) implements Effect {
    public String kind() {
      return "display";
    }
  }

  record KeypadTone(String keypad, Tone tone) implements Effect {
    public String kind() {
      return "tone";
    }
  }

  /** An event-log entry; {@code userVisible} false means installer-only (access level 3). */
  record LogEntry(String message, String rule, boolean userVisible) implements Effect {
    public String kind() {
      return "log";
    }
  }

  record StateChanged(String area, AreaStatus from, AreaStatus to, String rule) implements Effect {
    public String kind() {
      return "state";
    }
  }

  /**
   * Capture images for visual confirmation of a hold-up alarm (BS 8243 5.3.1, 5.3.4): the shell
   * fetches one snapshot from each camera at each instant in {@code shots} and delivers them to the
   * ARC. The alarm notification is never held back for it.
   *
   * @param reference identifies this capture (and the images at the ARC)
   * @param cameras camera ids
   * @param shots when to take each image (the first at the HUA)
   * @param deadline images not fetched by then are reported missing
   */
  record CaptureImages(String reference, String device, String area, java.util.List<String> cameras, java.util.List<java.time.Instant> shots, java.time.Instant deadline, String rule) implements Effect {
    public String kind() {
      return "capture";
    }
  }
}
