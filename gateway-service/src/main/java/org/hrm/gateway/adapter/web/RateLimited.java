package org.hrm.gateway.adapter.web;

import java.time.Duration;

/** A caller used up its token bucket for an expensive endpoint: 429 with Retry-After. */
class RateLimited extends RuntimeException {
    private final String bucket;
    private final Duration retryAfter;

    RateLimited(String bucket, Duration retryAfter) {
        super("rate limited: " + bucket);
        this.bucket = bucket;
        this.retryAfter = retryAfter;
    }

    String bucket() {
        return bucket;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
