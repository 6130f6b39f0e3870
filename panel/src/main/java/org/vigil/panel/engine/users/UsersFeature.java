package org.vigil.panel.engine.users;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.vigil.panel.config.PinHash;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Feature;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.Step;
import org.vigil.panel.engine.Tone;

/**
 * The users of a running panel: starts as the site's users and changes through {@link
 * Input.ManageUser} under the {@link UserManagement} rules. Every outcome is logged with its rule
 * (never with a code); a refusal is shown at the keypad the request came from.
 */
public final class UsersFeature implements Feature {

  /** The current users (null until the first change: the site's users apply). */
  public record Directory(List<User> users) {}

  /** The users the panel knows now. */
  public static List<User> users(Step step) {
    Directory d = step.feature(Directory.class, null);
    return d == null ? step.site().users() : d.users();
  }

  @Override
  public void on(Input input, Step step) {
    if (!(input instanceof Input.ManageUser m)) return;
    if (step.site().area(m.area()).isEmpty()) {
      step.log("user management for unknown area '" + m.area() + "' ignored", "config: undefined id", false);
      return;
    }
    List<User> users = users(step);
    int codeLength = step.site().codes().length();
    UserManagement.Outcome o = switch (m.action()) {
      case ADD -> UserManagement.add(users, m.actor(), m.area(),
          new UserManagement.NewUser(m.user(), m.name(), m.authority() == null ? java.util.Map.of() : m.authority(), m.code() == null ? null : m.code().digits(), m.openClose()),
          codeLength, hashing(step, users, m));
      case CHANGE_CODE -> UserManagement.changeCode(users, m.actor(), m.area(), m.user(), m.code() == null ? null : m.code().digits(), codeLength, hashing(step, users, m));
      case DELETE -> UserManagement.delete(users, m.actor(), m.area(), m.user());
    };
    String keypad = m.source() != null && m.source().startsWith("keypad ") ? m.source().substring(7) : null;
    switch (o) {
      case UserManagement.Done d -> {
        step.putFeature(Directory.class, new Directory(d.users()));
        step.log(d.log(), d.rule(), true);
        if (keypad != null) {
          step.display(keypad, "Done");
          step.tone(keypad, Tone.ACCEPT);
        }
      }
      case UserManagement.Refused r -> {
        step.log("user management by user " + m.actor() + " refused: " + r.refusal().reason(), r.refusal().rule(), true);
        if (keypad != null) {
          step.display(keypad, r.refusal().reason());
          step.tone(keypad, Tone.ERROR);
        }
      }
    }
  }

  /**
   * PBKDF2 settings for a new code: the iterations of the site's existing hashes, and a salt derived
   * from the instant, the state's sequence and the user number, so the engine stays deterministic
   * (a salt must be unique, not secret).
   */
  static UserManagement.Hashing hashing(Step step, List<User> users, Input.ManageUser m) {
    int iterations = users.stream().filter(u -> u.pin() != null).mapToInt(u -> u.pin().iterations()).max().orElse(PinHash.DEFAULT_ITERATIONS);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(28).putLong(step.now().getEpochSecond()).putInt(step.now().getNano()).putLong(step.state().nextSeq()).putInt(m.user()).putInt(m.actor()).array());
      return new UserManagement.Hashing(iterations, Arrays.copyOf(sha.digest(), 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
