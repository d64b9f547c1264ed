package org.hrm.gateway.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}. Not thread-safe; the caller holds
 * one per subject and synchronises on it.
 */
public final class TokenBucket {
    private final int capacity;
    private final double perSecond;
    private double tokens;
    private Instant updated;

    public TokenBucket(int capacity, double perSecond, Instant now) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("capacity must be at least 1 and the refill rate positive");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.updated = now;
    }

    /** Takes a token: zero if one was there, otherwise how long until one will be (nothing is taken). */
    public Duration take(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        long millis = (long) Math.ceil((1 - tokens) / perSecond * 1000);
        return Duration.ofMillis(Math.max(1, millis));
    }

    private void refill(Instant now) {
        if (now.isAfter(updated)) {
            double elapsed = Duration.between(updated, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            updated = now;
        }
    }
}
