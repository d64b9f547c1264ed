package org.hrm.sandbox;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One thread group per part of the one-JVM platform (the broker, the database, each service), so that CPU time can
 * be told apart by stage: each part is started from a thread of its group, and the threads it starts (listener
 * containers, clients' network threads, pools) join that group, since a Java thread joins its creator's group. A
 * thread of the JDK's shared pools counts for whichever part first made the pool grow.
 */
public final class StageThreads {
    private final Map<String, ThreadGroup> groups = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Runs {@code start} on a thread of the stage's group and returns what it returned, or throws what it threw. */
    <T> T start(String stage, Callable<T> start) throws IOException {
        ThreadGroup group = groups.computeIfAbsent(stage, ThreadGroup::new);
        AtomicReference<T> started = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread starter = new Thread(
                group,
                () -> {
                    try {
                        started.set(start.call());
                    } catch (Exception e) {
                        failed.set(e);
                    }
                },
                stage + "-start");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + stage, e);
        }
        Exception failure = failed.get();
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else if (failure != null) {
            throw new IllegalStateException("cannot start " + stage + ": " + failure.getMessage(), failure);
        }
        return started.get();
    }

    /** Each stage's thread group, in start order. */
    public Map<String, ThreadGroup> groups() {
        synchronized (groups) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        }
    }
}
