package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.petal.ml.worker.WorkerCodec;
import org.petal.ml.worker.WorkerMessage;
import org.petal.ml.worker.WorkerProtocol;

/**
 * A hand-driven worker for protocol tests: sends exactly the messages a test gives it and queues what the
 * backend sends, decoded, with a close as its status code.
 */
final class RawWorker implements WebSocket.Listener, AutoCloseable {

    /** The backend closed the socket. */
    record Closed(int code, String reason) {}

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final WebSocket socket;

    RawWorker(int port) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .header(WorkerProtocol.AUTHORIZATION, WorkerProtocol.BEARER + RemoteWorkersApp.TOKEN)
            .buildAsync(URI.create("ws://localhost:" + port + WorkerProtocol.PATH), this).get(10, TimeUnit.SECONDS);
    }

    synchronized void send(WorkerMessage m) throws Exception {
        if (WorkerCodec.isBinary(m)) {
            socket.sendBinary(ByteBuffer.wrap(WorkerCodec.binary(m)), true).get(10, TimeUnit.SECONDS);
        } else {
            socket.sendText(WorkerCodec.text(m), true).get(10, TimeUnit.SECONDS);
        }
    }

    <T> T next(Class<T> type) throws InterruptedException {
        Object m = received.poll(20, TimeUnit.SECONDS);
        assertThat(m).as("expected a %s", type.getSimpleName()).isInstanceOf(type);
        return type.cast(m);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(WorkerCodec.readText(text.toString()));
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.write(part, 0, part.length);
        if (last) {
            received.add(WorkerCodec.readBinary(binary.toByteArray(), 1L << 30));
            binary.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        received.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
