package org.vigil.arc.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for the browser tests: Playwright never downloads a browser here, it
 * launches {@code /usr/bin/chromium} (installed by {@code .ci/run}) headless. One place for the launch flags.
 */
public final class Chromium implements AutoCloseable {
    public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    /** No sandbox (containers, root), no GPU, and nothing that phones home. */
    public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install chromium (.ci/run does)");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true).setExecutablePath(EXECUTABLE).setArgs(ARGS));
    }

    /** Starts Playwright and a headless Chromium; close it in {@code @AfterAll}. */
    public static Chromium start() {
        return new Chromium();
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
