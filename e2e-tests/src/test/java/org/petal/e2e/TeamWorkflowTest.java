package org.petal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petal.ml.nifti.NiftiWriter;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomLesion;
import org.petal.ml.phantom.PhantomSpec;

/**
 * The whole team in a real browser against the packaged app: a lead creates a project, imports a phantom
 * through the upload form and assigns it as a double-read crossover (one annotator AI-assisted, the other
 * manual); one annotator clicks, the other paints; the reviewer sends one back with a pinned comment, the
 * annotator sees it, fixes and resubmits, the reviewer compares the revisions and approves both; the
 * coordinator's study shows both reads with their modes and times and the CSV downloads. Forbidden pages
 * are refused; the lead downloads the approved segmentation. Screenshots of every screen go to {@code target/e2e/screenshots/} (numbered 10 and up).
 */
class TeamWorkflowTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PhantomSpec CASE = PhantomSpec.of(31, 0);
    private static final String COMMENT = "The rim of this lesion is missing: paint it in";

    @Test
    void aLeadSetsUpAStudyTwoAnnotatorsReadTheReviewerSendsOneBackAndTheCoordinatorSeesBothReads() throws Exception {
        PhantomCase phantom = PhantomGenerator.generate(CASE);
        int[] lesion = largestLesionCentre(phantom);
        Path nifti = Path.of(System.getProperty("petal.e2e.dir", "target/e2e")).resolve("team-phantom.nii.gz");
        Files.createDirectories(nifti.getParent());
        NiftiWriter.writePet(phantom.pet(), nifti);
        String projectName = "Team study " + System.currentTimeMillis();

        long projectId;
        try (TeamSession lead = TeamSession.open(chromium, app, "lead", "demo-lead")) {
            lead.page().navigate(app.baseUrl + "/projects");
            lead.page().locator("#create-project").waitFor();
            lead.shot("09-lead-projects");
            projectId = lead.createProject(projectName);
            lead.shot("10-lead-project-created");
            lead.importFile(nifti);
            lead.shot("11-lead-import-done");
            lead.tab("cases");
            assertThat(lead.gridText("cases", "team-phantom")).contains("team-phantom").contains("SUVbw");
            lead.shot("12-lead-cases-with-suv");
            lead.tab("assign");
            lead.chooseAnnotators("annotator (Demo annotator)", "annotator2 (Demo annotator 2)");
            lead.chooseRadio("assign-reading", "double");
            lead.chooseRadio("assign-design", "crossover");
            lead.page().locator("#assign-preview").click();
            lead.awaitText("#assign-outcome", "Would create 2 assignments");
            lead.page().locator("#assign-run").click();
            lead.awaitText("#assign-outcome", "Created 2 assignments");
            lead.shot("13-lead-bulk-assigned");
            lead.tab("progress");
            lead.page().locator("#progress-annotators").waitFor();
            lead.shot("14-lead-progress");
        }

        Map<String, Read> reads = readsOfTheOnlyCase(projectId);
        Read ai = reads.get("AI_ASSISTED");
        Read manual = reads.get("MANUAL");
        assertThat(ai.username()).as("crossover: two different readers").isNotEqualTo(manual.username());

        try (TeamSession reader = TeamSession.open(chromium, app, ai.username(), "demo-annotator")) {
            reader.shot("20-ai-reader-worklist");
            Workspace ws = reader.workspace();
            ws.openAssignment(ai.assignmentId());
            ws.selectLabel("lesion");
            ws.goTo(lesion);
            ws.includeClick(lesion);
            assertThat(ws.overlayPixelsNear(lesion, 20)).as("the AI mask at the click").isGreaterThan(4);
            ws.clickButton("submit");
            ws.awaitStatusStartingWith("Submitted");
            reader.shot("21-ai-reader-submitted");
        }
        try (TeamSession reader = TeamSession.open(chromium, app, manual.username(), "demo-annotator")) {
            Workspace ws = reader.workspace();
            ws.openAssignment(manual.assignmentId());
            ws.selectLabel("lesion");
            ws.goTo(lesion);
            ws.page.keyboard().press("b");
            ws.brushStroke(lesion);
            assertThat(ws.overlayPixelsNear(lesion, 20)).as("the painted stroke").isGreaterThan(4);
            ws.clickButton("submit");
            ws.awaitStatusStartingWith("Submitted");
            reader.shot("22-manual-reader-submitted");
        }

        try (TeamSession reviewer = TeamSession.open(chromium, app, "reviewer", "demo-reviewer")) {
            reviewer.page().navigate(app.baseUrl + "/review");
            assertThat(reviewer.gridText("review-queue", manual.username())).contains(ai.username()).contains(manual.username());
            reviewer.shot("30-review-queue");
            reviewer.openReview(manual.assignmentId(), lesion);
            reviewer.pinComment(lesion, COMMENT);
            reviewer.fillShadow("review-summary", "Almost: see the pinned comment");
            reviewer.clickShadow("request-changes");
            reviewer.awaitShadowText("review-status", "hanges requested");
            reviewer.shot("31-review-changes-requested");
            reviewer.openReview(ai.assignmentId(), lesion);
            reviewer.clickShadow("approve");
            reviewer.awaitShadowText("review-status", "pproved");
            reviewer.shot("32-review-approved");
        }

        try (TeamSession reader = TeamSession.open(chromium, app, manual.username(), "demo-annotator")) {
            Workspace ws = reader.workspace();
            ws.openAssignment(manual.assignmentId());
            reader.awaitShadowText("review-comments", COMMENT);
            reader.shot("23-manual-reader-sees-the-comment");
            ws.selectLabel("lesion");
            ws.goTo(lesion);
            ws.page.keyboard().press("b");
            ws.brushStroke(new int[] {lesion[0], lesion[1] + 2, lesion[2]});
            ws.clickButton("submit");
            ws.awaitStatusStartingWith("Submitted");
            reader.shot("24-manual-reader-resubmitted");
        }

        try (TeamSession reviewer = TeamSession.open(chromium, app, "reviewer", "demo-reviewer")) {
            reviewer.openReview(manual.assignmentId(), lesion);
            assertThat(reviewer.page().locator("petal-annotator [data-testid=revision-row]").count())
                .as("the first hand-in and the fix").isEqualTo(2);
            reviewer.clickShadow("compare");
            reviewer.page().locator("petal-annotator [data-testid=compare-summary]").waitFor();
            reviewer.shot("33-review-compare-revisions");
            reviewer.clickShadow("approve");
            reviewer.awaitShadowText("review-status", "pproved");
        }

        try (TeamSession coordinator = TeamSession.open(chromium, app, "coordinator", "demo-coordinator")) {
            coordinator.page().navigate(app.baseUrl + "/study/" + projectId);
            coordinator.page().waitForFunction("() => (window.__petalCharts || 0) > 0");
            String cases = coordinator.gridText("study-cases", "team-phantom");
            assertThat(cases).contains("team-phantom").contains(ai.username()).contains(manual.username())
                .contains("AI-assisted").contains("manual").contains(" s");
            coordinator.shot("40-coordinator-study");
            Download csv = coordinator.page().waitForDownload(() ->
                coordinator.page().locator("a.study-csv").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("time-per-case.csv")).click());
            String table = Files.readString(csv.path());
            assertThat(table.lines().filter(l -> l.contains("team-phantom")))
                .as("one row per read, with its mode").hasSize(2)
                .anyMatch(l -> l.contains("AI_ASSISTED")).anyMatch(l -> l.contains("MANUAL"));
        }

        try (TeamSession lead = TeamSession.open(chromium, app, "lead", "demo-lead")) {
            lead.page().navigate(app.baseUrl + "/projects/" + projectId);
            Download export = lead.page().waitForDownload(() -> lead.page().locator("#cases a")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("segmentation.nii.gz")).click());
            byte[] gz = Files.readAllBytes(export.path());
            assertThat(gz.length).as("a label map, gzipped NIfTI").isGreaterThan(352);
            assertThat(new byte[] {gz[0], gz[1]}).as("gzip magic").containsExactly((byte) 0x1f, (byte) 0x8b);
            lead.shot("15-lead-cases-with-the-approved-export");
        }

        try (TeamSession annotator = TeamSession.open(chromium, app, "annotator", "demo-annotator")) {
            annotator.page().navigate(app.baseUrl + "/projects");
            assertThat(annotator.page().locator("#refused").textContent()).contains("project leads");
            annotator.page().navigate(app.baseUrl + "/study/" + projectId);
            assertThat(annotator.page().locator("#refused").textContent()).contains("study coordinators");
            annotator.shot("50-annotator-refused-the-study");
        }
    }

    /** The project's one case: its reads by mode, with the reader's user name (from the lead's API). */
    private static Map<String, Read> readsOfTheOnlyCase(long projectId) throws Exception {
        APIRequestContext api = chromium.api(app.baseUrl, "lead", "demo-lead");
        try {
            JsonNode cases = JSON.readTree(api.get("/api/projects/" + projectId + "/cases").body());
            assertThat(cases).hasSize(1);
            Map<Long, String> names = new HashMap<>();
            JSON.readTree(api.get("/api/users").body()).forEach(u -> names.put(u.get("id").asLong(), u.get("username").asText()));
            Map<String, Read> reads = new HashMap<>();
            JSON.readTree(api.get("/api/cases/" + cases.get(0).get("id").asLong() + "/assignments").body()).forEach(a ->
                reads.put(a.get("mode").asText(), new Read(a.get("id").asLong(), names.get(a.get("annotatorId").asLong()))));
            assertThat(reads).containsOnlyKeys("AI_ASSISTED", "MANUAL");
            return reads;
        } finally {
            api.dispose();
        }
    }

    private record Read(long assignmentId, String username) {}

    private static int[] largestLesionCentre(PhantomCase phantom) {
        PhantomLesion.Voxel c = phantom.lesions().stream().max(Comparator.comparingInt(PhantomLesion::voxelCount))
            .orElseThrow().centreVoxel();
        return new int[] {c.i(), c.j(), c.k()};
    }
}
