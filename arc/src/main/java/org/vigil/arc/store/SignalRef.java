package org.vigil.arc.store;

/**
 * The id of a signal that may not be written yet. Ids are allocated by the store at the first write
 * attempt and never change afterwards, so a retried batch writes the same rows (idempotent) and a
 * retransmission can point at an original still waiting in the same batch.
 */
public final class SignalRef {
  private volatile long id;

  public SignalRef() {}

  public SignalRef(long id) {
    this.id = id;
  }

  /** 0 until the store has allocated the id. */
  public long id() {
    return id;
  }

  void assign(long newId) {
    if (id == 0) id = newId;
  }
}
