package org.petal.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.assignment.AssignmentService;
import org.petal.ml.nifti.NiftiReader;
import org.petal.ml.io.VoxelBudget;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Revisions over REST: accept a compressed label map, download it as NIfTI, read its lesion statistics. */
@PetalTest
class RevisionApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestData data;
    @Autowired AssignmentService assignments;

    @TempDir Path tmp;

    private TestRestTemplate as(Actor a) {
        return rest.withBasicAuth(a.username(), "password-" + a.username());
    }

    private Map<?, ?> accept(Actor a, long assignmentId, byte[] labels) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        var r = as(a).postForEntity("/api/assignments/" + assignmentId + "/revisions?source=MANUAL",
            new HttpEntity<>(LabelMapCodec.compress(labels), h), Map.class);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        return r.getBody();
    }

    @Test
    void anAcceptedMaskDownloadsAsANiftiLabelMapInTheCaseGeometry() throws Exception {
        var s = data.scenario();
        var ann = s.team().annotator();
        assignments.start(ann, s.assignment().id());
        long id = ((Number) accept(ann, s.assignment().id(), TestData.labelsWithCube(2)).get("id")).longValue();

        var nii = as(ann).getForEntity("/api/revisions/" + id + "/labels.nii.gz", byte[].class);
        assertThat(nii.getStatusCode()).isEqualTo(HttpStatus.OK);
        Path file = Files.write(tmp.resolve("labels.nii.gz"), nii.getBody());
        var labels = new NiftiReader(VoxelBudget.DEFAULT).readLabels(file);
        assertThat(labels.geometry().nx()).isEqualTo(TestData.N);
        assertThat(labels.geometry().spacing()[0]).isEqualTo(4.0);
        assertThat(labels.count(2)).isEqualTo(64);
        assertThat(labels.get(TestData.N / 2, TestData.N / 2, TestData.N / 2)).isEqualTo(2);
    }

    @Test
    void aViewerReadsTheStoredZlibLabelMapAndAnotherAnnotatorCannot() {
        var s = data.scenario();
        var ann = s.team().annotator();
        assignments.start(ann, s.assignment().id());
        byte[] cube = TestData.labelsWithCube(2);
        long id = ((Number) accept(ann, s.assignment().id(), cube).get("id")).longValue();

        var raw = as(ann).getForEntity("/api/revisions/" + id + "/labels", byte[].class);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(LabelMapCodec.decompress(raw.getBody(), cube.length)).isEqualTo(cube);
        assertThat(as(s.team().annotator2()).getForEntity("/api/revisions/" + id + "/labels", String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theLesionStatisticsOfARevisionAreInSuv() {
        var s = data.scenario();
        var ann = s.team().annotator();
        assignments.start(ann, s.assignment().id());
        long id = ((Number) accept(ann, s.assignment().id(), TestData.labelsWithCube(2)).get("id")).longValue();
        List<?> stats = as(s.team().reviewer()).getForObject("/api/revisions/" + id + "/statistics", List.class);
        Map<?, ?> lesion = (Map<?, ?>) stats.get(0);
        assertThat(lesion.get("name")).isEqualTo("lesion");
        Map<?, ?> total = (Map<?, ?>) lesion.get("total");
        assertThat(((Number) total.get("suvMax")).doubleValue()).isEqualTo(8.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(((Number) total.get("mtvMl")).doubleValue()).isEqualTo(64 * 0.064, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(((Number) ((Map<?, ?>) lesion.get("burden")).get("lesionCount")).intValue()).isEqualTo(1);
    }

    @Test
    void aLabelMapOfTheWrongSizeOrWithALabelOutsideTheProjectIsRefusedAndNothingIsStored() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long a = s.assignment().id();
        assignments.start(ann, a);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        var tooShort = as(ann).postForEntity("/api/assignments/" + a + "/revisions?source=MANUAL",
            new HttpEntity<>(LabelMapCodec.compress(new byte[100]), h), Map.class);
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var notDeflate = as(ann).postForEntity("/api/assignments/" + a + "/revisions?source=MANUAL",
            new HttpEntity<>(new byte[] {1, 2, 3, 4}, h), Map.class);
        assertThat(notDeflate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var foreign = as(ann).postForEntity("/api/assignments/" + a + "/revisions?source=MANUAL",
            new HttpEntity<>(LabelMapCodec.compress(TestData.labelsWithCube(9)), h), Map.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(foreign.getBody().get("detail"))).contains("label value 9");
        assertThat(as(ann).getForObject("/api/assignments/" + a + "/revisions", List.class)).isEmpty();
    }
}
