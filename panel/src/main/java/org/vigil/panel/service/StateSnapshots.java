package org.vigil.panel.service;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.engine.AreaState;
import org.vigil.panel.engine.Deadline;
import org.vigil.panel.engine.PanelState;
import org.vigil.panel.engine.ZoneState;
import org.vigil.panel.engine.keypad.KeypadFeature;

/**
 * Writes the whole engine state to disk after every step and reads it back at start. The file is
 * replaced atomically (write, force, rename), so power loss leaves either the old or the new
 * snapshot, never half of one; a SHA-256 line guards against a damaged disk. Feature states are
 * stored with their class names (the engine keeps them as records keyed by class), so a new feature
 * package needs no change here.
 */
@SuppressWarnings("deprecation") // EVERYTHING: records are final and still need their type
public final class StateSnapshots {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .activateDefaultTyping(BasicPolymorphicTypeValidator.builder()
              .allowIfSubType("org.vigil.")
              .allowIfSubType("java.util.")
              .allowIfSubType("java.time.")
              .allowIfSubType("java.lang.")
              // PIN hashes (salt, hash) of users changed at run time (UsersFeature.Directory)
              .allowIfSubType(byte[].class)
              .build(),
          ObjectMapper.DefaultTyping.EVERYTHING, JsonTypeInfo.As.PROPERTY)
      .build();

  /** The serialised form: PanelState with the feature map keyed by class name. */
  record Snapshot(
      Instant now,
      Map<String, AreaState> areas,
      Map<String, ZoneState> zones,
      Map<String, Boolean> outputs,
      Map<String, Boolean> paths,
      List<Deadline> deadlines,
      long nextSeq,
      Map<String, Object> features) {}

  /** Why a snapshot could not be used. */
  public static final class SnapshotException extends Exception {
    public SnapshotException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Path file;

  public StateSnapshots(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  public void save(PanelState s) throws IOException {
    Map<String, Object> features = new LinkedHashMap<>();
    s.features().forEach((k, v) -> features.put(k.getName(), withoutTypedKeys(v)));
    Snapshot snap = new Snapshot(s.now(), new LinkedHashMap<>(s.areas()), new HashMap<>(s.zones()), new LinkedHashMap<>(s.outputs()),
        new LinkedHashMap<>(s.paths()), List.copyOf(s.deadlines()), s.nextSeq(), features);
    String body = JSON.writeValueAsString(snap);
    String text = sha256(body) + "\n" + body + "\n";
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Codes are never written to disk: digits typed so far at a keypad are left out of the snapshot (a
   * half-typed code does not survive a restart; wrong-code counts and lockouts do).
   */
  static Object withoutTypedKeys(Object feature) {
    if (!(feature instanceof KeypadFeature.Keypads k)) return feature;
    Map<String, KeypadFeature.Entry> entries = new LinkedHashMap<>();
    k.entries().forEach((id, e) -> entries.put(id, new KeypadFeature.Entry("", false, null, e.wrong(), e.lockedUntil())));
    return new KeypadFeature.Keypads(entries, k.engineerUntil());
  }

  public PanelState load() throws SnapshotException {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      if (nl < 0) throw new SnapshotException("snapshot " + file + " is cut short", null);
      String sum = text.substring(0, nl);
      String body = text.substring(nl + 1).strip();
      if (!sum.equals(sha256(body))) throw new SnapshotException("snapshot " + file + " is damaged (checksum mismatch)", null);
      Snapshot s = JSON.readValue(body, Snapshot.class);
      Map<Class<?>, Object> features = new HashMap<>();
      for (var e : s.features().entrySet()) features.put(Class.forName(e.getKey()), e.getValue());
      return new PanelState(s.now(), new LinkedHashMap<>(s.areas()), new HashMap<>(s.zones()), new LinkedHashMap<>(s.outputs()),
          new LinkedHashMap<>(s.paths()), s.deadlines(), s.nextSeq(), features);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new SnapshotException("snapshot " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
