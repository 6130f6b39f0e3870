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
   */
  record Notification(Signal signal, String area, int partition, Integer zone, Integer user, boolean restore, Integer cid, String sia, String rule, String text) implements Effect {
    public String kind() {
      return "notification";
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
}
