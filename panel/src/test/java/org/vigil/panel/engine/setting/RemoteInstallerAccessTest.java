package org.vigil.panel.engine.setting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.panel.config.CodePolicy;
import org.vigil.panel.config.SiteConfig;
import org.vigil.panel.engine.AreaStatus;
import org.vigil.panel.engine.Input;
import org.vigil.panel.engine.intruder.ShopPanel;

/**
 * EN 50131-1: a remote set/unset on behalf of the installer (access level 3) needs the level 2
 * authorisation window, as the keypad does (standards.md 1.2).
 */
class RemoteInstallerAccessTest {

  static ShopPanel panel() {
    SiteConfig base = ShopPanel.site(2, null);
    CodePolicy c = base.codes();
    return new ShopPanel(base.withCodes(new CodePolicy(c.length(), c.minDiffers(), c.duressNeighbours(), c.lockoutAttempts(), c.lockoutTime(), c.lockoutSignal(), c.quickArm(), Duration.ofHours(4))));
  }

  static Input remote(Input.RemoteAction a, int user) {
    return new Input.RemoteCommand("shop", a, user);
  }

  static Input finalDoor() {
    return new Input.DetectorActive("front-door");
  }

  @Test
  void installerAccess_remoteSetByTheInstaller_refusedOutsideTheWindow_andLogged() {
    ShopPanel p = panel().in(remote(Input.RemoteAction.SET, ShopPanel.ENGINEER));
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.logs()).anySatisfy(l -> {
      assertThat(l.message()).isEqualTo("remote set of shop by user 9 refused: Installer access not authorised by a master or manager");
      assertThat(l.rule()).contains("level 3 access needs level 2 authorisation");
    });
  }

  @Test
  void installerAccess_remoteSetAndUnsetByTheInstaller_workInsideTheWindow_andNotAfter() {
    ShopPanel p = panel().in(new Input.AuthoriseInstaller("api", ShopPanel.OWNER, true, Duration.ofHours(1)));
    p.in(remote(Input.RemoteAction.SET, ShopPanel.ENGINEER), finalDoor(), new Input.DetectorNormal("front-door"));
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
    p.after(Duration.ofHours(2));
    p.clear();
    p.in(remote(Input.RemoteAction.UNSET, ShopPanel.ENGINEER));
    assertThat(p.status()).as("the window has ended").isEqualTo(AreaStatus.SET);
    assertThat(p.logs()).anyMatch(l -> l.message().equals("remote unset of shop by user 9 refused: Installer access not authorised by a master or manager"));
    p.in(new Input.AuthoriseInstaller("api", ShopPanel.OWNER, true), remote(Input.RemoteAction.UNSET, ShopPanel.ENGINEER));
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
  }

  @Test
  void installerAccess_theArcAndLevel2UsersAreNotAffected() {
    ShopPanel p = panel();
    p.in(remote(Input.RemoteAction.SET, ShopPanel.OWNER), finalDoor(), new Input.DetectorNormal("front-door"));
    assertThat(p.status()).isEqualTo(AreaStatus.SET);
    p.in(remote(Input.RemoteAction.UNSET, 0));
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
    assertThat(p.logs()).noneMatch(l -> l.message().contains("refused"));
  }

  @Test
  void installerAccess_engineerAccessZero_remoteInstallerCommandsNeedNoWindow() {
    ShopPanel p = ShopPanel.grade(2).set();
    p.in(remote(Input.RemoteAction.UNSET, ShopPanel.ENGINEER));
    assertThat(p.status()).isEqualTo(AreaStatus.UNSET);
  }
}
