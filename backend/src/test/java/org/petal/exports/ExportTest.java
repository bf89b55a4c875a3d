package org.petal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService;
import org.petal.annotation.RevisionStatistics;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.nifti.NiftiReader;
import org.petal.review.Review;
import org.petal.review.ReviewService;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Exports over REST: the approved segmentation of a case as NIfTI, a revision's lesions as CSV. */
@PetalTest
class ExportTest {

    @Autowired TestData data;
    @Autowired AssignmentService assignments;
    @Autowired RevisionService revisions;
    @Autowired RevisionStatistics statistics;
    @Autowired ReviewService reviews;
    @Autowired TestRestTemplate rest;

    @TempDir Path tmp;

    @Test
    void theApprovedSegmentationOfACaseDownloadsAsANiftiLabelMapInTheCaseGeometry() throws Exception {
        var s = data.scenario();
        long revision = approve(s.team(), s.team().annotator(), s.assignment().id(), TestData.labelsWithCube(2));

        var r = as(s.team().coordinator()).getForEntity("/api/cases/" + s.petCase().id() + "/segmentation.nii.gz", byte[].class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getFirst("X-Petal-Revision")).isEqualTo(String.valueOf(revision));
        assertThat(r.getHeaders().getFirst("X-Petal-Assignment")).isEqualTo(String.valueOf(s.assignment().id()));
        assertThat(r.getHeaders().getContentDisposition().getFilename()).isEqualTo(s.petCase().caseKey() + "-segmentation.nii.gz");
        var labels = new NiftiReader(VoxelBudget.DEFAULT).readLabels(Files.write(tmp.resolve("seg.nii.gz"), r.getBody()));
        assertThat(labels.geometry().nx()).isEqualTo(TestData.N);
        assertThat(labels.geometry().spacing()[2]).isEqualTo(4.0);
        assertThat(labels.count(2)).isEqualTo(64);
    }

    @Test
    void withTwoApprovedReadsTheNewestRevisionIsExported() {
        var s = data.scenario();
        var t = s.team();
        AssignmentView second = assignments.assign(t.lead(), s.petCase().id(), t.annotator2().id(), AssignmentMode.MANUAL, null);
        submit(t.annotator(), s.assignment().id(), TestData.labelsWithCube(2));
        long newest = submit(t.annotator2(), second.id(), TestData.labelsWithCube(1));
        decide(t, second.id(), true);
        decide(t, s.assignment().id(), true);  // approved last, but its revision is older

        var r = as(t.lead()).getForEntity("/api/cases/" + s.petCase().id() + "/segmentation.nii.gz", byte[].class);
        assertThat(r.getHeaders().getFirst("X-Petal-Revision")).isEqualTo(String.valueOf(newest));
    }

    @Test
    void aCaseWithoutApprovedWorkAnswers404AndSaysWhy() {
        var s = data.scenario();
        submit(s.team().annotator(), s.assignment().id(), TestData.labelsWithCube(2));  // submitted, not approved

        var r = as(s.team().lead()).getForEntity("/api/cases/" + s.petCase().id() + "/segmentation.nii.gz", Map.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(r.getBody().get("detail")).isEqualTo("case " + s.petCase().caseKey()
            + " has no approved segmentation yet: a reviewer approves an assignment of it first");
    }

    @Test
    void onlyThoseWhoMayReadTheCaseAndTheWorkGetTheSegmentation() {
        var s = data.scenario();
        var t = s.team();
        approve(t, t.annotator(), s.assignment().id(), TestData.labelsWithCube(2));
        assertThat(as(t.annotator()).getForEntity("/api/cases/" + s.petCase().id() + "/segmentation.nii.gz", byte[].class)
            .getStatusCode()).as("the annotator of the approved work").isEqualTo(HttpStatus.OK);
        var stranger = as(t.annotator2()).getForEntity("/api/cases/" + s.petCase().id() + "/segmentation.nii.gz", Map.class);
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.getBody().get("detail")).isEqualTo("no case " + s.petCase().id());

        // A second reader of the case may read the case, but not the other reader's work.
        assignments.assign(t.lead(), s.petCase().id(), t.annotator2().id(), AssignmentMode.MANUAL, null);
        var secondReader = as(t.annotator2()).getForEntity("/api/cases/" + s.petCase().id() + "/segmentation.nii.gz", Map.class);
        assertThat(secondReader.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(String.valueOf(secondReader.getBody().get("detail"))).contains("no approved segmentation");
    }

    @Test
    void theLesionCsvHasARowPerLesionARowPerLabelAndATotalThatAgreeWithTheStatistics() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long revision = submit(ann, s.assignment().id(), twoLesionsAndALiver());

        var r = as(s.team().reviewer()).getForEntity("/api/revisions/" + revision + "/lesions.csv", String.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(r.getHeaders().getContentDisposition().getFilename()).endsWith("-revision-" + revision + "-lesions.csv");
        List<Map<String, String>> rows = parse(r.getBody());
        assertThat(rows).extracting(row -> row.get("row")).containsExactly("lesion", "lesion", "label", "label", "total");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("case_key")).isEqualTo(s.petCase().caseKey());
            assertThat(row.get("revision_id")).isEqualTo(String.valueOf(revision));
        });

        var small = rows.get(0);
        var centre = rows.get(1);
        assertThat(small.get("lesion_index")).isEqualTo("1");
        assertThat(small.get("voxels")).isEqualTo("8");
        assertThat(small.get("centroid_x_mm")).isEqualTo("18.00");  // voxels 4 and 5 at 4 mm: 4.5 × 4
        assertThat(centre.get("lesion_index")).isEqualTo("2");
        assertThat(centre.get("voxels")).isEqualTo("64");
        assertThat(Double.parseDouble(centre.get("suv_max"))).isEqualTo(8.0, within(1e-3));

        var stats = statistics.of(s.team().reviewer(), revision);
        var lesionLabel = stats.stream().filter(x -> x.name().equals("lesion")).findFirst().orElseThrow();
        var liver = rows.get(2);
        assertThat(liver.get("label_name")).isEqualTo("liver");
        assertThat(liver.get("label_kind")).isEqualTo("organ");
        assertThat(liver.get("lesion_count")).isEmpty();
        var lesions = rows.get(3);
        assertThat(lesions.get("lesion_count")).isEqualTo("2");
        assertThat(Double.parseDouble(lesions.get("tlg"))).isEqualTo(lesionLabel.total().tlg(), within(1e-4));

        var total = rows.get(4);
        assertThat(total.get("label_name")).isEqualTo("all lesions");
        assertThat(total.get("lesion_count")).isEqualTo("2");
        assertThat(total.get("voxels")).isEqualTo("72");
        assertThat(Double.parseDouble(total.get("mtv_ml"))).isEqualTo(lesionLabel.burden().totalMtvMl(), within(1e-4));
        assertThat(Double.parseDouble(total.get("mtv_ml"))).isEqualTo(72 * 0.064, within(1e-4));
        assertThat(Double.parseDouble(total.get("tlg"))).isEqualTo(lesionLabel.burden().totalTlg(), within(1e-4));
        assertThat(Double.parseDouble(total.get("dmax_mm"))).isEqualTo(28 * Math.sqrt(3), within(0.01));
        assertThat(Double.parseDouble(total.get("dmax_mm"))).isEqualTo(lesionLabel.burden().dmaxMm(), within(0.01));
        assertThat(Double.parseDouble(total.get("suv_max"))).isEqualTo(Double.parseDouble(centre.get("suv_max")));
    }

    @Test
    void aMaskWithoutLesionsStillHasATotalRowOfZeroLesions() {
        var s = data.scenario();
        long revision = submit(s.team().annotator(), s.assignment().id(), TestData.labelsWithCube(1));  // liver only

        List<Map<String, String>> rows = parse(as(s.team().lead()).getForObject("/api/revisions/" + revision + "/lesions.csv",
            String.class));

        assertThat(rows).extracting(row -> row.get("row")).containsExactly("label", "total");
        assertThat(rows.get(1)).containsEntry("lesion_count", "0").containsEntry("voxels", "0")
            .containsEntry("mtv_ml", "0.0000").containsEntry("suv_max", "").containsEntry("dmax_mm", "0.00");
    }

    @Test
    void anotherAnnotatorCannotReadTheLesionCsv() {
        var s = data.scenario();
        long revision = submit(s.team().annotator(), s.assignment().id(), TestData.labelsWithCube(2));
        assertThat(as(s.team().annotator2()).getForEntity("/api/revisions/" + revision + "/lesions.csv", String.class)
            .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void textCellsAreQuotedWhenTheyMustBeAndDefusedForSpreadsheets() {
        assertThat(LesionCsv.quoted("lesion")).isEqualTo("lesion");
        assertThat(LesionCsv.quoted("node, left")).isEqualTo("\"node, left\"");
        assertThat(LesionCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(LesionCsv.quoted("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ExportService.safe("pat 01/ä")).isEqualTo("pat_01__");
    }

    /** Two lesions (a 2³ cube near a corner, the 4³ cube on the hot centre) and a 4³ liver cube elsewhere. */
    private static byte[] twoLesionsAndALiver() {
        byte[] m = TestData.labelsWithCube(2);
        int n = TestData.N;
        for (int k = 4; k < 6; k++) {
            for (int j = 4; j < 6; j++) {
                for (int i = 4; i < 6; i++) {
                    m[i + n * (j + n * k)] = 2;
                }
            }
        }
        for (int k = 4; k < 8; k++) {
            for (int j = 4; j < 8; j++) {
                for (int i = 18; i < 22; i++) {
                    m[i + n * (j + n * k)] = 1;
                }
            }
        }
        return m;
    }

    /** A plain CSV without quoted cells, as rows by column name. */
    private static List<Map<String, String>> parse(String csv) {
        String[] lines = csv.split("\r\n");
        List<String> header = Arrays.asList(lines[0].split(",", -1));
        assertThat(header).isEqualTo(LesionCsv.COLUMNS);
        return Arrays.stream(lines).skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(header.size());
            return IntStream.range(0, cells.length).boxed()
                .collect(Collectors.toMap(header::get, i -> cells[i]));
        }).toList();
    }

    private long submit(Actor annotator, long assignmentId, byte[] labels) {
        assignments.start(annotator, assignmentId);
        long revision = revisions.accept(annotator, assignmentId, null, labels, MaskRevision.Source.MANUAL).id();
        revisions.submit(annotator, assignmentId, assignments.get(annotator, assignmentId).version(), null);
        return revision;
    }

    private long approve(TestData.Team t, Actor annotator, long assignmentId, byte[] labels) {
        long revision = submit(annotator, assignmentId, labels);
        decide(t, assignmentId, true);
        return revision;
    }

    private void decide(TestData.Team t, long assignmentId, boolean approve) {
        reviews.decide(t.reviewer(), assignmentId, assignments.get(t.reviewer(), assignmentId).version(),
            approve ? Review.Decision.APPROVED : Review.Decision.CHANGES_REQUESTED, "looked at it", List.of());
    }

    private TestRestTemplate as(Actor a) {
        return rest.withBasicAuth(a.username(), "password-" + a.username());
    }
}
