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
    switch (input) {
      case Input.ManageUser m -> manage(step, m);
      case Input.AuthoriseInstaller a -> InstallerAccess.on(step, a);
      default -> {}
    }
  }

  /** "keypad kp1" -> "kp1" when the site has that keypad; other sources have no display. */
  static String keypadOf(Step step, String source) {
    if (source == null || !source.startsWith("keypad ")) return null;
    String id = source.substring(7);
    return step.site().keypad(id).isPresent() ? id : null;
  }

  /**
   * Applies one user-management request under the {@link UserManagement} rules, from the API or from
   * a keypad's programming sequence (docs/users.md): the outcome is logged with its rule, never with a
   * code, and shown at the keypad it came from. The installer needs level 2 authorisation.
   */
  public static void manage(Step step, Input.ManageUser m) {
    if (m.action() == null) {
      refused(step, m, keypadOf(step, m.source()), new Refusal("No action given (add, change code, delete, authority, open/close)", "API: Input.ManageUser.action"));
      return;
    }
    if (m.area() == null || step.site().area(m.area()).isEmpty()) {
      step.log("user management for unknown area '" + m.area() + "' ignored", "config: undefined id", false);
      return;
    }
    List<User> users = users(step);
    String keypad = keypadOf(step, m.source());
    User actor = users.stream().filter(u -> u.number() == m.actor()).findFirst().orElse(null);
    java.util.Optional<Refusal> gate = actor == null ? java.util.Optional.empty() : InstallerAccess.check(step, actor.levelIn(m.area()));
    if (gate.isEmpty() && actor != null) gate = Credentials.validAt(actor, step.now(), step.site().site().timeZone());
    if (gate.isPresent()) {
      refused(step, m, keypad, gate.get());
      return;
    }
    int codeLength = step.site().codes().length();
    int neighbours = step.site().codes().duressNeighbours();
    UserManagement.Outcome o = switch (m.action()) {
      case ADD -> UserManagement.add(users, m.actor(), m.area(),
          new UserManagement.NewUser(m.user(), m.name(), m.authority() == null ? java.util.Map.of() : m.authority(), m.code() == null ? null : m.code().digits(), m.openClose()),
          codeLength, neighbours, hashing(step, users, m));
      case CHANGE_CODE -> UserManagement.changeCode(users, m.actor(), m.area(), m.user(), m.code() == null ? null : m.code().digits(), codeLength, neighbours, hashing(step, users, m));
      case DELETE -> UserManagement.delete(users, m.actor(), m.area(), m.user());
      case SET_AUTHORITY -> UserManagement.setAuthority(users, m.actor(), m.area(), m.user(), m.authority());
      case SET_OPEN_CLOSE -> m.openClose() == null
          ? new UserManagement.Refused(new Refusal("Give open/close reporting on or off", UserManagement.OPEN_CLOSE_RULE))
          : UserManagement.setOpenClose(users, m.actor(), m.area(), m.user(), m.openClose());
    };
    switch (o) {
      case UserManagement.Done d -> {
        step.putFeature(Directory.class, new Directory(d.users()));
        step.log(d.log(), d.rule(), true);
        if (keypad != null) {
          step.display(keypad, "Done");
          step.tone(keypad, Tone.ACCEPT);
        }
      }
      case UserManagement.Refused r -> refused(step, m, keypad, r.refusal());
    }
  }

  private static void refused(Step step, Input.ManageUser m, String keypad, Refusal r) {
    step.log("user management by user " + m.actor() + " refused: " + r.reason(), r.rule(), true);
    if (keypad != null) {
      step.display(keypad, r.reason());
      step.tone(keypad, Tone.ERROR);
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
