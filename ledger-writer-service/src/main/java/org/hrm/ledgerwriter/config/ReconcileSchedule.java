package org.hrm.ledgerwriter.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hrm.ledgerwriter.application.Reconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the {@link Reconciler} once the writer has started and then every few seconds, on a thread of its own;
 * a chain or database that is down only makes a pass fail, and the next one tries again.
 */
final class ReconcileSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);
    /** Well below the receipt timeout, so a batch waiting on a transaction the node lost sees it land. */
    static final Duration EVERY = Duration.ofSeconds(5);

    private final Reconciler reconciler;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ledger-reconciler");
        thread.setDaemon(true);
        return thread;
    });

    ReconcileSchedule(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::pass, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void pass() {
        try {
            Reconciler.Outcome outcome = reconciler.reconcile();
            if (outcome.rebroadcast() > 0) {
                log.info("reconciled pending transactions with the chain: {}", outcome);
            }
        } catch (RuntimeException e) {
            log.warn("reconciliation pass failed, next in {}: {}", EVERY, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
