package org.hrm.gateway.adapter.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's topic reader running: checks it every second, and when it has died, or has stopped making
 * progress for {@code stallAfter} while it is behind, reports it (readiness goes DOWN through {@link #status()}) and
 * starts a new one in its place, which reads again from the start of what the topics hold (the views apply an event
 * read twice once). The first restart is immediate; while the new readers keep failing, restarts back off from one
 * second to a minute.
 */
public final class ReaderSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReaderSupervisor.class);
    private static final long MIN_BACKOFF_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long MAX_BACKOFF_NANOS = Duration.ofMinutes(1).toNanos();

    /** The reader's state as the last check found it. */
    public record Status(boolean up, String detail, int restarts) {}

    private final Supplier<SupervisedReader> readers;
    private final long stallNanos;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService checks;
    private SupervisedReader reader;
    private long backoffNanos;
    private long restartAt;
    private int restarts;
    private volatile Status status = new Status(false, "not started", 0);

    public ReaderSupervisor(Supplier<SupervisedReader> readers, Duration stallAfter) {
        this(readers, stallAfter, System::nanoTime, true);
    }

    ReaderSupervisor(
            Supplier<SupervisedReader> readers, Duration stallAfter, LongSupplier nanoClock, boolean scheduled) {
        this.readers = readers;
        this.stallNanos = stallAfter.toNanos();
        this.nanoClock = nanoClock;
        this.checks = scheduled
                ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "gateway-reader-supervisor");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    public synchronized void start() {
        reader = readers.get();
        reader.start();
        status = new Status(true, "reading", restarts);
        if (checks != null) {
            checks.scheduleWithFixedDelay(this::checkSafely, 1, 1, TimeUnit.SECONDS);
        }
    }

    public Status status() {
        return status;
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("gateway reader check failed", e);
        }
    }

    /** One check: the reader's status, and a new reader if this one died or is stuck (once its back-off passed). */
    synchronized void check() {
        long now = nanoClock.getAsLong();
        String trouble = trouble(now);
        if (trouble == null) {
            status = new Status(true, "reading", restarts);
            backoffNanos = 0;
            return;
        }
        status = new Status(false, trouble, restarts);
        if (reader != null) {
            log.error("gateway topic reader {}: restarting it", trouble);
            reader.close();
            reader = null;
            restartAt = now + backoffNanos;
        }
        if (now - restartAt >= 0) {
            restarts++;
            backoffNanos = Math.min(Math.max(backoffNanos * 2, MIN_BACKOFF_NANOS), MAX_BACKOFF_NANOS);
            reader = readers.get();
            reader.start();
            status = new Status(false, trouble + "; restarted", restarts);
        }
    }

    private String trouble(long now) {
        if (reader == null) {
            return "waiting to restart";
        }
        if (!reader.alive()) {
            return "stopped: " + reader.failure().orElse("unknown reason");
        }
        long idle = now - reader.lastProgressNanos();
        if (reader.behind() && idle > stallNanos) {
            return "made no progress for " + TimeUnit.NANOSECONDS.toSeconds(idle) + " s while behind";
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
