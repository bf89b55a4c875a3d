package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.petal.ml.worker.WorkerClient;
import org.petal.ml.worker.WorkerProtocol;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may connect to {@code /ws/worker}: only a client that presents the shared token. */
@RemoteWorkersApp
class RemoteWorkerHandshakeTest {

    @LocalServerPort int port;
    @Autowired WorkerRegistry registry;

    @Test
    void aWrongOrMissingTokenIsRefusedWith401AtTheHandshake() {
        assertThat(handshakeStatus("Bearer wrong-token-0123456789")).isEqualTo(401);
        assertThat(handshakeStatus("Bearer " + RemoteWorkersApp.TOKEN + "x")).isEqualTo(401);
        assertThat(handshakeStatus(null)).isEqualTo(401);
        assertThat(handshakeStatus("Basic " + RemoteWorkersApp.TOKEN)).isEqualTo(401);
        assertThat(handshakeStatus("Bearer " + RemoteWorkersApp.TOKEN)).as("the right token").isEqualTo(101);
    }

    @Test
    void aWorkerWithAWrongTokenStopsTryingAndNeverRegisters() throws Exception {
        try (TestWorkers workers = new TestWorkers(port, registry)) {
            var w = workers.startWithToken("intruder", "not-the-token-0123456789");
            TestWorkers.await(() -> w.client().state() == WorkerClient.State.REFUSED, "the worker gives up");
            w.thread().join(5_000);
            assertThat(w.thread().isAlive()).isFalse();
            assertThat(workers.idOf(w)).isNull();
        }
    }

    /** The handshake's HTTP status: 101 when the socket opened. */
    private int handshakeStatus(String authorization) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (authorization != null) {
            b.header(WorkerProtocol.AUTHORIZATION, authorization);
        }
        Throwable t = catchThrowable(() -> b.buildAsync(URI.create("ws://localhost:" + port + WorkerProtocol.PATH),
            new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS).abort());
        if (t == null) {
            return 101;
        }
        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) t.getCause()).getResponse().statusCode();
    }
}
