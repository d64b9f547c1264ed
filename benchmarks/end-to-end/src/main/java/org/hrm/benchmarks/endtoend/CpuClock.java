package org.hrm.benchmarks.endtoend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU time used by the platform's JVMs, by each stage and by the other child processes (Anvil). In process, the JVMs
 * are this one (the services, Kafka, MongoDB-wire server and the bench's client) and a stage is a thread group within
 * it (the platform's: broker, database, consent, vault, writer, gateway); with {@code --separate-jvms} they are this
 * one (the bench's client) and each stage's own process, whose whole CPU time (its GC and JIT included) is the
 * stage's. On a shared machine wall-clock rates swing with the neighbours' load; CPU time per record does not, and it
 * bounds what the machine's cores can do.
 */
final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, ThreadGroup> stages;
    private final Map<String, Long> processes;

    /** @param stages the thread group of each stage, by stage name; empty for no breakdown */
    CpuClock(Map<String, ThreadGroup> stages) {
        this(stages, Map.of());
    }

    /**
     * @param stages the thread group of each stage in this JVM, by stage name
     * @param processes the process id of each stage that runs in a JVM of its own, by stage name
     */
    CpuClock(Map<String, ThreadGroup> stages, Map<String, Long> processes) {
        this.stages = stages;
        this.processes = processes;
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
        Set<String> names = new LinkedHashSet<>(stages.keySet());
        names.addAll(processes.keySet());
        return names;
    }

    /**
     * A stage's process is counted as one more "thread" of its stage, under the negated process id (thread ids are
     * positive), so the span arithmetic is the same; its CPU counts as the platform's JVMs', not as a child's.
     */
    Reading now() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
        Map<Long, ThreadTime> times = threadTimes();
        Collection<Long> stagePids = processes.values();
        long children = 0;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            long nanos = cpuNanos(child);
            if (stagePids.contains(child.pid())) {
                jvm += nanos;
            } else {
                children += nanos;
            }
        }
        processes.forEach((stage, pid) -> times.put(
                -pid,
                new ThreadTime(
                        stage, ProcessHandle.of(pid).map(CpuClock::cpuNanos).orElse(0L))));
        return new Reading(jvm, children, times);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
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
