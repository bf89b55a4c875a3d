package org.petal.segmentation;

/**
 * A token bucket: {@code perSecond} tokens a second, at most {@code perSecond} saved up, so a client may
 * burst one second's worth and then keep the rate. Thread-safe.
 */
final class RateLimiter {

    private final double perSecond;
    private double tokens;
    private long lastNanos;

    RateLimiter(int perSecond, long nowNanos) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if there is one. */
    synchronized boolean tryAcquire(long nowNanos) {
        tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
