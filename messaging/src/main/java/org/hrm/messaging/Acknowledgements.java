package org.hrm.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;

/**
 * Waits until every send of a batch is acknowledged. A batch listener returns only then, so its offsets (AckMode
 * BATCH) are committed after its outputs exist; a send that fails or is not acknowledged in time throws, and the
 * whole batch is redelivered ({@link BatchRetries}).
 */
public final class Acknowledgements {
    private Acknowledgements() {}

    /** Returns once every one of {@code sends} is acknowledged; {@code what} names them in the exception. */
    public static void await(Collection<? extends CompletableFuture<?>> sends, Duration timeout, String what) {
        if (sends.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending " + what + "; the batch will be redelivered", e);
        } catch (ExecutionException e) {
            throw new KafkaException("sending " + what + " failed; the batch will be redelivered", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException(
                    what + " not acknowledged within " + timeout + "; the batch will be redelivered", e);
        }
    }
}
