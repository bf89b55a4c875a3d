package org.petal.ml.worker;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker process connects and serves.
 *
 * @param backend        {@code ws://HOST:PORT/ws/worker}
 * @param token          the backend's {@code petal.workers.token}
 * @param name           shown to leads in {@code GET /api/workers}, e.g. the host name
 * @param capacity       requests served at once (threads); more wait in this worker's queue
 * @param cachedVolumes  case volumes kept for new objects besides those open objects hold
 * @param maxVoxels      largest volume accepted from the backend, so a broken header cannot exhaust memory
 * @param connectTimeout TCP connect plus WebSocket handshake
 * @param minBackoff     first wait before reconnecting; doubles up to {@code maxBackoff}, reset once welcomed
 * @param maxBackoff     longest wait between reconnect attempts
 */
public record WorkerSettings(URI backend, String token, String name, int capacity, int cachedVolumes, long maxVoxels,
                             Duration connectTimeout, Duration minBackoff, Duration maxBackoff) {

    public static final int DEFAULT_CAPACITY = 1;
    public static final int DEFAULT_CACHED_VOLUMES = 4;
    /** petal.max-case-voxels' default: a worker accepts what the backend accepts on import. */
    public static final long DEFAULT_MAX_VOXELS = 200_000_000L;

    public WorkerSettings {
        Objects.requireNonNull(backend, "backend");
        if (!"ws".equals(backend.getScheme()) && !"wss".equals(backend.getScheme())) {
            throw new IllegalArgumentException("the backend address must be ws:// or wss://, was " + backend);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a worker needs the backend's token (petal.workers.token)");
        }
        if (capacity < 1 || cachedVolumes < 1 || maxVoxels < 1) {
            throw new IllegalArgumentException("capacity, cached volumes and max voxels must be positive");
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < min backoff <= max backoff");
        }
    }

    /** Defaults for a worker process: one request at a time, reconnect after 0.5 s growing to 30 s. */
    public static WorkerSettings of(URI backend, String token, String name) {
        return new WorkerSettings(backend, token, name, DEFAULT_CAPACITY, DEFAULT_CACHED_VOLUMES, DEFAULT_MAX_VOXELS,
            Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public WorkerSettings withCapacity(int n) {
        return new WorkerSettings(backend, token, name, n, cachedVolumes, maxVoxels, connectTimeout, minBackoff, maxBackoff);
    }

    public WorkerSettings withBackoff(Duration min, Duration max) {
        return new WorkerSettings(backend, token, name, capacity, cachedVolumes, maxVoxels, connectTimeout, min, max);
    }
}
