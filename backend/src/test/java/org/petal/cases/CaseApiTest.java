package org.petal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petal.support.Api;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Cases over REST: who reads them, and the lead's SUV correction with its version guard. */
@PetalTest
class CaseApiTest {

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    @Test
    void theAssignedAnnotatorReadsTheCaseAndAnotherAnnotatorGets404() {
        var s = data.scenario();
        Api api = new Api(rest, json);
        String url = "/api/cases/" + s.petCase().id();

        assertThat(api.as(s.team().annotator()).getForObject(url, CaseView.class).dims()).containsExactly(24, 24, 24);
        assertThat(api.as(s.team().annotator2()).getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyALeadCorrectsSuvAndAStaleVersionIs409() {
        var s = data.scenario();
        Api api = new Api(rest, json);
        String url = "/api/cases/" + s.petCase().id() + "/suv";
        long version = s.petCase().version();
        var correction = Map.of("doseBq", 6.0e8, "note", "dose from the injection log", "version", version);

        assertThat(api.as(s.team().annotator()).exchange(url, HttpMethod.PUT, new HttpEntity<>(correction), String.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var ok = api.as(s.team().lead()).exchange(url, HttpMethod.PUT, new HttpEntity<>(correction), CaseView.class);
        var stale = api.as(s.team().lead()).exchange(url, HttpMethod.PUT, new HttpEntity<>(correction), String.class);

        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody().suvScale()).isEqualTo(0.5);
        assertThat(ok.getBody().version()).isGreaterThan(version);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}
