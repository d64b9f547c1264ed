package org.hrm.sandbox.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.embedded.AnvilNode;
import org.hrm.sandbox.Args;
import org.hrm.sandbox.Platform;
import org.hrm.sandbox.SandboxAttester;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./hrm bench}: starts its own platform with the chain settings asked for, then runs, on the same chain, a
 * warm-up, the throughput phase, the latency phase at 1,000 records/s, the naive path and the fetch phase; checks on
 * chain that every record the writer was given is stored exactly once; and prints one JSON line last.
 */
public final class BenchCommand {
    private static final Duration STALL = Duration.ofSeconds(120);

    private final BenchOptions options;
    private final PrintStream progress;

    BenchCommand(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the bench from command-line options; exit 0 with the report, 1 if the chain check failed. */
    public static int run(Args args, Path home) throws Exception {
        BenchCommand bench = new BenchCommand(BenchOptions.parse(args), System.err);
        try (Platform platform = Platform.start(Platform.Options.ephemeral(home), bench.tuning(), bench::say)) {
            Map<String, Object> report = bench.measure(platform);
            System.out.println(JsonMapper.builder().build().writeValueAsString(report));
            return 0;
        } catch (ExactlyOnceViolation e) {
            System.err.println("[bench] FAILED: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The phases against a platform already running (its chain settings stay as they are): how a test runs a small
     * bench. Throws {@link ExactlyOnceViolation} if the chain check fails.
     */
    public static Map<String, Object> measure(Platform platform, Args args) throws Exception {
        return new BenchCommand(BenchOptions.parse(args), System.err).measure(platform);
    }

    Platform.Tuning tuning() {
        AnvilNode.Options chain =
                AnvilNode.Options.defaults().withBlockTime(options.blockTimeSeconds(), options.blockGasLimit());
        return new Platform.Tuning(
                chain,
                Map.of(
                        "hrm.ledger.max-records-per-tx", options.maxRecordsPerTx(),
                        "hrm.ledger.max-in-flight", options.maxInFlight(),
                        "hrm.ledger.record-consumers", options.recordConsumers(),
                        "hrm.vault.concurrency", options.vaultConsumers()));
    }

    /** The phases in order; the report's keys are documented in the README's Performance section. */
    Map<String, Object> measure(Platform platform) throws Exception {
        RecordSupply supply = new RecordSupply(options.recordBytes());
        Web3j web3j = Web3j.build(new HttpService(platform.chainRpc()));
        List<String> writerContracts = List.of(
                platform.ledgers().get(Domain.PATIENT), platform.ledgers().get(Domain.PRACTITIONER));
        try (RecordPublisher publisher = RecordPublisher.connect(platform.kafkaBootstrapServers());
                CommitClock clock = new CommitClock(platform.kafkaBootstrapServers()).start()) {
            LedgerScan chain = new LedgerScan(web3j);
            long firstBlock = chain.head() + 1;
            SandboxAttester.publishInOrder(
                    publisher,
                    platform.kafkaBootstrapServers(),
                    supply.parties(SandboxAttester.of(
                            Path.of(platform.endpoints().logDir()).getParent())));
            List<String> expected = new ArrayList<>();
            StorePhase.Result warmup = store("warm-up", publisher, clock, supply, options.warmupRecords(), 0, expected);
            say("warm-up done: " + Math.round(warmup.recordsPerSecond()) + " records/s");
            List<RecordSubmitted> main = encrypt(supply, options.records());
            StorePhase.Result throughput = phase("throughput", publisher, clock).run(main, options.rate());
            main.forEach(record -> expected.add(record.recordId()));
            StorePhase.Result latency = options.latencyRecords() == 0
                    ? null
                    : store(
                            "latency",
                            publisher,
                            clock,
                            supply,
                            options.latencyRecords(),
                            options.latencyRate(),
                            expected);
            GasFigures gas = GasFigures.of(chain.receipts(throughput.transactions()), throughput.records());
            int payloadBytes =
                    chain.payloadBytes(writerContracts.get(0), main.get(0).recordId());
            NaivePath.Result naive = options.naiveRecords() == 0
                    ? null
                    : new NaivePath(platform.chainRpc(), progress).run(options.naiveRecords(), payloadBytes);
            FetchPhase.Result fetch = options.fetches() == 0
                    ? null
                    : new FetchPhase(platform.kafkaBootstrapServers(), publisher, supply, progress)
                            .run(main, options.fetches(), options.fetchRate(), Duration.ofMinutes(5));
            say("checking on chain that every record is stored exactly once");
            ExactlyOnce verdict = ExactlyOnce.check(expected, chain.storedRecordIds(writerContracts, firstBlock));
            if (!verdict.holds()) {
                throw new ExactlyOnceViolation(verdict.describe());
            }
            say("exactly once: " + verdict.expected() + " records, each stored once");
            return BenchReport.of(
                    options, throughput, latency, gas, payloadBytes, naive, fetch, verdict, clock.deadLetters());
        } finally {
            web3j.shutdown();
        }
    }

    private StorePhase.Result store(
            String name,
            RecordPublisher publisher,
            CommitClock clock,
            RecordSupply supply,
            int count,
            int rate,
            List<String> expected) {
        List<RecordSubmitted> records = encrypt(supply, count);
        records.forEach(record -> expected.add(record.recordId()));
        return phase(name, publisher, clock).run(records, rate);
    }

    private List<RecordSubmitted> encrypt(RecordSupply supply, int count) {
        long start = System.nanoTime();
        List<RecordSubmitted> records = supply.encrypt(count);
        say(String.format(
                "encrypted %d records of %d bytes with the SDK in %.1f s (not timed: the hospitals' CPUs do this)",
                count, options.recordBytes(), (System.nanoTime() - start) / 1e9));
        return records;
    }

    private StorePhase phase(String name, RecordPublisher publisher, CommitClock clock) {
        return new StorePhase(name, publisher, clock, progress, STALL);
    }

    private void say(String line) {
        progress.println("[bench] " + line);
    }

    /** The chain does not hold every record exactly once: nothing is reported. */
    public static final class ExactlyOnceViolation extends RuntimeException {
        ExactlyOnceViolation(String message) {
            super(message);
        }
    }
}
