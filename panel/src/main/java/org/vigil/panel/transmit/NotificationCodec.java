package org.vigil.panel.transmit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.vigil.panel.engine.Effect;
import org.vigil.panel.engine.Signal;

/**
 * Writes a notification to bytes for the outbound queue and reads it back. Version 2 adds the
 * {@code [V]} image link after the text; version 1 records (queued before the upgrade) still read.
 */
public final class NotificationCodec {
  private static final int VERSION = 2;

  private NotificationCodec() {}

  public static byte[] encode(Effect.Notification n) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeUTF(n.signal().name());
      str(out, n.area());
      out.writeInt(n.partition());
      integer(out, n.zone());
      integer(out, n.user());
      out.writeBoolean(n.restore());
      integer(out, n.cid());
      str(out, n.sia());
      str(out, n.rule());
      str(out, n.text());
      str(out, n.verification());
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a byte array
    }
  }

  /** The notification, or empty when the bytes are not one (unknown version or signal, cut short). */
  public static Optional<Effect.Notification> decode(byte[] body) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
      int version = in.readUnsignedByte();
      if (version != 1 && version != VERSION) return Optional.empty();
      Signal signal = Signal.valueOf(in.readUTF());
      String area = str(in);
      int partition = in.readInt();
      Integer zone = integer(in);
      Integer user = integer(in);
      boolean restore = in.readBoolean();
      Integer cid = integer(in);
      String sia = str(in);
      String rule = str(in);
      String text = str(in);
      String verification = version >= 2 ? str(in) : null;
      return Optional.of(new Effect.Notification(signal, area, partition, zone, user, restore, cid, sia, rule, text, verification));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) out.writeUTF(s);
  }

  private static String str(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void integer(DataOutputStream out, Integer i) throws IOException {
    out.writeBoolean(i != null);
    if (i != null) out.writeInt(i);
  }

  private static Integer integer(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }
}
