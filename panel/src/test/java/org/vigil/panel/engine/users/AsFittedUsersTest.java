package org.vigil.panel.engine.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.validate.AsFitted;
import org.vigil.panel.validate.DesignValidator;

/** The as-fitted document of `vigil validate` shows the duress route, code rules and time zone, never a code. */
class AsFittedUsersTest {
  static final String MD = AsFitted.render(DesignValidator.validate(Sites.load("office-warehouse.yaml")), AsFitted.Format.MARKDOWN);

  @Test
  void duressRoute_isShownPerArea_andSaysTheArcAccountDecides() {
    assertThat(MD).contains("## Users, codes and duress")
        .contains("| office (1) | on | yes | Contact ID 121 with the user number / SIA HA | ARC and keyholders only | blue-strobe |")
        .contains("| warehouse (2) | on | yes | Contact ID 121 zone 992 / SIA HA | police |")
        .contains("| annex (3) | off | no |")
        .contains("decided at the ARC by the account's duress route");
  }

  @Test
  void codeRules_installerAccess_andTimeZone_areShown() {
    assertThat(MD).contains("| Time zone (schedules of codes) | Europe/London |")
        .contains("| Code length | 4 digits |")
        .contains("3 wrong codes, locked 1m30s, signalled to the ARC (SIA JA)")
        .contains("authorised by a master or manager for 4h")
        .contains("| Users | 9 (installer 1, master 1, manager 1, operator A/B/C 2/2/1, duress 1; highest level held) |");
  }

  @Test
  void noCodeAppearsInTheDocument() {
    for (String code : new String[] {"4140", "1234", "9876", "2222", "3333", "3839", "4444", "5555", "6666", "8888", "7777", "7700"}) {
      assertThat(MD).doesNotContain(code);
    }
  }
}
