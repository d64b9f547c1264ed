package org.hrm.messaging;

import java.time.Duration;
import java.util.Map;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The house retry of a batch listener: a failed batch is redelivered whole, after a back-off that doubles from
 * {@code initialInterval} up to {@code maxInterval}, without end. Every exception is retryable, so an infrastructure
 * failure (MongoDB, Kafka or the chain down) never dead-letters or skips a valid event; a bad event never reaches
 * here, its listener dead-letters it ({@link DeadLetters}) and the batch goes on. Each failed attempt is logged
 * ({@link RetryLogger}).
 *
 * @param initialInterval the first back-off
 * @param maxInterval the longest back-off between two attempts
 */
public record BatchRetries(Duration initialInterval, Duration maxInterval) {
    static final double MULTIPLIER = 2.0;

    /** The error handler a container gets: retries without end, and never commits a batch that failed. */
    public DefaultErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), MULTIPLIER);
        backOff.setMaxInterval(maxInterval.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("retries exhausted; the batch stays uncommitted", e);
                },
                backOff);
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryLogger());
        return handler;
    }
}
