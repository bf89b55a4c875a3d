package org.petal.segmentation;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers {@code /ws/annotate}. The handshake is an ordinary request through the security filter chain
 * (session cookie or HTTP Basic), so only authenticated users reach the handler. No allowed origins are
 * set on purpose: Spring then accepts only same-origin browser handshakes, which is what stops another
 * site from opening a socket with the user's cookie (CSRF tokens do not cover WebSocket handshakes).
 */
@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    private final AnnotateHandler handler;

    WebSocketConfig(AnnotateHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, Protocol.PATH);
    }
}
