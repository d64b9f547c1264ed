package org.hrm.benchmarks.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * The store phases of one run on one publisher and commit clock: each encrypts its records (untimed), adds them to
 * the records expected on chain, runs, and keeps its trace for the report page.
 */
final class StorePhases {
    private static final Duration STALL = Duration.ofSeconds(120);

    private final RecordPublisher publisher;
    private final CommitClock clock;
    private final CpuClock cpu;
    private final RecordSupply supply;
    private final PrintStream progress;
    private final List<String> expected = new ArrayList<>();
    private final List<PhaseTrace> traces = new ArrayList<>();
    private final Map<String, List<RecordSubmitted>> records = new HashMap<>();

    StorePhases(RecordPublisher publisher, CommitClock clock, CpuClock cpu, RecordSupply supply, PrintStream progress) {
        this.publisher = publisher;
        this.clock = clock;
        this.cpu = cpu;
        this.supply = supply;
        this.progress = progress;
    }

    /** Runs {@code count} records of {@code bytes} at {@code rate} (0: as fast as the publisher goes), traced. */
    StorePhase.Result run(String name, int count, int bytes, int rate) {
        StorePhase.Result result = store(name, count, bytes, rate);
        traces.add(result.trace(name));
        return result;
    }

    /** Records as fast as the publisher goes, to warm the JIT: checked on chain, neither reported nor drawn. */
    StorePhase.Result warmUp(int count, int bytes) {
        return store("warm-up", count, bytes, 0);
    }

    private StorePhase.Result store(String name, int count, int bytes, int rate) {
        long start = System.nanoTime();
        List<RecordSubmitted> encrypted = supply.encrypt(count, bytes);
        progress.printf(
                "[bench] encrypted %d records of %d bytes with the SDK in %.1f s (not timed: the hospitals' CPUs do"
                        + " this)%n",
                count, bytes, (System.nanoTime() - start) / 1e9);
        encrypted.forEach(record -> expected.add(record.recordId()));
        records.put(name, encrypted);
        return new StorePhase(name, publisher, clock, cpu, progress, STALL).run(encrypted, rate);
    }

    /** A throughput phase of records of {@code size}, with its gas and the payload of its first record on chain. */
    SizeResult runSize(String name, int count, int size, int rate, LedgerScan chain, String contract)
            throws IOException {
        StorePhase.Result phase = run(name, count, size, rate);
        GasFigures gas = GasFigures.of(chain.receiptsOfEveryChunk(phase.transactions()), phase.records());
        return new SizeResult(
                size, chain.payload(contract, records.get(name).get(0).recordId()), phase, gas);
    }

    /** The records of the phase of that name. */
    List<RecordSubmitted> records(String name) {
        return records.get(name);
    }

    /** Every record id submitted so far, for the exactly-once check. */
    List<String> expected() {
        return expected;
    }

    /** The traced phases' traces so far, in order. */
    List<PhaseTrace> traces() {
        return List.copyOf(traces);
    }
}
