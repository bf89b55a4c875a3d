package org.petal.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;

/**
 * The annotator's screens as a user sees them: log in, the worklist, and the workspace's viewer and
 * buttons. Clicks are real mouse clicks at the screen position of a voxel; what is read back is what the
 * canvases show.
 */
final class Workspace {

    static final Path SCREENSHOTS = Path.of(System.getProperty("petal.e2e.dir", "target/e2e")).resolve("screenshots");

    final Page page;
    private final String baseUrl;

    Workspace(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    void logIn(String user, String password) {
        page.navigate(baseUrl + "/");
        page.fill("input[name=username]", user);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForSelector("#open-next");
    }

    /** Opens an assignment by its address and waits until the workspace is ready for edits. */
    void openAssignment(long assignmentId) {
        page.navigate(baseUrl + "/annotate/" + assignmentId);
        awaitStatus("Ready");
    }

    /** The worklist's one-key shortcut: N opens the next assignment to do. */
    void openNextAssignment() {
        page.keyboard().press("n");
        awaitStatus("Ready");
    }

    void awaitStatus(String prefix) {
        page.waitForFunction("p => { const a = document.querySelector('petal-annotator');"
            + " const s = a && a.shadowRoot && a.shadowRoot.querySelector('[data-testid=status]');"
            + " return s && (s.textContent.startsWith(p) || s.textContent.startsWith('Resumed')); }", prefix,
            new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    /** Waits until the workspace's status line starts with the text; fails with the status it shows instead. */
    void awaitStatusStartingWith(String text) {
        try {
            page.waitForFunction("t => { const a = document.querySelector('petal-annotator');"
                + " const s = a && a.shadowRoot && a.shadowRoot.querySelector('[data-testid=status]');"
                + " return s && s.textContent.startsWith(t); }", text, new Page.WaitForFunctionOptions().setTimeout(30_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("expected the status to start with '" + text + "' but it says: " + status(), e);
        }
    }

    String status() {
        return page.locator("petal-annotator [data-testid=status]").textContent();
    }

    void selectLabel(String name) {
        page.locator("petal-annotator [data-testid=labels] li").filter(new com.microsoft.playwright.Locator.FilterOptions()
            .setHasText(name)).locator(".name").click();
    }

    /** Moves the crosshair to a voxel and waits until the axial plane shows its slice. */
    void goTo(int[] voxel) {
        page.evaluate("v => document.querySelector('petal-annotator').shadowRoot.querySelector('petal-pet-viewer').setCursor(v)", js(voxel));
        page.waitForFunction("k => document.querySelector('petal-annotator').shadowRoot.querySelector('petal-pet-viewer')"
            + ".drawnSlice('axial') === k", voxel[2]);
    }

    /** Where a voxel is on the screen in the axial plane (CSS pixels). */
    double[] axialPoint(int[] voxel) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) page.evaluate("v => document.querySelector('petal-annotator').shadowRoot"
            + ".querySelector('petal-pet-viewer').clientPointOf('axial', v)", js(voxel));
        return new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()};
    }

    /** An include click on the voxel, as the mouse does it; returns once the engine's answer is shown. */
    void includeClick(int[] voxel) {
        int edits = edits();
        double[] p = axialPoint(voxel);
        page.mouse().click(p[0], p[1]);
        awaitEdits(edits + 1);
    }

    /** A short brush stroke through the voxel with the current tool (B selects the brush), as the mouse draws it. */
    void brushStroke(int[] voxel) {
        int edits = edits();
        double[] p = axialPoint(voxel);
        page.mouse().move(p[0] - 4, p[1]);
        page.mouse().down();
        page.mouse().move(p[0], p[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        page.mouse().move(p[0] + 4, p[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        page.mouse().up();
        awaitEdits(edits + 1);
    }

    void pressAndAwaitEdit(String keys) {
        int edits = edits();
        page.keyboard().press(keys);
        awaitEdits(edits + 1);
    }

    /** Edits answered so far on this page (counted from the workspace's petal-edit-done events). */
    int edits() {
        return ((Number) page.evaluate("() => window.__petalEdits || 0")).intValue();
    }

    private void awaitEdits(int n) {
        page.waitForFunction("n => (window.__petalEdits || 0) >= n", n, new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    /** Counts the edit answers of the page, installed before the page's own scripts run. */
    static final String EDIT_COUNTER = "window.__petalEdits = 0; window.addEventListener('petal-edit-done', () => window.__petalEdits++);";

    /**
     * Pixels of a warm label colour (the demo's lesion #ff3030 and liver #c8963c, blended over gray: red well
     * above blue; the crosshair is blue and the PET gray) in the axial canvas within {@code radius} CSS pixels
     * of a voxel's position.
     */
    int overlayPixelsNear(int[] voxel, int radius) {
        double[] p = axialPoint(voxel);
        return ((Number) page.evaluate("([x, y, r]) => {"
            + " const v = document.querySelector('petal-annotator').shadowRoot.querySelector('petal-pet-viewer');"
            + " const c = v.shadowRoot.querySelector('canvas[data-plane=axial]');"
            + " const rect = c.getBoundingClientRect(); const s = c.width / rect.width;"
            + " const x0 = Math.round((x - rect.left - r) * s), y0 = Math.round((y - rect.top - r) * s), n = Math.round(2 * r * s);"
            + " const d = c.getContext('2d').getImageData(x0, y0, n, n).data; let count = 0;"
            + " for (let q = 0; q < d.length; q += 4) if (d[q] > d[q + 2] + 40 && d[q] >= d[q + 1]) count++;"
            + " return count; }", List.of(p[0], p[1], radius))).intValue();
    }

    /** Playwright passes lists, not Java arrays, to the page. */
    private static List<Integer> js(int[] voxel) {
        return List.of(voxel[0], voxel[1], voxel[2]);
    }

    void clickButton(String testId) {
        page.locator("petal-annotator [data-testid=" + testId + "]").click();
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
