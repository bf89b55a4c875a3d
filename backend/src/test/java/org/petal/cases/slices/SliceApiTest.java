package org.petal.cases.slices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.cases.CaseView;
import org.petal.cases.imports.ImportJobView;
import org.petal.cases.imports.ImportState;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.support.Api;
import org.petal.support.PetalTest;
import org.petal.support.SyntheticPet;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Slices and MIPs over HTTP, decoded as a client decodes them and compared with the volume that was imported. */
@PetalTest
class SliceApiTest {

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @TempDir Path dir;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(rest, json);
    }

    @Test
    void slicesAndMipsOfAnImportedCaseDecodeToTheSourceValuesWithinTheQuantizationStep() {
        Actor lead = data.team().lead();
        long projectId = data.project(lead).id();
        ImportJobView job = api.importAndWait(lead, projectId, SyntheticPet.nifti(dir.resolve("pet.nii.gz"), PetUnit.SUV_BW));
        assertThat(job.state()).as(job.message()).isEqualTo(ImportState.DONE);
        PetVolume v = SyntheticPet.volume(PetUnit.SUV_BW);
        String base = "/api/cases/" + job.caseId();
        int[] hot = SyntheticPet.HOT;

        DecodedFrame axial = frame(lead, base + "/slices/axial/" + hot[2]);
        assertThat(axial.kindCode()).isEqualTo(0);
        assertThat(axial.unitCode()).as("SUVbw").isEqualTo(1);
        assertThat(axial.spacingU()).isEqualTo(2f);
        assertThat(axial.spacingV()).isEqualTo(3f);
        assertMatches(axial, SyntheticPet.NX, SyntheticPet.NY, (u, w) -> v.get(u, w, hot[2]));
        assertMatches(frame(lead, base + "/slices/coronal/" + hot[1]), SyntheticPet.NX, SyntheticPet.NZ,
            (u, w) -> v.get(u, hot[1], w));
        assertMatches(frame(lead, base + "/slices/sagittal/" + hot[0]), SyntheticPet.NY, SyntheticPet.NZ,
            (u, w) -> v.get(hot[0], u, w));
        assertMatches(frame(lead, base + "/mip/coronal"), SyntheticPet.NX, SyntheticPet.NZ, (u, w) -> {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < SyntheticPet.NY; j++) {
                max = Math.max(max, v.get(u, j, w));
            }
            return max;
        });
        DecodedFrame rotating = frame(lead, base + "/mip/rotating/-30");
        assertThat(rotating.kindCode()).isEqualTo(5);
        assertThat(rotating.height()).isEqualTo(SyntheticPet.NZ);
        assertThat(rotating.max()).isCloseTo(v.get(hot[0], hot[1], hot[2]), within(rotating.scale()));
    }

    @Test
    void anAnnotatorNotAssignedToTheCaseGets404OnItsSlicesWhileTheAssignedOneReadsThem() {
        var s = data.scenario();
        String url = "/api/cases/" + s.petCase().id() + "/slices/axial/3";

        assertThat(api.as(s.team().annotator2()).getForEntity(url, byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as(s.team().annotator2()).getForEntity("/api/cases/" + s.petCase().id() + "/mip/coronal",
            byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<byte[]> mine = api.as(s.team().annotator()).getForEntity(url, byte[].class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getHeaders().getContentType()).hasToString("application/octet-stream");
        assertThat(DecodedFrame.decode(mine.getBody()).width()).isEqualTo(TestData.N);
    }

    @Test
    void anIndexOutsideTheVolumeOrAnUnknownPlaneIs400() {
        var s = data.scenario();
        var lead = api.as(s.team().lead());
        String base = "/api/cases/" + s.petCase().id();

        assertThat(lead.getForEntity(base + "/slices/axial/" + TestData.N, String.class).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.getForEntity(base + "/slices/coronal/-1", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.getForEntity(base + "/slices/oblique/1", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.getForEntity(base + "/slices/axial/one", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lead.getForEntity(base + "/mip/rotating/NaN", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void framesArePrivatelyCacheableAndARepeatWithTheEtagIs304() {
        var s = data.scenario();
        var lead = api.as(s.team().lead());
        String url = "/api/cases/" + s.petCase().id() + "/slices/sagittal/5";

        ResponseEntity<byte[]> first = lead.getForEntity(url, byte[].class);
        String etag = first.getHeaders().getETag();
        HttpHeaders ifNoneMatch = new HttpHeaders();
        ifNoneMatch.setIfNoneMatch(etag);
        ResponseEntity<byte[]> again = lead.exchange(url, HttpMethod.GET, new HttpEntity<>(ifNoneMatch), byte[].class);

        assertThat(first.getHeaders().getCacheControl()).contains("private").contains("max-age=");
        assertThat(etag).isNotBlank();
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(again.getBody()).isNull();
    }

    @Test
    void anSuvCorrectionRescalesTheFramesAndChangesTheirEtag() {
        var s = data.scenario();
        var lead = api.as(s.team().lead());
        String url = "/api/cases/" + s.petCase().id() + "/slices/axial/12";
        ResponseEntity<byte[]> before = lead.getForEntity(url, byte[].class);

        ResponseEntity<CaseView> corrected = lead.exchange("/api/cases/" + s.petCase().id() + "/suv", HttpMethod.PUT,
            new HttpEntity<>(Map.of("weightKg", 35.0, "note", "weight was in pounds", "version", s.petCase().version())),
            CaseView.class);
        ResponseEntity<byte[]> after = lead.getForEntity(url, byte[].class);

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody().suvScale()).isEqualTo(0.5);
        DecodedFrame b = DecodedFrame.decode(before.getBody());
        DecodedFrame a = DecodedFrame.decode(after.getBody());
        assertThat(a.scale()).isEqualTo(b.scale() * 0.5f);
        assertThat(a.max()).isCloseTo(b.max() * 0.5f, within(a.scale()));
        assertThat(after.getHeaders().getETag()).isNotEqualTo(before.getHeaders().getETag());
    }

    private DecodedFrame frame(Actor a, String url) {
        ResponseEntity<byte[]> r = api.as(a).getForEntity(url, byte[].class);
        assertThat(r.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        return DecodedFrame.decode(r.getBody());
    }

    interface Expected {
        float at(int u, int v);
    }

    /** Every decoded value within half a quantization step (plus float rounding) of the source. */
    private static void assertMatches(DecodedFrame f, int width, int height, Expected expected) {
        assertThat(f.version()).isEqualTo(1);
        assertThat(f.width()).isEqualTo(width);
        assertThat(f.height()).isEqualTo(height);
        float tolerance = f.scale() * 0.5f + 1e-5f;
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                assertThat(f.value(u, v)).as("(%d, %d)", u, v).isCloseTo(expected.at(u, v), within(tolerance));
            }
        }
    }
}
