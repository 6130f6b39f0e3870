package org.vigil.arc.receiver;

/**
 * Receives every signal after it has been committed (received frames with events, and the ARC's own
 * path-fault / path-restore signals), in commit order. Alarm handling subscribes here.
 *
 * <p>Called on the receiver's commit thread: implementations must return quickly and must not block
 * (hand the signal to your own queue or executor).
 */
@FunctionalInterface
public interface StoredSignalListener {
  void onStored(StoredSignal signal);
}
