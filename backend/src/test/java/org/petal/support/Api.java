package org.petal.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.petal.cases.imports.ImportJobView;
import org.petal.users.Actor;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The REST API as a test's users call it: HTTP Basic with TestData's passwords. */
public final class Api {

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    public Api(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    public TestRestTemplate as(Actor a) {
        return rest.withBasicAuth(a.username(), "password-" + a.username());
    }

    /** Posts {@code file} to the project's imports; {@code fields} are name/value pairs (caseKey, unit). */
    public ResponseEntity<String> upload(Actor a, long projectId, Path file, String... fields) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new FileSystemResource(file));
        for (int n = 0; n + 1 < fields.length; n += 2) {
            body.add(fields[n], fields[n + 1]);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(a).postForEntity("/api/projects/" + projectId + "/imports", new HttpEntity<>(body, headers), String.class);
    }

    /** Uploads, expects 202, and waits until the job is DONE or FAILED. */
    public ImportJobView importAndWait(Actor lead, long projectId, Path file, String... fields) {
        ResponseEntity<String> r = upload(lead, projectId, file, fields);
        if (r.getStatusCode() != HttpStatus.ACCEPTED) {
            throw new AssertionError("upload answered " + r.getStatusCode() + ": " + r.getBody());
        }
        return await(lead, read(r.getBody(), ImportJobView.class).id());
    }

    public ImportJobView await(Actor lead, long jobId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ImportJobView j = as(lead).getForObject("/api/imports/" + jobId, ImportJobView.class);
            if (j.state().finished() || Instant.now().isAfter(deadline)) {
                return j;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for import " + jobId);
            }
        }
    }

    public <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
