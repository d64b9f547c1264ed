package org.hrm.sandbox.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this JVM (the services, Kafka, MongoDB-wire server and the bench's client) and by its child
 * processes (Anvil). On a shared machine wall-clock rates swing with the neighbours' load; CPU time per record does
 * not, and it bounds what the machine's cores can do.
 */
final class CpuClock {
    /** CPU nanoseconds used so far. */
    record Reading(long jvmNanos, long childNanos) {
        Reading minus(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos, childNanos - earlier.childNanos);
        }
    }

    private CpuClock() {}

    static Reading now() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
        long children = ProcessHandle.current()
                .descendants()
                .mapToLong(child ->
                        child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        return new Reading(jvm, children);
    }
}
