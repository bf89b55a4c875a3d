package org.petal.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test starts from: Debian's Chromium (or a skip saying it is missing) and the
 * packaged app, shared by all test classes of the run.
 */
abstract class BrowserTest {

    static Chromium chromium;
    static PetalApp app;

    @BeforeAll
    static void startBrowserAndApp() throws Exception {
        chromium = Chromium.launch();
        app = PetalApp.shared();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
