package org.vigil.panel.engine.users;

import java.util.List;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.Step;
import org.vigil.panel.config.TransmissionPath;

/**
 * User numbers as the ARC sees them (seed 001): Contact ID reports users 001-150 uniquely; other
 * formats only 001-015, and 016 and above report as 015. Quick arm reports as user 000 and follows
 * user 002's open/close reporting.
 */
public final class UserReporting {
  private UserReporting() {}

  public static int reported(int user, TransmissionPath.Format format) {
    if (format == TransmissionPath.Format.ADM_CID) return user;
    return Math.min(user, 15);
  }

  /** Whether set/unset by {@code user} is reported, from the site file's users (quick arm: user 002's setting). */
  public static boolean openClose(SiteConfig site, int user) {
    return openClose(site.users(), user);
  }

  /**
   * Whether set/unset by {@code user} is reported, from the users of the running panel (keypad and
   * API changes included: a user added by a master inherits the master's setting).
   */
  public static boolean openClose(Step step, int user) {
    return openClose(UsersFeature.users(step), user);
  }

  static boolean openClose(List<User> users, int user) {
    int who = user == Authority.QUICK_ARM_USER ? 2 : user;
    // Without a user 002 the quick-arm (and ARC, also user 000) closing is reported.
    return users.stream().filter(u -> u.number() == who).findFirst().map(u -> u.openCloseReporting() == null || u.openCloseReporting()).orElse(true);
  }
}
