package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.panel.engine.AreaStatus;

/**
 * The story in Debian's Chromium (headless, Playwright): set the site from the web keypad,
 * trigger two independent detectors on the site-simulator page, see the unconfirmed and then the
 * confirmed intruder alarm in the ARC console; the engineer restores the hall on the installer view
 * (level 3 granted by the deputy manager); unset with the duress code and see the duress alarm in
 * the console while the keypad and Home Assistant look exactly as for a normal unset. Screenshots go
 * to {@code -Dvigil.screenshots.dir} (docs/img for the README) or target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoBrowserTest {
  static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync");
  @TempDir static Path dir;
  Demo demo;
  Playwright playwright;
  Browser browser;
  Path shots;

  @BeforeAll
  void start() throws Exception {
    demo = Demo.start(new Demo.Options(dir, 0, 0, 0, "demo password 1"));
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
        .setExecutablePath(Paths.get("/usr/bin/chromium")).setArgs(ARGS));
    shots = Paths.get(System.getProperty("vigil.screenshots.dir", "target/screenshots"));
    Files.createDirectories(shots);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (demo != null) demo.close();
  }

  Page page(String url) {
    Page p = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    p.setDefaultTimeout(15_000);
    p.navigate(url);
    return p;
  }

  static void keys(Page keypad, String keys) {
    for (char c : keys.toCharArray()) {
      keypad.waitForResponse(r -> r.url().endsWith("/key"), () -> keypad.click("button[data-key='" + c + "']"));
    }
  }

  static void sim(Page sim, String what) {
    sim.waitForResponse(r -> r.url().contains("/simulator/"), () -> sim.click("button[data-sim='" + what + "']"));
  }

  void setHallAndVault(Page keypad, Page sim, String code) {
    sim(sim, "detector:front-lock:normal");
    await().atMost(Duration.ofSeconds(10)).until(() -> !demo.panel().state().zone("front-lock").active());
    keys(keypad, "*" + code + "A");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.SETTING);
    sim(sim, "detector:front-door:active");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().zone("front-door").active());
    sim(sim, "detector:front-door:normal");
    await().atMost(Duration.ofSeconds(10)).until(() -> !demo.panel().state().zone("front-door").active());
    sim(sim, "detector:front-lock:active");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.SET);
    sim(sim, "arc:vault:complete");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("vault").status() == AreaStatus.SET);
  }

  void unsetHall(Page keypad, String code) {
    keys(keypad, "*" + code + "U");
    await().atMost(Duration.ofSeconds(10)).until(() -> demo.panel().state().area("hall").status() == AreaStatus.UNSET);
  }

  @Test
  void setFromKeypadTwoDetectorsConfirmAtTheArcAndDuressLooksLikeANormalUnset() throws Exception {
    Page console = page(demo.consoleUrl());
    console.fill("input[name=username]", Demo.ADMIN_USER);
    console.fill("input[name=password]", demo.adminPassword());
    console.click("button[type=submit]");
    console.waitForURL("**/console/queue");

    Page keypad = page(demo.keypadUrls().get(0));
    Page sim = page(demo.simulatorUrl());
    setHallAndVault(keypad, sim, "314159");
    keypad.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("demo-keypad.png")));

    sim(sim, "detector:gb-hall:active");
    console.waitForSelector("table.queue tr:has-text('intruder'):has-text('unconfirmed')");
    sim(sim, "detector:pir-hall:active");
    console.waitForSelector("table.queue tr:has-text('intruder'):has-text('sequentially confirmed')");
    sim.waitForSelector("#live:has-text('hall: set')");
    sim.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("demo-simulator.png")));
    console.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("demo-console.png")));
    sim(sim, "detector:gb-hall:normal");
    sim(sim, "detector:pir-hall:normal");

    unsetHall(keypad, "271828");
    // After a confirmed alarm only the engineer or the ARC restores (BS 8243 A.3): the deputy authorises
    // installer access, the installer logs in on the installer view and restores the hall.
    Page installer = page(demo.installerUrl());
    assertThat(installer.content()).doesNotContain("Event log");
    installer.fill("form[action='/installer/grant'] input[name=code]", "271828");
    installer.click("#grant");
    installer.waitForSelector("#message:has-text('Installer access authorised')");
    installer.fill("form[action='/installer/login'] input[name=code]", Demo.DEMO_INSTALLER_PIN);
    installer.click("#login");
    installer.waitForSelector("#remaining:has-text('access level 3 ends in')");
    installer.waitForSelector("td.status[data-area='hall']:has-text('engineer restore required')");
    installer.click("button[data-engineer='restore:hall']");
    installer.waitForSelector("#flash:has-text('restored by user 9')");
    installer.waitForSelector("td.status[data-area='hall']:not(:has-text('engineer restore required'))");
    installer.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("demo-installer.png")));
    installer.click("#logout");
    installer.waitForSelector("#login");
    setHallAndVault(keypad, sim, "271828");
    unsetHall(keypad, "271828");
    String normalDisplay = keypad.textContent("#display");
    String normalTone = keypad.textContent("#tone");
    String normalHa = demo.devices().haState("hall");

    setHallAndVault(keypad, sim, "271828");
    unsetHall(keypad, Demo.DEMO_DURESS_PIN);
    assertThat(keypad.textContent("#display")).isEqualTo(normalDisplay);
    assertThat(keypad.textContent("#tone")).isEqualTo(normalTone);
    assertThat(demo.devices().haState("hall")).isEqualTo(normalHa).isEqualTo("disarmed");
    console.waitForSelector("table.queue tr:has-text('duress')");
    console.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("demo-console-duress.png")));

    // Nothing on the keypad page tells a duress from a normal code.
    assertThat(keypad.content()).doesNotContainIgnoringCase("duress");
  }
}
