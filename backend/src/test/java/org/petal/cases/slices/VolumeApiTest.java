package org.petal.cases.slices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petal.support.Api;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The downsampled volume over HTTP, decoded as a client decodes it and compared with the test case's values. */
@PetalTest
class VolumeApiTest {

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(rest, json);
    }

    @Test
    void theTestCaseHalvedIsTheBlockMaximumOfItsSuvOnAGridOfTwiceTheSpacing() {
        var s = data.scenario();
        ResponseEntity<byte[]> r = api.as(s.team().annotator())
            .getForEntity("/api/cases/" + s.petCase().id() + "/volume/downsampled?maxSize=16", byte[].class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType()).hasToString("application/octet-stream");
        DecodedVolume d = DecodedVolume.decode(r.getBody());
        int m = TestData.N / 2;
        assertThat(d.version()).isEqualTo(1);
        assertThat(new int[] {d.mx(), d.my(), d.mz()}).containsExactly(m, m, m);
        assertThat(d.factors()).containsExactly(2, 2, 2);
        assertThat(d.spacing()).containsExactly(8f, 8f, 8f);
        assertThat(d.unitCode()).as("SUVbw").isEqualTo(1);
        assertThat(d.reduction()).as("block maximum").isEqualTo(0);
        float tolerance = d.scale() * 0.5f + 1e-5f;
        for (int c = 0; c < m; c++) {
            for (int b = 0; b < m; b++) {
                for (int a = 0; a < m; a++) {
                    // TestData's case: SUV 1 + 7·exp(−r²/8) about the centre, so a block's maximum is its voxel
                    // nearest the centre.
                    double expected = 0;
                    for (int k = 2 * c; k < 2 * c + 2; k++) {
                        for (int j = 2 * b; j < 2 * b + 2; j++) {
                            for (int i = 2 * a; i < 2 * a + 2; i++) {
                                double r2 = Math.pow(i - m, 2) + Math.pow(j - m, 2) + Math.pow(k - m, 2);
                                expected = Math.max(expected, (float) (1 + 7 * Math.exp(-r2 / 8.0)));
                            }
                        }
                    }
                    assertThat(d.value(a, b, c)).as("(%d, %d, %d)", a, b, c).isCloseTo((float) expected, within(tolerance));
                }
            }
        }
        assertThat(d.value(m / 2, m / 2, m / 2)).as("the lesion's SUVmax survives").isCloseTo(8f, within(tolerance));
    }

    @Test
    void withoutMaxSizeACaseSmallerThan128IsSentAtFullResolution() {
        var s = data.scenario();
        ResponseEntity<byte[]> r = api.as(s.team().lead())
            .getForEntity("/api/cases/" + s.petCase().id() + "/volume/downsampled", byte[].class);

        DecodedVolume d = DecodedVolume.decode(r.getBody());
        assertThat(new int[] {d.mx(), d.my(), d.mz()}).containsExactly(TestData.N, TestData.N, TestData.N);
        assertThat(d.factors()).containsExactly(1, 1, 1);
        assertThat(d.spacing()).containsExactly(4f, 4f, 4f);
    }

    @Test
    void anAnnotatorNotAssignedToTheCaseGets404() {
        var s = data.scenario();
        String url = "/api/cases/" + s.petCase().id() + "/volume/downsampled";

        assertThat(api.as(s.team().annotator2()).getForEntity(url, byte[].class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as(s.team().annotator2()).getForEntity("/api/cases/999999999/volume/downsampled", byte[].class)
            .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMaxSizeOutside16To256OrNotAnIntegerIs400() {
        var s = data.scenario();
        var lead = api.as(s.team().lead());
        String url = "/api/cases/" + s.petCase().id() + "/volume/downsampled?maxSize=";

        for (String bad : new String[] {"15", "257", "0", "-128", "big", "12.5"}) {
            assertThat(lead.getForEntity(url + bad, String.class).getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(lead.getForEntity(url + "16", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lead.getForEntity(url + "256", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theVolumeIsPrivatelyCacheableAndARepeatWithTheEtagIs304() {
        var s = data.scenario();
        var lead = api.as(s.team().lead());
        String url = "/api/cases/" + s.petCase().id() + "/volume/downsampled?maxSize=64";

        ResponseEntity<byte[]> first = lead.getForEntity(url, byte[].class);
        HttpHeaders ifNoneMatch = new HttpHeaders();
        ifNoneMatch.setIfNoneMatch(first.getHeaders().getETag());
        ResponseEntity<byte[]> again = lead.exchange(url, HttpMethod.GET, new HttpEntity<>(ifNoneMatch), byte[].class);

        assertThat(first.getHeaders().getCacheControl()).contains("private").contains("max-age=");
        assertThat(first.getHeaders().getETag()).contains("volume-64");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
    }
}
