package org.petal.segmentation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timeouts of interactive segmentation ({@code petal.segmentation.*}, or the environment:
 * {@code PETAL_SEGMENTATION_IDLE_TIMEOUT=20m}). Defaults suit a laptop and are the numbers in
 * {@code docs/protocol.md}.
 *
 * @param maxTextFrameBytes    larger text frames are answered TOO_LARGE; room for a brush stroke of
 *                             {@value Protocol#BRUSH_MAX_POINTS} points. The container's buffer is set to twice
 *                             this ({@link TextFrameBuffer}); it closes the socket on frames over that
 * @param maxRequestsPerSecond text frames per second and socket (burst of the same size); more are RATE_LIMITED
 * @param maxQueuedRequests    requests of one socket waiting for or in the engine; more are BUSY
 * @param maxObjectsPerSitting objects one sitting may open
 * @param heartbeatInterval    how often clients should send a heartbeat (announced in {@code ready})
 * @param livenessTimeout      a socket silent this long (no frame at all) is closed
 * @param idleTimeout          a socket without a real action (open, edit, accept) this long is closed
 * @param cachedVolumes        case volumes the in-process worker keeps in memory
 * @param inferenceThreads     threads running engine requests; 0 = one per available processor
 * @param resumeWindow         how long a sitting whose socket dropped (a reload, a lost connection) is kept
 *                             for {@code resume}; its unaccepted work is released after that
 */
@ConfigurationProperties("petal.segmentation")
public record SegmentationProperties(
    @DefaultValue("8192") int maxTextFrameBytes,
    @DefaultValue("20") int maxRequestsPerSecond,
    @DefaultValue("4") int maxQueuedRequests,
    @DefaultValue("32") int maxObjectsPerSitting,
    @DefaultValue("15s") Duration heartbeatInterval,
    @DefaultValue("45s") Duration livenessTimeout,
    @DefaultValue("30m") Duration idleTimeout,
    @DefaultValue("4") int cachedVolumes,
    @DefaultValue("0") int inferenceThreads,
    @DefaultValue("10m") Duration resumeWindow) {

    public SegmentationProperties {
        positive("max-text-frame-bytes", maxTextFrameBytes);
        positive("max-requests-per-second", maxRequestsPerSecond);
        positive("max-queued-requests", maxQueuedRequests);
        positive("max-objects-per-sitting", maxObjectsPerSitting);
        positive("cached-volumes", cachedVolumes);
        if (inferenceThreads < 0) {
            throw new IllegalArgumentException("petal.segmentation.inference-threads must be >= 0");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || livenessTimeout.compareTo(heartbeatInterval) <= 0
            || idleTimeout.compareTo(livenessTimeout) < 0) {
            throw new IllegalArgumentException("petal.segmentation needs 0 < heartbeat-interval < liveness-timeout <= idle-timeout");
        }
    }

    int threads() {
        return inferenceThreads > 0 ? inferenceThreads : Runtime.getRuntime().availableProcessors();
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("petal.segmentation." + name + " must be positive, was " + value);
        }
    }
}
