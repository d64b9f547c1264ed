package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;

/** Waits for a batch's sends: the listeners return only once every output exists, so offsets commit after them. */
final class Sends {
    private Sends() {}

    static void awaitAcknowledged(List<CompletableFuture<?>> sends, Duration timeout) {
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
