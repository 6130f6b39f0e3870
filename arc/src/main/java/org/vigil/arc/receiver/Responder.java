package org.vigil.arc.receiver;

/** Sends the answer to one frame back on the transport it came from (TCP channel or UDP sender). */
public interface Responder {
  /** Sends {@code response}; may be called from any thread. */
  void send(byte[] response);

  /** The frame will get no answer (rejected without response, or the store queue was full). */
  default void noAnswer() {}
}
