package org.hrm.sandbox.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Commit latencies of the chaos run's records, from the load generator's send to the commit follower's first sight of
 * the record's RecordCommitted (so each includes up to one poll of the follower, 200 ms), split by whether the record was
 * sent while a fault was in progress (between its injection and its recovery). Records never committed have no
 * latency: the summary counts them as lost.
 */
final class CommitLatencies {
    /** A fault in progress from {@code began} to {@code recovered} ({@link System#nanoTime()}). */
    record Span(long began, long recovered) {
        boolean covers(long nanos) {
            return nanos >= began && nanos <= recovered;
        }
    }

    private final Latencies all;
    private final Latencies duringFaults;

    private CommitLatencies(Latencies all, Latencies duringFaults) {
        this.all = all;
        this.duringFaults = duringFaults;
    }

    /**
     * @param sentAt each record's send time, by record id
     * @param committedAt each committed record's first commit sighting, by record id
     * @param faults the faults' spans
     */
    static CommitLatencies of(Map<String, Long> sentAt, Map<String, Long> committedAt, List<Span> faults) {
        List<Double> all = new ArrayList<>();
        List<Double> duringFaults = new ArrayList<>();
        sentAt.forEach((recordId, sent) -> {
            Long committed = committedAt.get(recordId);
            if (committed == null) {
                return;
            }
            double millis = Math.max(0, committed - sent) / 1e6;
            all.add(millis);
            if (faults.stream().anyMatch(fault -> fault.covers(sent))) {
                duringFaults.add(millis);
            }
        });
        return new CommitLatencies(Latencies.of(all), Latencies.of(duringFaults));
    }

    /** p99 of every committed record, in ms rounded to 0.1; -1 when none. */
    double p99Ms() {
        return Latencies.round(all.percentile(99));
    }

    /** p99 of the committed records sent while a fault was in progress, in ms rounded to 0.1; -1 when none. */
    double p99MsDuringFaults() {
        return Latencies.round(duringFaults.percentile(99));
    }

    /** How many committed records were sent while a fault was in progress. */
    int committedDuringFaults() {
        return duringFaults.count();
    }
}
