package org.hrm.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void allowsABurstUpToCapacityThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(2, 0.5, START);

        assertThat(bucket.take(START)).isZero();
        assertThat(bucket.take(START)).isZero();

        assertThat(bucket.take(START)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refillsAtTheRateButNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1, START);
        bucket.take(START);
        bucket.take(START);

        assertThat(bucket.take(START.plusSeconds(1))).isZero();
        assertThat(bucket.take(START.plusSeconds(1))).isPositive();
        Instant muchLater = START.plusSeconds(3600);
        assertThat(bucket.take(muchLater)).isZero();
        assertThat(bucket.take(muchLater)).isZero();
        assertThat(bucket.take(muchLater)).isPositive();
    }
}
