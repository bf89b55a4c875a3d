package org.petal.segmentation;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

/**
 * Sizes the servlet container's buffer for incoming text frames to twice
 * {@code petal.segmentation.max-text-frame-bytes}. Tomcat closes a socket (1009) on a frame larger than its
 * buffer (8 KiB by default) before the handler sees it; with room to spare, a full brush stroke gets
 * through and a frame over the limit is answered TOO_LARGE instead. Without a servlet WebSocket container
 * (a test without a server) there is nothing to size.
 */
@Component
class TextFrameBuffer implements ServletContextAware {

    private final SegmentationProperties properties;

    TextFrameBuffer(SegmentationProperties properties) {
        this.properties = properties;
    }

    @Override
    public void setServletContext(ServletContext context) {
        if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
            container.setDefaultMaxTextMessageBufferSize((int) Math.min(Integer.MAX_VALUE, 2L * properties.maxTextFrameBytes()));
        }
    }
}
