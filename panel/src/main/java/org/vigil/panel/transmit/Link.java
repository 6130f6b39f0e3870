package org.vigil.panel.transmit;

/**
 * The socket side of one path. {@link #send} never blocks the caller: the frame is written on the
 * link's own virtual thread, and answers and failures come back as {@link TxInput}s.
 */
interface Link extends AutoCloseable {
  void send(byte[] frame);

  @Override
  void close();
}
