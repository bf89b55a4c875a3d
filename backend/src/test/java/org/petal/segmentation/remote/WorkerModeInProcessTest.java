package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.petal.ml.worker.WorkerProtocol;
import org.petal.segmentation.InferenceWorker;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the default {@code petal.workers.mode=in-process} the application is what it was before remote workers. */
@PetalTest
class WorkerModeInProcessTest {

    @LocalServerPort int port;
    @Autowired InferenceWorker sittingsWorker;
    @Autowired @Qualifier("inProcessWorker") InferenceWorker inProcess;
    @Autowired TestData data;
    @Autowired TestRestTemplate rest;

    @Test
    void sittingsGetTheInProcessWorkerItselfNotAWrapper() {
        assertThat(sittingsWorker).isSameAs(inProcess);
    }

    @Test
    void thereIsNoWorkerEndpointEvenWithAToken() {
        Throwable t = catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder()
            .header(WorkerProtocol.AUTHORIZATION, "Bearer some-token-0123456789")
            .buildAsync(URI.create("ws://localhost:" + port + WorkerProtocol.PATH), new WebSocket.Listener() { })
            .get(10, TimeUnit.SECONDS).abort());
        assertThat(t).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) t.getCause()).getResponse().statusCode()).isEqualTo(404);
    }

    @Test
    void theWorkerListSaysInProcessAndIsEmpty() {
        var lead = data.team().lead();
        JsonNode body = rest.withBasicAuth(lead.username(), "password-" + lead.username()).getForObject("/api/workers", JsonNode.class);
        assertThat(body.get("mode").asText()).isEqualTo("in-process");
        assertThat(body.get("workers")).isEmpty();
    }
}
