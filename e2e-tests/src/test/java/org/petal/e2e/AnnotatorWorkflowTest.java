package org.petal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomLesion;
import org.petal.ml.phantom.PhantomSpec;

/**
 * The annotator's day in a real browser against the packaged app: log in, open the next case, click a
 * lesion, see it, undo, redo, accept, reload, see it still, submit. Screenshots of each step go to
 * {@code target/e2e/screenshots/}.
 */
class AnnotatorWorkflowTest extends BrowserTest {

    /** The demo's first case for {@code annotator}: phantom 0 of seed 2026 (see DemoData). */
    private static final PhantomSpec FIRST_DEMO_CASE = PhantomSpec.of(2026, 0);

    @Test
    void aClickedLesionIsShownUndoneRedoneAcceptedKeptOverAReloadAndSubmitted() {
        int[] lesion = largestLesionCentre();
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
            context.addInitScript(Workspace.EDIT_COUNTER
                + "window.__petal3d = []; window.addEventListener('petal-3d-rendered', e => window.__petal3d.push(e.detail));");
            Workspace ws = new Workspace(context.newPage(), app.baseUrl);
            ws.logIn("annotator", "demo-annotator");
            ws.screenshot("01-worklist");
            ws.openNextAssignment();
            ws.selectLabel("lesion");
            ws.goTo(lesion);
            assertThat(ws.overlayPixelsNear(lesion, 20)).as("no mask before the click").isZero();

            ws.includeClick(lesion);
            assertThat(ws.overlayPixelsNear(lesion, 20)).as("mask pixels near the click").isGreaterThan(4);
            ws.screenshot("02-lesion-clicked");

            ws.pressAndAwaitEdit("Control+z");
            assertThat(ws.overlayPixelsNear(lesion, 20)).as("undo removes the mask").isZero();
            ws.screenshot("03-undone");

            ws.pressAndAwaitEdit("Control+Shift+z");
            int redone = ws.overlayPixelsNear(lesion, 20);
            assertThat(redone).as("redo brings it back").isGreaterThan(4);

            ws.clickButton("accept");
            ws.awaitStatusStartingWith("Accepted");
            ws.page.waitForSelector("petal-annotator [data-testid=lesion-stats] td");
            assertThat(ws.page.locator("petal-annotator [data-testid=lesion-stats]").textContent())
                .as("the statistics of the accepted revision").contains("lesion 1").contains("SUVmax");
            ws.clickButton("toggle-3d");
            ws.page.waitForFunction("() => (window.__petal3d || []).some(d => d.surfaces >= 1)", null,
                new com.microsoft.playwright.Page.WaitForFunctionOptions().setTimeout(120_000));
            ws.screenshot("04-accepted-with-3d");
            ws.clickButton("toggle-3d");  // closed again: software WebGL is slow

            ws.page.reload();
            ws.awaitStatus("Resumed");
            ws.goTo(lesion);
            assertThat(ws.overlayPixelsNear(lesion, 20)).as("the mask survives the reload").isEqualTo(redone);
            ws.screenshot("05-reloaded");

            ws.clickButton("submit");
            ws.awaitStatusStartingWith("Submitted");
            ws.screenshot("06-submitted");
            ws.page.reload();
            ws.awaitStatusStartingWith("This assignment is submitted");
            ws.goTo(lesion);
            assertThat(ws.overlayPixelsNear(lesion, 20)).as("the submitted revision is what a reader sees").isEqualTo(redone);
        }
    }

    @Test
    void anotherAnnotatorOpeningThatAssignmentIsRefusedAndGetsNoWorkspace() throws Exception {
        var api = chromium.api(app.baseUrl, "annotator", "demo-annotator");
        long someoneElses = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(api.get("/api/assignments/mine").body()).get(0).get("id").asLong();
        api.dispose();
        try (BrowserContext context = chromium.browser.newContext()) {
            Workspace ws = new Workspace(context.newPage(), app.baseUrl);
            ws.logIn("annotator2", "demo-annotator");
            ws.page.navigate(app.baseUrl + "/annotate/" + someoneElses);
            ws.page.waitForSelector("vaadin-app-layout p");
            assertThat(ws.page.locator("vaadin-app-layout p").first().textContent()).containsIgnoringCase("assignment");
            assertThat(ws.page.locator("petal-annotator").count()).as("no workspace is loaded").isZero();
            ws.screenshot("07-someone-elses-assignment");
        }
    }

    private static int[] largestLesionCentre() {
        PhantomLesion.Voxel c = PhantomGenerator.generate(FIRST_DEMO_CASE).lesions().stream()
            .max(Comparator.comparingInt(PhantomLesion::voxelCount)).orElseThrow().centreVoxel();
        return new int[] {c.i(), c.j(), c.k()};
    }
}
