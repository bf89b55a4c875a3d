package org.petal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * One team member signed in, in a browser context of their own, and the Vaadin screens as they see them:
 * forms, tabs, grids and the workspace's review panel. Waits for what a user would wait for (a text, a
 * row), never for a fixed time.
 */
final class TeamSession implements AutoCloseable {

    private final BrowserContext context;
    private final Workspace workspace;
    private final String baseUrl;

    private TeamSession(BrowserContext context, Workspace workspace, String baseUrl) {
        this.context = context;
        this.workspace = workspace;
        this.baseUrl = baseUrl;
    }

    static TeamSession open(Chromium chromium, PetalApp app, String user, String password) {
        BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
            .setViewportSize(1400, 900).setAcceptDownloads(true));
        context.addInitScript(Workspace.EDIT_COUNTER
            + "window.__petalCharts = 0; window.addEventListener('petal-charts-drawn', () => window.__petalCharts++);");
        Workspace ws = new Workspace(context.newPage(), app.baseUrl);
        ws.page.setDefaultTimeout(30_000);
        ws.logIn(user, password);
        return new TeamSession(context, ws, app.baseUrl);
    }

    Page page() {
        return workspace.page;
    }

    Workspace workspace() {
        return workspace;
    }

    /** Creates a project with the form's default label set (liver, lesion); returns its id from the address. */
    long createProject(String name) {
        page().navigate(baseUrl + "/projects");
        page().locator("#project-name input").fill(name);
        page().locator("#create-project").click();
        page().waitForURL(java.util.regex.Pattern.compile(".*/projects/\\d+$"));
        page().locator("#tab-cases").waitFor();
        String url = page().url();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Uploads a file through the Import tab and waits until its job is done. */
    void importFile(Path file) {
        tab("import");
        page().locator("#import-case-key input").fill("team-phantom");
        page().locator("#import-upload input[type=file]").setInputFiles(file);
        page().locator("#import-jobs vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("done"))
            .first().waitFor(new Locator.WaitForOptions().setTimeout(120_000));
    }

    void tab(String name) {
        page().locator("#tab-" + name).click();
    }

    /**
     * The visible text of a Vaadin grid's cells, joined (enough to check which rows it shows), once a cell
     * shows {@code awaited}: the header cells are there before the rows arrive.
     */
    String gridText(String gridId, String awaited) {
        page().locator("#" + gridId + " vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(awaited))
            .first().waitFor();
        return String.join(" | ", page().locator("#" + gridId + " vaadin-grid-cell-content").allTextContents());
    }

    void chooseAnnotators(String... items) {
        for (String item : items) {
            page().locator("#assign-annotators input").click();
            page().locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText(item)).click();
            page().keyboard().press("Escape");
        }
    }

    void chooseRadio(String groupId, String text) {
        page().locator("#" + groupId + " vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(text)).click();
    }

    void awaitText(String selector, String text) {
        page().locator(selector).filter(new Locator.FilterOptions().setHasText(text)).waitFor();
    }

    /** Opens the review page of an assignment and shows the slice through {@code voxel}. */
    void openReview(long assignmentId, int[] voxel) {
        page().navigate(baseUrl + "/review/" + assignmentId);
        page().locator("petal-annotator [data-testid=review-panel]").waitFor();
        page().locator("petal-annotator [data-testid=revision-row]").first().waitFor();
        workspace.goTo(voxel);
    }

    /** A click on the image at the voxel pins a comment there; the text goes into the pin's field. */
    void pinComment(int[] voxel, String text) {
        double[] p = workspace.axialPoint(voxel);
        int pins = page().locator("petal-annotator [data-testid=pin-text]").count();
        page().mouse().click(p[0], p[1]);
        Locator field = page().locator("petal-annotator [data-testid=pin-text]").nth(pins);
        field.waitFor();
        field.fill(text);
    }

    void fillShadow(String testId, String text) {
        page().locator("petal-annotator [data-testid=" + testId + "]").fill(text);
    }

    void clickShadow(String testId) {
        page().locator("petal-annotator [data-testid=" + testId + "]").click();
    }

    void awaitShadowText(String testId, String text) {
        page().locator("petal-annotator [data-testid=" + testId + "]").filter(new Locator.FilterOptions().setHasText(text))
            .first().waitFor();
    }

    void shot(String name) {
        page().screenshot(new Page.ScreenshotOptions().setPath(Workspace.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        context.close();
    }
}
