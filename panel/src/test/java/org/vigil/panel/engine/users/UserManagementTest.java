package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.config.User;
import org.vigil.panel.engine.users.UserManagement.Done;
import org.vigil.panel.engine.users.UserManagement.Hashing;
import org.vigil.panel.engine.users.UserManagement.NewUser;
import org.vigil.panel.engine.users.UserManagement.Outcome;
import org.vigil.panel.engine.users.UserManagement.Refused;

/** Seed 001 management rules on the users of examples/office-warehouse.yaml. */
class UserManagementTest {
  static final List<User> USERS = Sites.load("office-warehouse.yaml").users();
  static final Hashing H = new Hashing(1, new byte[] {1, 2, 3, 4});

  static Refusal refusal(Outcome o) {
    assertThat(o).isInstanceOf(Refused.class);
    return ((Refused) o).refusal();
  }

  static User added(Outcome o, int number) {
    assertThat(o).isInstanceOf(Done.class);
    return ((Done) o).users().stream().filter(u -> u.number() == number).findFirst().orElseThrow();
  }

  @Test
  void masterAddsAnOperatorInItsPartition_homeIsThatPartition_openCloseInherited() {
    Outcome o = UserManagement.add(USERS, 2, "office", new NewUser(20, "Temp", Map.of("office", 4), "2020", false), 4, H);
    User u = added(o, 20);
    assertThat(u.homeArea()).isEqualTo("office");
    assertThat(u.openCloseReporting()).as("a master's user inherits the master's open/close (on), not the request").isTrue();
    assertThat(u.pin().matches("2020")).isTrue();
    assertThat(((Done) o).log()).doesNotContain("2020").contains("user 020 added in office by user 002");
    assertThat(((Done) o).rule()).contains("inherited from the adder");
  }

  @Test
  void installerChoosesOpenCloseReporting() {
    User u = added(UserManagement.add(USERS, 1, "office", new NewUser(21, "x", Map.of("office", 3), "2121", false), 4, H), 21);
    assertThat(u.openCloseReporting()).isFalse();
  }

  @Test
  void onlyLevels0To2AddUsers() {
    Refusal r = refusal(UserManagement.add(USERS, 4, "office", new NewUser(22, "x", Map.of("office", 5), "2222", null), 4, H));
    assertThat(r.reason()).isEqualTo("Your code may not add users");
    assertThat(r.rule()).contains("only levels 0, 1 and 2 add users");
  }

  @Test
  void usersAreAddedOnlyAtALowerLevel() {
    Refusal r = refusal(UserManagement.add(USERS, 3, "office", new NewUser(22, "x", Map.of("office", 2), "2929", null), 4, H));
    assertThat(r.reason()).isEqualTo("Users can be added only at a level lower than yours");
    added(UserManagement.add(USERS, 3, "office", new NewUser(22, "x", Map.of("office", 3), "2929", null), 4, H), 22);
  }

  @Test
  void aUserGrantsOnlyPartitionsHeHas() {
    Refusal r = refusal(UserManagement.add(USERS, 3, "office", new NewUser(22, "x", Map.of("office", 4, "annex", 4), "2929", null), 4, H));
    assertThat(r.reason()).isEqualTo("You may grant only partitions you have (annex)");
    assertThat(r.rule()).contains("partitions he has access to");
  }

  @Test
  void newCodes_mustBeWellFormedAndUnique_withoutSayingWhoseItIs() {
    assertThat(refusal(UserManagement.add(USERS, 2, "office", new NewUser(23, "x", Map.of("office", 4), "12a4", null), 4, H)).reason()).isEqualTo("A code is 4 to 8 digits");
    assertThat(refusal(UserManagement.add(USERS, 2, "office", new NewUser(23, "x", Map.of("office", 4), "12345", null), 4, H)).reason()).isEqualTo("A code is 4 digits here");
    assertThat(refusal(UserManagement.add(USERS, 2, "office", new NewUser(23, "x", Map.of("office", 4), "9876", null), 4, H)).reason()).isEqualTo("Code not available, choose another");
    assertThat(refusal(UserManagement.add(USERS, 2, "office", new NewUser(5, "x", Map.of("office", 4), "2323", null), 4, H)).reason()).isEqualTo("User 005 already exists");
    assertThat(new NewUser(23, "x", Map.of(), "2323", null).toString()).doesNotContain("2323");
  }

  @Test
  void noChangeOrDeleteOfSameOrHigherAuthority() {
    Refusal r = refusal(UserManagement.changeCode(USERS, 3, "office", 2, "3131", 4, H));
    assertThat(r.reason()).isEqualTo("Code of the same or higher authority");
    assertThat(r.rule()).contains("SAME or HIGHER");
    assertThat(refusal(UserManagement.delete(USERS, 3, "office", 1)).reason()).isEqualTo("Code of the same or higher authority");
    assertThat(UserManagement.changeCode(USERS, 3, "office", 5, "3131", 4, H)).isInstanceOf(Done.class);
    Done d = (Done) UserManagement.delete(USERS, 3, "office", 5);
    assertThat(d.users()).extracting(User::number).doesNotContain(5);
  }

  @Test
  void codesAreChangedOrDeletedOnlyFromTheirHomePartition() {
    Refusal r = refusal(UserManagement.delete(USERS, 2, "warehouse", 4));
    assertThat(r.reason()).isEqualTo("Change this code from partition office where it was created");
    assertThat(r.rule()).contains("only from within the partition it was created in");
    assertThat(UserManagement.delete(USERS, 2, "office", 4)).isInstanceOf(Done.class);
  }

  @Test
  void mastersMayChangeTheirOwnCode_operatorsMayChangeNone() {
    User u = added(UserManagement.changeCode(USERS, 2, "office", 2, "1212", 4, H), 2);
    assertThat(u.pin().matches("1212")).isTrue();
    assertThat(u.duressPin()).isNotNull();
    Refusal r = refusal(UserManagement.changeCode(USERS, 4, "office", 4, "1313", 4, H));
    assertThat(r.reason()).isEqualTo("Your code may not change codes");
    assertThat(refusal(UserManagement.delete(USERS, 2, "office", 2)).reason()).isEqualTo("You cannot delete your own code");
  }

  // ---- setAuthority / setOpenClose (keypad #1, #3, #2 and the API) ----

  static User after(Outcome o, int number) {
    return added(o, number);
  }

  @Test
  void setAuthority_grantsAPartitionTheActorHas_atALowerLevel() {
    User u = after(UserManagement.setAuthority(USERS, 2, "office", 5, Map.of("warehouse", 3)), 5);
    assertThat(u.levelIn("warehouse")).isEqualTo(3);
    assertThat(u.levelIn("office")).isEqualTo(4);
  }

  @Test
  void setAuthority_refusals_carryTheSeedRule() {
    assertThat(refusal(UserManagement.setAuthority(USERS, 3, "office", 5, Map.of("annex", 4))).rule()).contains("assign only partitions he has");
    assertThat(refusal(UserManagement.setAuthority(USERS, 3, "office", 5, Map.of("office", 2))).rule()).contains("LOWER authority level");
    assertThat(refusal(UserManagement.setAuthority(USERS, 3, "office", 2, Map.of("office", 4))).rule()).contains("SAME or HIGHER");
    assertThat(refusal(UserManagement.setAuthority(USERS, 4, "office", 5, Map.of("office", 5))).reason()).isEqualTo("Your code may not change users");
    assertThat(refusal(UserManagement.setAuthority(USERS, 2, "office", 2, Map.of("office", 2))).reason()).isEqualTo("You cannot change your own authority");
    assertThat(refusal(UserManagement.setAuthority(USERS, 2, "office", 5, Map.of("office", -1))).rule()).contains("partition it was created in");
    assertThat(refusal(UserManagement.setAuthority(USERS, 2, "office", 5, Map.of("office", 9))).reason()).isEqualTo("Authority levels are 0-6");
  }

  @Test
  void setAuthority_badInput_isAClearRefusal() {
    assertThat(refusal(UserManagement.setAuthority(USERS, 2, "office", 5, null)).reason()).isEqualTo("Nothing to change");
    assertThat(refusal(UserManagement.setAuthority(USERS, 2, "office", 5, Map.of())).reason()).isEqualTo("Nothing to change");
    assertThat(refusal(UserManagement.setAuthority(USERS, 99, "office", 5, Map.of("office", 5))).reason()).isEqualTo("Unknown user");
    assertThat(refusal(UserManagement.setAuthority(USERS, 2, "office", 99, Map.of("office", 5))).reason()).isEqualTo("No user 099");
  }

  @Test
  void setOpenClose_isTheInstallersChoice() {
    assertThat(refusal(UserManagement.setOpenClose(USERS, 2, "office", 5, true)).rule()).contains("chosen by the installer");
    assertThat(after(UserManagement.setOpenClose(USERS, 1, "office", 5, true), 5).openCloseReporting()).isTrue();
    assertThat(after(UserManagement.setOpenClose(USERS, 1, "office", 2, false), 2).openCloseReporting()).isFalse();
  }
}
