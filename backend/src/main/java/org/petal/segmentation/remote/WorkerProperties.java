package org.petal.segmentation.remote;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where engines run and how remote workers are held to account ({@code petal.workers.*}, or the environment:
 * {@code PETAL_WORKERS_MODE=auto}, {@code PETAL_WORKERS_TOKEN=...}). Defaults keep everything in-process.
 *
 * @param mode              {@code in-process} (default), {@code remote} or {@code auto} (remote when a
 *                          connected worker runs the engine, else in-process)
 * @param token             the shared secret workers present on the handshake; required unless in-process
 * @param requestTimeout    a request unanswered this long fails with a retryable error (queue time included)
 * @param heartbeatInterval how often workers heartbeat (announced in {@code welcome})
 * @param livenessTimeout   a worker silent this long (no frame at all) is dropped
 * @param maxMessageSize    largest message a worker may send (a result's compressed voxels)
 */
@ConfigurationProperties("petal.workers")
public record WorkerProperties(
    @DefaultValue("in-process") Mode mode,
    @DefaultValue("") String token,
    @DefaultValue("30s") Duration requestTimeout,
    @DefaultValue("10s") Duration heartbeatInterval,
    @DefaultValue("30s") Duration livenessTimeout,
    @DefaultValue("256MB") DataSize maxMessageSize) {

    /** Shortest token accepted: a guessable token would hand the case volumes to anyone who can connect. */
    static final int MIN_TOKEN_LENGTH = 16;

    public enum Mode { IN_PROCESS, REMOTE, AUTO }

    public WorkerProperties {
        if (mode != Mode.IN_PROCESS && (token == null || token.strip().length() < MIN_TOKEN_LENGTH)) {
            throw new IllegalArgumentException("petal.workers.mode=" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " needs petal.workers.token, a shared secret of at least " + MIN_TOKEN_LENGTH + " characters");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("petal.workers.request-timeout must be positive");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || livenessTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("petal.workers needs 0 < heartbeat-interval < liveness-timeout");
        }
        if (maxMessageSize.toBytes() < 1024) {
            throw new IllegalArgumentException("petal.workers.max-message-size must be at least 1KB");
        }
    }

    boolean remoteEnabled() {
        return mode != Mode.IN_PROCESS;
    }

    /** Without the token: settings end up in logs and error messages, the secret must not. */
    @Override
    public String toString() {
        return "WorkerProperties[mode=" + mode + ", token=" + (token.isEmpty() ? "(none)" : "(set)") + ", requestTimeout="
            + requestTimeout + ", heartbeatInterval=" + heartbeatInterval + ", livenessTimeout=" + livenessTimeout
            + ", maxMessageSize=" + maxMessageSize + "]";
    }
}
