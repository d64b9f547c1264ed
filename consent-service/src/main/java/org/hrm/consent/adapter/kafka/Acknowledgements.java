package org.hrm.consent.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;

/**
 * Waits until every send of a batch is acknowledged; a listener returns only then, so the batch's offsets (AckMode
 * BATCH) are committed after its outputs exist, and any failure redelivers the whole batch.
 */
final class Acknowledgements {
    private final Duration timeout;

    Acknowledgements(Duration timeout) {
        this.timeout = timeout;
    }

    void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for sends; the batch will be redelivered", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("sends not acknowledged; the batch will be redelivered", e);
        }
    }
}
