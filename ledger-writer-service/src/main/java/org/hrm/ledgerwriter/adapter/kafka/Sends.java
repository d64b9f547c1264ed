package org.hrm.ledgerwriter.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits until every send of a batch is acknowledged, so offsets are committed only after that. */
final class Sends {
    private Sends() {}

    static void awaitAll(List<? extends CompletableFuture<?>> sends, Duration timeout, String what) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending " + what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " not acknowledged within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + what, e);
        }
    }
}
