package org.vigil.panel.eventlog;

/**
 * Whether an entry is one EN 50131-1 requires the CIE to record (alarms, tampers, faults, setting and
 * unsetting, access, restarts, signalling), or routine (display, tones, diagnostics). Mandatory entries
 * are never dropped to make room for routine ones (EN 50131-1 8.10: event recording).
 */
public enum EventClass {
  MANDATORY,
  ROUTINE
}
