package org.vigil.panel.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** A weekly time window in site local time during which a credential is valid. */
public record Schedule(Set<DayOfWeek> days, LocalTime from, LocalTime to) {}
