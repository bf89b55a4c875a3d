package org.petal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.EventType;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The REST API from outside: authentication, roles enforced on every call, CSRF, errors without internals. */
@PetalTest
class RestApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestData data;
    @Autowired InteractionLog log;

    private TestRestTemplate as(Actor a) {
        return rest.withBasicAuth(a.username(), "password-" + a.username());
    }

    @Test
    void withoutCredentialsTheApiAnswers401AndTheOpenApiDocumentIsPublic() {
        assertThat(rest.getForEntity("/api/assignments/mine", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> doc = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(doc.getBody()).contains("/api/assignments/{id}/submit").contains("/api/projects");
    }

    @Test
    void anAnnotatorSeesTheirAssignmentButCannotCreateProjectsOrAssign() {
        var s = data.scenario();
        var mine = as(s.team().annotator()).getForEntity("/api/assignments/mine", List.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody()).hasSize(1);
        var project = as(s.team().annotator()).postForEntity("/api/projects", Map.of("name", "mine", "labels", List.of()),
            Map.class);
        assertThat(project.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var assign = as(s.team().annotator()).postForEntity("/api/assignments",
            Map.of("caseId", s.petCase().id(), "annotatorId", s.team().annotator2().id()), Map.class);
        assertThat(assign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(assign.getBody()).containsKey("detail").doesNotContainKey("trace");
    }

    @Test
    void anotherAnnotatorsAssignmentAndItsTimeAreNotFoundForAnAnnotator() {
        var s = data.scenario();
        var other = as(s.team().annotator2());
        assertThat(other.getForEntity("/api/assignments/" + s.assignment().id(), String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getForEntity("/api/assignments/" + s.assignment().id() + "/time", String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getForEntity("/api/cases/" + s.petCase().id() + "/assignments", String.class).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBrowserSessionMustSendTheCsrfTokenToChangeAnything() throws Exception {
        var s = data.scenario();
        var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var loginPage = http.send(request("/login").GET().build(), BodyHandlers.ofString());
        String csrf = cookie(loginPage, "XSRF-TOKEN");
        String user = s.team().annotator().username();
        // Log in with the form, as a browser does, and keep the session cookie.
        var login = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "XSRF-TOKEN=" + csrf + "; JSESSIONID=" + cookie(loginPage, "JSESSIONID"))
            .POST(BodyPublishers.ofString("username=" + user + "&password=password-" + user + "&_csrf=" + csrf)).build(),
            BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = cookie(login, "JSESSIONID");
        String start = "/api/assignments/" + s.assignment().id() + "/start";

        var forged = http.send(request(start).header("Cookie", "JSESSIONID=" + session).POST(BodyPublishers.noBody()).build(),
            BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a cross-site POST riding on the session cookie").isEqualTo(403);

        var token = http.send(request("/api/me").header("Cookie", "JSESSIONID=" + session).GET().build(), BodyHandlers.ofString());
        String fresh = cookie(token, "XSRF-TOKEN") == null ? csrf : cookie(token, "XSRF-TOKEN");
        var genuine = http.send(request(start).header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + fresh)
            .header("X-XSRF-TOKEN", fresh).POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
        assertThat(genuine.statusCode()).isEqualTo(200);
    }

    private java.net.http.HttpRequest.Builder request(String path) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + path));
    }

    private static String cookie(java.net.http.HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
            .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).findFirst().orElse(null);
    }

    @Test
    void theCoordinatorsTimeReportComesFromServerEventsAsCsv() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long session = log.open(ann, s.assignment().id());
        log.record(ann, s.assignment().id(), session, EventType.CLICK_INCLUDE, 2, "suv-grow", 21.0, null);
        var csv = as(s.team().coordinator()).getForEntity("/api/reports/time.csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody()).startsWith("assignment_id,case_id,annotator_id,mode,state,wall_s,active_s")
            .contains(s.assignment().id() + "," + s.petCase().id() + "," + ann.id() + ",AI_ASSISTED,IN_PROGRESS,");
        assertThat(as(ann).getForEntity("/api/reports/time.csv", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
