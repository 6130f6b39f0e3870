package org.vigil.protocol.dc09;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a TCP byte stream into DC-09 frames: feed bytes in any chunking, get whole frames (LF..CR)
 * out. Several frames per read and frames split across reads both work; NUL bytes between frames are
 * ignored (some senders append one after CR); bytes outside a frame are counted and reported, and a
 * frame longer than the maximum is dropped so a garbage stream cannot grow memory. After garbage
 * the framer resynchronises on the next LF.
 *
 * <p>A CR ends a frame anywhere from byte 3 on: bytes 1 and 2 may be a binary CRC and can hold any
 * value, including CR and LF. Whatever LF..CR holds is passed on, so the decoder can answer a
 * malformed frame (NAK) instead of leaving the panel waiting. Not thread-safe: one per connection.
 */
public final class Dc09StreamFramer {

  /** Receives frames and reports of dropped bytes. */
  public interface Sink {
    void frame(byte[] frame);

    /** Bytes that were not part of any frame, with the reason; NUL padding is not reported. */
    default void discarded(int bytes, String reason) {}
  }

  private static final byte LF = 0x0A;
  private static final byte CR = 0x0D;

  private final int maxFrameBytes;
  private byte[] buf = new byte[256];
  private int len;
  private boolean inFrame;
  private long framesOut;
  private long bytesDiscarded;

  public Dc09StreamFramer() {
    this(Dc09Codec.MAX_FRAME_BYTES);
  }

  public Dc09StreamFramer(int maxFrameBytes) {
    if (maxFrameBytes < 16) throw new IllegalArgumentException("maxFrameBytes too small");
    this.maxFrameBytes = maxFrameBytes;
  }

  public void feed(byte[] bytes, Sink sink) {
    feed(bytes, 0, bytes.length, sink);
  }

  public void feed(byte[] bytes, int off, int n, Sink sink) {
    int garbage = 0;
    for (int i = off; i < off + n; i++) {
      byte b = bytes[i];
      if (!inFrame) {
        if (b == LF) {
          if (garbage > 0) {
            report(sink, garbage, "bytes outside a frame (before LF)");
            garbage = 0;
          }
          startFrame();
        } else if (b != 0) {
          garbage++;
        }
        continue;
      }
      if (len >= 3) {
        if (b == CR) {
          append(b);
          emit(sink);
          continue;
        }
        if (b == LF) {
          report(sink, len, "frame not ended by CR before the next LF");
          startFrame();
          continue;
        }
      }
      if (len >= maxFrameBytes) {
        report(sink, len + 1, "frame longer than " + maxFrameBytes + " bytes");
        inFrame = false;
        len = 0;
        continue;
      }
      append(b);
    }
    if (garbage > 0) report(sink, garbage, "bytes outside a frame");
  }

  public void feed(ByteBuffer in, Sink sink) {
    if (in.hasArray()) {
      int n = in.remaining();
      feed(in.array(), in.arrayOffset() + in.position(), n, sink);
      in.position(in.position() + n);
    } else {
      byte[] copy = new byte[in.remaining()];
      in.get(copy);
      feed(copy, sink);
    }
  }

  /** Convenience: feed and collect the complete frames. */
  public List<byte[]> feed(byte[] bytes) {
    List<byte[]> out = new ArrayList<>();
    feed(bytes, 0, bytes.length, out::add);
    return out;
  }

  /** Bytes of an incomplete frame held until more arrive. */
  public int buffered() {
    return inFrame ? len : 0;
  }

  public long framesOut() {
    return framesOut;
  }

  public long bytesDiscarded() {
    return bytesDiscarded;
  }

  private void startFrame() {
    inFrame = true;
    len = 0;
    append(LF);
  }

  private void append(byte b) {
    if (len == buf.length) buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxFrameBytes + 1));
    buf[len++] = b;
  }

  private void emit(Sink sink) {
    byte[] frame = Arrays.copyOf(buf, len);
    inFrame = false;
    len = 0;
    if (buf.length > 4096) buf = new byte[256];
    framesOut++;
    sink.frame(frame);
  }

  private void report(Sink sink, int bytes, String reason) {
    bytesDiscarded += bytes;
    sink.discarded(bytes, reason);
  }
}
