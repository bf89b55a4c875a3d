package org.petal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright; never a downloaded browser. Tests call {@link #launch()} first:
 * without /usr/bin/chromium they are skipped, saying so.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("petal.chromium", "/usr/bin/chromium"));

    /** Headless flags for a closed network: no background traffic, software WebGL for vtk.js. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader");

    final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
            "Debian's Chromium (" + EXECUTABLE + ") is not installed: browser tests skipped (apt-get install chromium)");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
        return new Chromium(playwright, browser);
    }

    /**
     * A REST client for the API as a user. The header is sent up front: the API answers 401 without a
     * Basic challenge, so Playwright's challenge-driven credentials would never be sent.
     */
    com.microsoft.playwright.APIRequestContext api(String baseUrl, String user, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return playwright.request().newContext(new com.microsoft.playwright.APIRequest.NewContextOptions()
            .setBaseURL(baseUrl).setExtraHTTPHeaders(java.util.Map.of("Authorization", "Basic " + basic)));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
