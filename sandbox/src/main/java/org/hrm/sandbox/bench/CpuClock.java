package org.hrm.sandbox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by this JVM (the services, Kafka, MongoDB-wire server and the bench's client), by each stage's
 * threads within it (the platform's thread groups: broker, database, consent, vault, writer, gateway) and by its
 * child processes (Anvil). On a shared machine wall-clock rates swing with the neighbours' load; CPU time per record
 * does not, and it bounds what the machine's cores can do.
 */
final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, ThreadGroup> stages;

    /** @param stages the thread group of each stage, by stage name; empty for no breakdown */
    CpuClock(Map<String, ThreadGroup> stages) {
        this.stages = stages;
    }

    /**
     * CPU nanoseconds used so far, and each stage's threads' own: a stage's share of a span is the sum over the
     * threads alive at its end of what each used since its start (a thread that ended within the span is missed; the
     * stages' threads are long-lived listener and I/O threads).
     */
    record Reading(long jvmNanos, long childNanos, Map<Long, ThreadTime> threads) {
        Reading minus(Reading earlier) {
            Map<Long, ThreadTime> used = new HashMap<>();
            threads.forEach((id, now) -> {
                ThreadTime before = earlier.threads.get(id);
                used.put(id, new ThreadTime(now.stage(), now.nanos() - (before == null ? 0 : before.nanos())));
            });
            return new Reading(jvmNanos - earlier.jvmNanos, childNanos - earlier.childNanos, used);
        }

        /** CPU nanoseconds per stage, in the order given. */
        Map<String, Long> byStage(Iterable<String> order) {
            Map<String, Long> sums = new LinkedHashMap<>();
            order.forEach(stage -> sums.put(stage, 0L));
            threads.values().forEach(thread -> sums.merge(thread.stage(), thread.nanos(), Long::sum));
            return sums;
        }
    }

    /** The CPU time of one thread and the stage it works for. */
    record ThreadTime(String stage, long nanos) {}

    Iterable<String> stageNames() {
        return stages.keySet();
    }

    Reading now() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
        long children = ProcessHandle.current()
                .descendants()
                .mapToLong(child ->
                        child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        return new Reading(jvm, children, threadTimes());
    }

    private Map<Long, ThreadTime> threadTimes() {
        Map<Long, ThreadTime> times = new HashMap<>();
        if (!THREADS.isThreadCpuTimeSupported()) {
            return times;
        }
        stages.forEach((stage, group) -> {
            Thread[] threads = new Thread[group.activeCount() * 2 + 16];
            int count = group.enumerate(threads, true);
            for (int i = 0; i < count; i++) {
                long nanos = THREADS.getThreadCpuTime(threads[i].getId());
                if (nanos >= 0) {
                    times.put(threads[i].getId(), new ThreadTime(stage, nanos));
                }
            }
        });
        return times;
    }
}
