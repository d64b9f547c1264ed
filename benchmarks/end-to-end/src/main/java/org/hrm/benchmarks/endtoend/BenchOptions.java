package org.hrm.benchmarks.endtoend;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hrm.contracts.LedgerChunks;

/**
 * The options of {@code ./hrm bench}. A sustained run ({@code --duration S} with {@code --rate R}) offers R×S
 * records; otherwise {@code --records N} are offered at {@code --rate} (0: as fast as the publisher goes).
 *
 * @param recordBytes the first of {@code sizes}: the size of every phase but the further sizes' own
 * @param sizes {@code --size}, one or more record sizes in bytes (comma-separated); each size after the first gets a
 *     throughput phase of its own with {@link #recordsAtSize} records
 * @param limitRecords pre-sealed records through the writer's transaction path in the chain-only limit phase (0
 *     skips it)
 * @param reportFile {@code --report FILE.html}: where the page of charts goes, or null for none
 * @param warmupRecords records sent first, as fast as possible, to warm the JIT; reported nowhere, checked on chain;
 *     by default 2,000, fewer of records over 1 KiB ({@link #defaultWarmup})
 * @param latencyRecords records offered at {@code latencyRate} in the separate latency phase (0 skips it)
 * @param blockTimeSeconds Anvil's block time; 0 is automine (a block per transaction)
 * @param maxRecordsPerTx the ledger writer's records per transaction (its gas budget still caps it)
 * @param maxInFlight the ledger writer's receipt polls outstanding at once (it sends one transaction at a time)
 * @param recordConsumers the ledger writer's RecordSealed consumers (batches in flight on its one signing lane); 1 on
 *     automine, 3 with a block time
 * @param vaultConsumers the key vault's consumers per listener
 * @param layout {@code --layout}: how the ledger writer puts whole records on chain, {@code calldata}
 *     (storeBatchInCalldata, the default) or {@code logged} (storeBatch); the gas figures are this layout's
 * @param separateJvms {@code --separate-jvms}: the broker, the database and each service in a JVM of its own; the
 *     chain-only limit phase, which runs the writer's transaction path inside the writer's own Spring context, is then
 *     off ({@code --limit-records} must be 0 or absent)
 */
record BenchOptions(
        int records,
        int warmupRecords,
        int recordBytes,
        int rate,
        int durationSeconds,
        int latencyRecords,
        int latencyRate,
        int naiveRecords,
        int fetches,
        int fetchRate,
        long blockGasLimit,
        int blockTimeSeconds,
        int maxRecordsPerTx,
        int maxInFlight,
        int recordConsumers,
        int vaultConsumers,
        List<Integer> sizes,
        int limitRecords,
        Path reportFile,
        String layout,
        boolean separateJvms) {

    /** The layouts {@code --layout} takes: the ledger writer's {@code hrm.ledger.layout}. */
    static final List<String> LAYOUTS = List.of("calldata", "logged");

    /** Least records of a further size's phase. */
    static final int MIN_RECORDS_PER_SIZE = 50;

    /**
     * Records of a further size's throughput phase: about as many bytes as the first size's phase, at least
     * {@link #MIN_RECORDS_PER_SIZE}, at most {@code records} (20,000 of 1 KiB, then 312 of 64 KiB and 50 of 1 MiB).
     */
    int recordsAtSize(int size) {
        long sameBytes = (long) records * recordBytes / size;
        return (int) Math.min(records, Math.max(MIN_RECORDS_PER_SIZE, sameBytes));
    }

    static BenchOptions parse(BenchArguments args) {
        int rate = args.rate;
        int duration = args.duration;
        int records = rate > 0 && duration > 0 ? rate * duration : args.records;
        List<Integer> sizes = List.copyOf(args.sizes);
        BenchOptions options = new BenchOptions(
                records,
                Optional.ofNullable(args.warmupRecords).orElse(defaultWarmup(sizes.get(0))),
                sizes.get(0),
                rate,
                duration,
                Optional.ofNullable(args.latencyRecords).orElse(scaled(10_000, sizes.get(0))),
                args.latencyRate,
                // A payload the writer cuts into chunks has no one-transaction naive path to compare with.
                Optional.ofNullable(args.naiveRecords).orElse(sizes.get(0) > LedgerChunks.CHUNK_BYTES / 2 ? 0 : 500),
                Optional.ofNullable(args.fetches).orElse(scaled(2000, sizes.get(0))),
                args.fetchRate,
                args.blockGasLimit,
                args.blockTime,
                args.maxRecordsPerTx,
                args.inFlight,
                // Automine answers at once and the bench shares 2 cores: one big batch at a time costs the least CPU
                // per record. With blocks every few seconds the writer waits on the chain: overlap batches.
                Optional.ofNullable(args.recordConsumers).orElse(args.blockTime == 0 ? 1 : 3),
                args.vaultConsumers,
                sizes,
                Optional.ofNullable(args.limitRecords).orElse(args.separateJvms ? 0 : records),
                args.report,
                args.layout.toLowerCase(java.util.Locale.ROOT),
                args.separateJvms);
        if (options.warmupRecords < 1
                || options.records < 1
                || sizes.stream().anyMatch(size -> size < 1)
                || options.limitRecords < 0
                || options.fetchRate < 1
                || options.latencyRate < 1
                || !LAYOUTS.contains(options.layout)) {
            throw new IllegalArgumentException(
                    "--warmup-records, --records, each --size, --fetch-rate and --latency-rate must be positive, --limit-records"
                            + " not negative, --layout one of " + LAYOUTS);
        }
        if (options.separateJvms && options.limitRecords > 0) {
            throw new IllegalArgumentException("--limit-records: the chain-only limit phase runs the writer's"
                    + " transaction path in the writer's own JVM, which --separate-jvms puts out of reach; leave it"
                    + " out or give 0");
        }
        return options;
    }

    /** 2,000 records of 1 KiB or less; fewer of larger records (about 2 MiB in all, at least 50). */
    static int defaultWarmup(int size) {
        return scaled(2000, size);
    }

    /**
     * A phase's default count: {@code atOneKib} records of 1 KiB or less; of larger records about as many bytes, at
     * least {@link #MIN_RECORDS_PER_SIZE} (10,000 latency records of 1 KiB, 50 of 1 MiB).
     */
    static int scaled(int atOneKib, int size) {
        return (int) Math.min(atOneKib, Math.max(MIN_RECORDS_PER_SIZE, (long) atOneKib * 1024 / size));
    }
}
