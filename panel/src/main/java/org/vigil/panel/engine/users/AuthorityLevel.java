package org.vigil.panel.engine.users;

/**
 * Vista authority levels (seed 001) and their EN 50131 access level: the installer is access level 3,
 * every other code access level 2 (standards.md 1.2; our mapping, not a standard's table).
 */
public enum AuthorityLevel {
  INSTALLER(0, 3, "installer"),
  MASTER(1, 2, "master"),
  MANAGER(2, 2, "manager"),
  OPERATOR_A(3, 2, "operator A"),
  OPERATOR_B(4, 2, "operator B"),
  OPERATOR_C(5, 2, "operator C"),
  DURESS(6, 2, "duress");

  private final int number;
  private final int accessLevel;
  private final String label;

  AuthorityLevel(int number, int accessLevel, String label) {
    this.number = number;
    this.accessLevel = accessLevel;
    this.label = label;
  }

  public static AuthorityLevel of(int number) {
    for (AuthorityLevel l : values()) if (l.number == number) return l;
    throw new IllegalArgumentException("authority level " + number + " is not 0-6");
  }

  public int number() {
    return number;
  }

  /** EN 50131-1 access level (2 user, 3 installer). */
  public int accessLevel() {
    return accessLevel;
  }

  public String label() {
    return label;
  }

  /** Levels 0, 1 and 2 manage users (Vista: only they may add users). */
  public boolean managesUsers() {
    return number <= 2;
  }

  /** Levels 0-3 may bypass (Vista: operator B and C cannot; a duress code only arms and disarms). */
  public boolean mayBypass() {
    return number <= 3;
  }

  /**
   * What the keypad shows for "view capabilities" (code + [*]). A duress code shows the rights it
   * has, never the word duress, so the display gives nothing away.
   */
  public String rights() {
    return switch (this) {
      case INSTALLER -> "programming, arm, disarm own, bypass";
      case MASTER, MANAGER -> "users, arm, disarm, bypass";
      case OPERATOR_A -> "arm, disarm, bypass";
      case OPERATOR_B, DURESS -> "arm, disarm";
      case OPERATOR_C -> "arm, disarm own";
    };
  }
}
