package org.petal.segmentation.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.petal.ml.worker.WorkerProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets a worker's handshake through only with {@code Authorization: Bearer <petal.workers.token>}, else
 * answers 401. Both sides are hashed before the comparison, so {@link MessageDigest#isEqual} takes the same
 * time whatever the given token's length or first differing byte: timing tells an attacker nothing.
 */
final class WorkerTokenCheck implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(WorkerTokenCheck.class);

    private final byte[] expected;

    WorkerTokenCheck(String token) {
        this.expected = sha256(token.strip());
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String header = request.getHeaders().getFirst(WorkerProtocol.AUTHORIZATION);
        String scheme = WorkerProtocol.BEARER;
        boolean bearer = header != null && header.regionMatches(true, 0, scheme, 0, scheme.length());
        String given = bearer ? header.substring(scheme.length()).strip() : "";
        if (MessageDigest.isEqual(sha256(given), expected) && bearer) {
            return true;
        }
        log.warn("refused a worker handshake from {}: {}", request.getRemoteAddress(), bearer ? "wrong token" : "no bearer token");
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception e) {
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
