package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * A protocol client for tests: connects with HTTP Basic on the handshake and queues what arrives, each text
 * frame parsed as a {@link Message}, each binary frame as a {@link MaskDelta}, a close as its status.
 */
final class TestSocket implements AutoCloseable {

    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final WebSocketSession session;

    private TestSocket(int port, String username, String password, String origin) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxBinaryMessageBufferSize(1 << 20);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setBasicAuth(username, password);
        if (origin != null) {
            headers.setOrigin(origin);
        }
        session = new StandardWebSocketClient(container).execute(new Receiver(), headers,
            URI.create("ws://localhost:" + port + Protocol.PATH)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static TestSocket connect(int port, String username, String password) throws Exception {
        return new TestSocket(port, username, password, null);
    }

    /** As a browser page served from {@code origin} would connect. */
    static TestSocket connectFrom(String origin, int port, String username, String password) throws Exception {
        return new TestSocket(port, username, password, origin);
    }

    void send(Message.FromClient message) throws Exception {
        sendRaw(MessageCodec.write(message));
    }

    void sendRaw(String text) throws Exception {
        session.sendMessage(new TextMessage(text));
    }

    void sendBinary(byte[] data) throws Exception {
        session.sendMessage(new BinaryMessage(data));
    }

    /** The next frame, which must be of this type. */
    <T> T next(Class<T> type) throws InterruptedException {
        Object frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (frame == null) {
            fail("no frame within " + WAIT_SECONDS + " s, expected " + type.getSimpleName());
        }
        assertThat(frame).as("expected a %s", type.getSimpleName()).isInstanceOf(type);
        return type.cast(frame);
    }

    Message.ErrorReply nextError() throws InterruptedException {
        return next(Message.ErrorReply.class);
    }

    /** Proves the socket still answers: a heartbeat comes back. */
    void assertStillOpen() throws Exception {
        send(new Message.Heartbeat());
        next(Message.Heartbeat.class);
        assertThat(session.isOpen()).isTrue();
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }

    private final class Receiver extends AbstractWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession s, TextMessage message) {
            frames.add(MessageCodec.read(message.getPayload()));
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession s, BinaryMessage message) {
            ByteBuffer b = message.getPayload();
            byte[] data = new byte[b.remaining()];
            b.get(data);
            frames.add(MaskDelta.decode(data, 1L << 30));
        }

        @Override
        public void afterConnectionClosed(WebSocketSession s, CloseStatus status) {
            frames.add(status);
        }
    }
}
