package org.petal.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How long each team page takes to render in Chromium with 1,000 cases and 10,000 assignments in the
 * database (target ≤ 1 s each; the coordinator's report ≤ 2 s). A measurement, not a test: nothing is
 * asserted about time, and surefire runs it only when named:
 *
 * <pre>mvn -B -o -q -pl ml,frontend,backend,e2e-tests verify -Dtest=TeamPagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Each page is loaded in full (a new document: Vaadin's bootstrap, the view built on the server, the grid's
 * first rows) from navigation until what the user came for is on screen; three warm-ups (the app's JIT is
 * cold after the restart), then 7 runs. The machine's load average is written beside the numbers.
 * Results go to {@code target/e2e/team-pages.md}.
 */
class TeamPagesBenchmark {

    private static final int WARMUPS = 3;
    private static final int RUNS = 7;

    private final List<String> rows = new ArrayList<>();

    @Test
    void everyTeamPageWithAThousandCasesAndTenThousandAssignments() throws Exception {
        Chromium chromium = Chromium.launch();
        Path data = Path.of(System.getProperty("petal.e2e.dir", "target/e2e")).resolve("pages-" + System.currentTimeMillis());
        PetalApp.start(data, "demo project").stop();
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        LargeTeamSeed.Seeded seeded = LargeTeamSeed.into(data);
        double seedS = (System.nanoTime() - t0) / 1e9;
        PetalApp app = PetalApp.start(data, "Started Petal");
        try {
            String base = app.baseUrl;
            String project = base + "/projects/" + seeded.projectId();
            measure(chromium, base, seeded.annotator(), "demo-annotator", "Worklist (an annotator with ~200 assignments)",
                base + "/", p -> p.locator("#open-next").waitFor());
            measure(chromium, base, seeded.annotator(), "demo-annotator", "Annotate: workspace ready, first slice drawn",
                base + "/annotate/" + seeded.assignedReadId(), p -> awaitStatus(p, "Ready"));
            measure(chromium, base, "lead", "demo-lead", "Projects", base + "/projects",
                p -> cells(p, "#projects").filter(new Locator.FilterOptions().setHasText("Demo")).first().waitFor());
            measure(chromium, base, "lead", "demo-lead", "Project: cases, import and assign tabs (1,003 cases)", project,
                p -> cells(p, "#cases").filter(new Locator.FilterOptions().setHasText("bench-")).first().waitFor());
            measure(chromium, base, "lead", "demo-lead", "Project, then the Progress tab (time of the tab only)", project,
                p -> cells(p, "#cases").first().waitFor(), p -> {
                    p.locator("#tab-progress").click();
                    cells(p, "#progress-annotators").filter(new Locator.FilterOptions().setHasText("bench-ann")).first().waitFor();
                });
            measure(chromium, base, "reviewer", "demo-reviewer", "Review queue (~2,000 submitted)", base + "/review",
                p -> cells(p, "#review-queue").filter(new Locator.FilterOptions().setHasText("bench-")).first().waitFor());
            measure(chromium, base, "reviewer", "demo-reviewer", "Review page: panel and first slice",
                base + "/review/" + seeded.submittedReadId(), p -> {
                    p.locator("petal-annotator [data-testid=review-panel]").waitFor();
                    p.waitForFunction("() => (window.__petalFrames || 0) > 0");
                });
            measure(chromium, base, "coordinator", "demo-coordinator", "Study: report computed, tables shown",
                base + "/study/" + seeded.projectId(),
                p -> cells(p, "#study-cases").filter(new Locator.FilterOptions().setHasText("bench-")).first().waitFor());
            measure(chromium, base, "coordinator", "demo-coordinator", "Study: charts drawn as well",
                base + "/study/" + seeded.projectId(), p -> p.waitForFunction("() => (window.__petalCharts || 0) > 0"));
        } finally {
            app.stop();
            chromium.close();
        }
        write(seeded, seedS, loadBefore, loadAverage());
    }

    private static String loadAverage() throws Exception {
        Path proc = Path.of("/proc/loadavg");
        return Files.isReadable(proc) ? String.join(" ", Arrays.copyOf(Files.readString(proc).split(" "), 3)) : "unknown";
    }

    private void measure(Chromium chromium, String base, String user, String password, String what, String url,
                         Consumer<Page> ready) throws Exception {
        measure(chromium, base, user, password, what, url, null, ready);
    }

    /** With {@code before}: the page is loaded and {@code before} awaited untimed, then only {@code ready} is timed. */
    private void measure(Chromium chromium, String base, String user, String password, String what, String url,
                         Consumer<Page> before, Consumer<Page> ready) throws Exception {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
            context.addInitScript("window.__petalFrames = 0; window.addEventListener('petal-frame-drawn', () => window.__petalFrames++);"
                + "window.__petalCharts = 0; window.addEventListener('petal-charts-drawn', () => window.__petalCharts++);");
            Workspace ws = new Workspace(context.newPage(), base);
            ws.page.setDefaultTimeout(60_000);
            ws.logIn(user, password);
            double[] ms = new double[RUNS];
            for (int run = -WARMUPS; run < RUNS; run++) {
                long t0;
                if (before == null) {
                    t0 = System.nanoTime();
                    ws.page.navigate(url);
                } else {
                    ws.page.navigate(url);
                    before.accept(ws.page);
                    t0 = System.nanoTime();
                }
                ready.accept(ws.page);
                if (run >= 0) {
                    ms[run] = (System.nanoTime() - t0) / 1e6;
                }
                ws.page.navigate("about:blank");
            }
            Arrays.sort(ms);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f |", what, user, ms[RUNS / 2],
                ms[(int) Math.ceil(0.9 * RUNS) - 1], ms[RUNS - 1]));
            System.out.println(rows.get(rows.size() - 1));
        }
    }

    private static Locator cells(Page p, String grid) {
        return p.locator(grid + " vaadin-grid-cell-content");
    }

    private static void awaitStatus(Page p, String prefix) {
        p.waitForFunction("p => { const a = document.querySelector('petal-annotator');"
            + " const s = a && a.shadowRoot && a.shadowRoot.querySelector('[data-testid=status]');"
            + " return s && s.textContent.startsWith(p); }", prefix);
    }

    private void write(LargeTeamSeed.Seeded seeded, double seedS, String loadBefore, String loadAfter) throws Exception {
        Path out = Path.of(System.getProperty("petal.e2e.dir", "target/e2e")).resolve("team-pages.md");
        List<String> lines = new ArrayList<>(List.of(
            String.format(Locale.ROOT, "Seeded in %.1f s: %d cases more in the demo project, %d annotators, %d assignments, "
                + "%d interaction events. %d warm-up, %d runs per page; ms from navigation to the page's content.",
                seedS, LargeTeamSeed.CASES, LargeTeamSeed.ANNOTATORS, seeded.assignments(), seeded.events(), WARMUPS, RUNS),
            "Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAfter + ".",
            "", "| page | as | median | p90 | max |", "|---|---|---|---|---|"));
        lines.addAll(rows);
        Files.write(out, lines);
    }
}
