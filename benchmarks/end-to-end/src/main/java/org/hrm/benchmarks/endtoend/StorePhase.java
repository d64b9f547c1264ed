package org.hrm.benchmarks.endtoend;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.sandbox.chaos.Latencies;

/**
 * One store phase: submits records through the SDK's {@link RecordPublisher} at an offered rate (0: as fast as the
 * publisher takes them) and waits until the {@link CommitClock} has seen every one committed, printing progress
 * about once a second. A dead letter during the phase ends it at once with its reason (a record too large for one
 * ledger transaction, for instance), rather than waiting for commits that will never come.
 */
final class StorePhase {
    /** What a phase measured: submission-to-commit latencies and the span from first submission to last commit. */
    record Result(
            int records,
            double seconds,
            Latencies latencies,
            Set<String> transactions,
            CpuClock.Reading cpu,
            long[] commitNanos) {
        double recordsPerSecond() {
            return records / seconds;
        }

        /** CPU milliseconds per record of the platform's JVM and of Anvil, over the phase. */
        double jvmCpuMsPerRecord() {
            return cpu.jvmNanos() / 1e6 / records;
        }

        double chainCpuMsPerRecord() {
            return cpu.childNanos() / 1e6 / records;
        }

        /** CPU milliseconds per record of each stage's threads (vault, writer, consent, broker, database, ...). */
        Map<String, Double> stageCpuMsPerRecord(Iterable<String> stages) {
            Map<String, Double> perRecord = new LinkedHashMap<>();
            cpu.byStage(stages).forEach((stage, nanos) -> perRecord.put(stage, nanos / 1e6 / records));
            return perRecord;
        }

        PhaseTrace trace(String phase) {
            return new PhaseTrace(phase, commitNanos, latencies);
        }
    }

    private final String name;
    private final RecordPublisher publisher;
    private final CommitClock clock;
    private final PrintStream progress;
    private final Duration stallTimeout;
    private final CpuClock cpuClock;

    StorePhase(
            String name,
            RecordPublisher publisher,
            CommitClock clock,
            CpuClock cpuClock,
            PrintStream progress,
            Duration stall) {
        this.cpuClock = cpuClock;
        this.name = name;
        this.publisher = publisher;
        this.clock = clock;
        this.progress = progress;
        this.stallTimeout = stall;
    }

    Result run(List<RecordSubmitted> records, int offeredRate) {
        long[] submitted = new long[records.size()];
        AtomicInteger acknowledged = new AtomicInteger();
        int before = clock.committedCount();
        int deadLettersBefore = clock.deadLetters();
        CpuClock.Reading cpuAtStart = cpuClock.now();
        long start = System.nanoTime();
        long nextReport = start + 1_000_000_000L;
        List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (offeredRate > 0) {
                waitUntil(start + (long) (i * (1e9 / offeredRate)));
            }
            submitted[i] = System.nanoTime();
            sends.add(publisher.publish(records.get(i)).thenRun(acknowledged::incrementAndGet));
            if (submitted[i] >= nextReport) {
                report(i + 1, records.size(), before, start);
                nextReport += 1_000_000_000L;
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    name + ": the publisher refused a record of "
                            + records.get(0).innerCiphertext().length + " bytes of inner ciphertext: "
                            + e.getCause().getMessage(),
                    e);
        }
        awaitCommits(records, before, deadLettersBefore, start);
        return result(records, submitted, start, cpuClock.now().minus(cpuAtStart));
    }

    private void awaitCommits(List<RecordSubmitted> records, int before, int deadLettersBefore, long start) {
        int last = -1;
        long lastChange = System.nanoTime();
        while (clock.committedCount() - before < records.size()) {
            if (clock.deadLetters() > deadLettersBefore) {
                throw new IllegalStateException(name + ": a record was dead-lettered, so not every record of "
                        + records.get(0).innerCiphertext().length + " bytes of inner ciphertext can commit: "
                        + clock.lastDeadLetterReason());
            }
            int now = clock.committedCount();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stallTimeout.toNanos()) {
                throw new IllegalStateException(name + ": no commit for " + stallTimeout.toSeconds() + " s with "
                        + (records.size() - (now - before)) + " records uncommitted, " + clock.deadLetters()
                        + " dead letters");
            }
            report(records.size(), records.size(), before, start);
            sleep(1000);
        }
    }

    private Result result(List<RecordSubmitted> records, long[] submitted, long start, CpuClock.Reading cpu) {
        List<Double> latencies = new ArrayList<>(records.size());
        Set<String> transactions = new HashSet<>();
        long lastCommit = start;
        long[] commits = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            CommitClock.Seen seen = clock.seen(records.get(i).recordId());
            if (seen == null) {
                throw new IllegalStateException(
                        name + ": record " + records.get(i).recordId() + " never committed");
            }
            latencies.add((seen.nanos() - submitted[i]) / 1e6);
            transactions.add(seen.transactionHash());
            lastCommit = Math.max(lastCommit, seen.nanos());
            commits[i] = seen.nanos() - submitted[0];
        }
        double seconds = (lastCommit - submitted[0]) / 1e9;
        report(records.size(), records.size(), clock.committedCount() - records.size(), start);
        return new Result(records.size(), seconds, Latencies.of(latencies), transactions, cpu, commits);
    }

    private void report(int submitted, int total, int before, long start) {
        int committed = clock.committedCount() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.printf(
                "[bench] %s %5.1f s: submitted %d/%d, committed %d, %.0f committed/s, dead letters %d%n",
                name, seconds, submitted, total, committed, committed / seconds, clock.deadLetters());
    }

    private static void waitUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
