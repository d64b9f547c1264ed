package org.hrm.benchmarks.endtoend;

import org.hrm.sandbox.chaos.Latencies;

/**
 * What the report page draws of one phase: when each record (or fetch) finished, in nanoseconds since the phase's
 * first submission, and the latency of each.
 */
record PhaseTrace(String phase, long[] finishedNanos, Latencies latencies) {}
