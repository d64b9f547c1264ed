package org.hrm.gateway.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.TokenBucket;

/** One token bucket per subject and expensive operation (submit, fetch, erase). */
public final class RateLimits {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final double perSecond;
    private final Clock clock;

    public RateLimits(int capacity, double perSecond, Clock clock) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Takes a token for the caller, or refuses with the time until one is there. */
    void take(Caller caller, String operation) {
        TokenBucket bucket = buckets.computeIfAbsent(
                operation + "/" + caller.partyId(), key -> new TokenBucket(capacity, perSecond, clock.instant()));
        Duration wait;
        synchronized (bucket) {
            wait = bucket.take(clock.instant());
        }
        if (!wait.isZero()) {
            throw new RateLimited(operation, wait);
        }
    }
}
