package org.hrm.gateway.adapter.kafka;

import java.util.Optional;

/** A topic reader on its own thread, as {@link ReaderSupervisor} watches it: alive, progressing, or failed. */
public interface SupervisedReader extends AutoCloseable {
    void start();

    /** Whether its thread is still reading. */
    boolean alive();

    /** Why it stopped, if it stopped by itself. */
    Optional<String> failure();

    /** When ({@link System#nanoTime()}) it last applied what it read, or last found nothing left to read. */
    long lastProgressNanos();

    /** Whether it has read events it has not applied yet, or knows of events it has not read. */
    boolean behind();

    @Override
    void close();
}
