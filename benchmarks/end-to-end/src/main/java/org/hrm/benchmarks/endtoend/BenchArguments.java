package org.hrm.benchmarks.endtoend;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The command line of {@code ./hrm bench}, as picocli fills it; {@link BenchOptions#parse} derives the defaults that
 * depend on other options and checks the ranges.
 */
public final class BenchArguments {
    @Option(
            names = "--records",
            paramLabel = "N",
            defaultValue = "20000",
            description = "Records offered in the throughput phase (ignored with --rate and --duration).")
    int records;

    @Option(
            names = "--rate",
            paramLabel = "R",
            defaultValue = "0",
            description = "Records per second offered in the throughput phase; 0: as fast as the publisher goes.")
    int rate;

    @Option(
            names = "--duration",
            paramLabel = "S",
            defaultValue = "0",
            description = "With --rate: a sustained run of R×S records.")
    int duration;

    @Option(
            names = "--size",
            paramLabel = "BYTES",
            split = ",",
            defaultValue = "1024",
            description = "Record size in bytes, or a comma-separated list: every phase uses the first; each further"
                    + " size gets a throughput phase of its own of about as many bytes.")
    List<Integer> sizes;

    @Option(
            names = "--warmup-records",
            paramLabel = "N",
            description = "Records sent first to warm the JIT, reported nowhere (default: 2000 of 1 KiB records, fewer"
                    + " of larger ones, at least 50).")
    Integer warmupRecords;

    @Option(
            names = "--latency-records",
            paramLabel = "N",
            description =
                    "Records of the latency phase (default: 10,000 of 1 KiB or less; about as many bytes of larger"
                            + " records, at least 50); 0 skips it.")
    Integer latencyRecords;

    @Option(
            names = "--latency-rate",
            paramLabel = "R",
            defaultValue = "1000",
            description = "Records per second offered in the latency phase.")
    int latencyRate;

    @Option(
            names = "--naive-records",
            paramLabel = "N",
            description = "Records of the naive path (one transaction per record, no Kafka; default: 500, none for a"
                    + " first --size the writer cuts into chunks, which has no one-transaction path); 0 skips it.")
    Integer naiveRecords;

    @Option(
            names = "--limit-records",
            paramLabel = "N",
            description = "Pre-sealed records through the writer's transaction path in the chain-only limit phase"
                    + " (default: as many as the throughput phase); 0 skips it.")
    Integer limitRecords;

    @Option(
            names = "--fetches",
            paramLabel = "N",
            description = "Fetches of the fetch phase (default: 2,000 of 1 KiB records; about as many bytes of larger"
                    + " records, at least 50); 0 skips it.")
    Integer fetches;

    @Option(
            names = "--fetch-rate",
            paramLabel = "R",
            defaultValue = "200",
            description = "Fetches per second offered in the fetch phase.")
    int fetchRate;

    @Option(
            names = "--block-time",
            paramLabel = "S",
            defaultValue = "0",
            description = "Anvil's block time in seconds; 0 is automine (a block per transaction).")
    int blockTime;

    @Option(
            names = "--block-gas-limit",
            paramLabel = "G",
            defaultValue = "1000000000",
            description = "Anvil's block gas limit.")
    long blockGasLimit;

    @Option(
            names = "--max-records-per-tx",
            paramLabel = "N",
            defaultValue = "200",
            description = "The ledger writer's records per transaction (its gas budget still caps it).")
    int maxRecordsPerTx;

    @Option(
            names = "--layout",
            paramLabel = "L",
            defaultValue = "calldata",
            description =
                    "How the ledger writer puts records on chain: calldata (the payload in the call only, its log a"
                            + " digest and position) or logged (the payload in the call and in its log).")
    String layout;

    @Option(
            names = "--in-flight",
            paramLabel = "N",
            defaultValue = "64",
            description = "The ledger writer's receipt polls outstanding at once (it sends one transaction at a time).")
    int inFlight;

    @Option(
            names = "--record-consumers",
            paramLabel = "N",
            description = "The ledger writer's RecordSealed consumers (default: 1 on automine, 3 with a block time).")
    Integer recordConsumers;

    @Option(
            names = "--vault-consumers",
            paramLabel = "N",
            defaultValue = "1",
            description = "The key vault's consumers per listener.")
    int vaultConsumers;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a page of charts here.")
    Path report;

    @Option(
            names = "--separate-jvms",
            description = "Run the broker, the database and each service in a JVM of its own (sized for throughput,"
                    + " serial collector; output, logs and GC logs in .sandbox/bench/logs) instead of all in this one."
                    + " CPU per stage is then each process's whole CPU time; the chain-only limit phase does not run"
                    + " (no limitRecordsPerSecond, no pipelineEfficiency).")
    boolean separateJvms;
}
