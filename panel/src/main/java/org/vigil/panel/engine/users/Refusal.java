package org.vigil.panel.engine.users;

/**
 * Why something was refused: {@code reason} is shown to the user (keypad or API), {@code rule} is
 * logged with it (e.g. {@code Vista: operator C}).
 */
public record Refusal(String reason, String rule) {}
