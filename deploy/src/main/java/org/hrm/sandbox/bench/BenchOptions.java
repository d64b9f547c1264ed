package org.hrm.sandbox.bench;

import org.hrm.sandbox.Args;

/**
 * The options of {@code ./hrm bench}. A sustained run ({@code --duration S} with {@code --rate R}) offers R×S
 * records; otherwise {@code --records N} are offered at {@code --rate} (0: as fast as the publisher goes).
 *
 * @param warmupRecords records sent first, as fast as possible, to warm the JIT; reported nowhere, checked on chain
 * @param latencyRecords records offered at {@code latencyRate} in the separate latency phase (0 skips it)
 * @param blockTimeSeconds Anvil's block time; 0 is automine (a block per transaction)
 * @param maxRecordsPerTx the ledger writer's records per transaction (its gas budget still caps it)
 * @param maxInFlight the ledger writer's transactions in flight
 * @param recordConsumers the ledger writer's RecordSealed consumers (batches in flight on its one signing lane); 1 on
 *     automine, 3 with a block time
 * @param vaultConsumers the key vault's consumers per listener
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
        int vaultConsumers) {

    static BenchOptions parse(Args args) {
        int rate = args.integer("rate", 0);
        int duration = args.integer("duration", 0);
        int records = rate > 0 && duration > 0 ? rate * duration : args.integer("records", 20_000);
        BenchOptions options = new BenchOptions(
                records,
                args.integer("warmup-records", 2000),
                args.integer("size", 1024),
                rate,
                duration,
                args.integer("latency-records", 10_000),
                args.integer("latency-rate", 1000),
                args.integer("naive-records", 500),
                args.integer("fetches", 2000),
                args.integer("fetch-rate", 200),
                Long.parseLong(args.optional("block-gas-limit").orElse("1000000000")),
                args.integer("block-time", 0),
                args.integer("max-records-per-tx", 200),
                args.integer("in-flight", 64),
                // Automine answers at once and the bench shares 2 cores: one big batch at a time costs the least CPU
                // per record. With blocks every few seconds the writer waits on the chain: overlap batches.
                args.integer("record-consumers", args.integer("block-time", 0) == 0 ? 1 : 3),
                args.integer("vault-consumers", 1));
        if (options.warmupRecords < 1
                || options.records < 1
                || options.recordBytes < 1
                || options.fetchRate < 1
                || options.latencyRate < 1) {
            throw new IllegalArgumentException(
                    "--warmup-records, --records, --size, --fetch-rate and --latency-rate must be positive");
        }
        return options;
    }
}
