package org.vigil.protocol.dc09;

import java.util.Optional;

/**
 * Finds the key for a frame from its clear-text header (receiver, line, account are readable before
 * the {@code [} even in encrypted frames). Any argument may be null when the frame lacks the field.
 */
@FunctionalInterface
public interface KeyLookup {

  Optional<Dc09Key> keyFor(String receiver, String line, String account);

  /** No keys at all: encrypted frames are rejected with KEY_REQUIRED. */
  static KeyLookup none() {
    return (r, l, a) -> Optional.empty();
  }

  /** The same key for every frame (panels, tests, the CLI). */
  static KeyLookup always(Dc09Key key) {
    Optional<Dc09Key> k = Optional.ofNullable(key);
    return (r, l, a) -> k;
  }
}
