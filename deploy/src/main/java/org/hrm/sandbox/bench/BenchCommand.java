package org.hrm.sandbox.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
 * warm-up, the throughput phase, a throughput phase per further {@code --size}, the latency phase at 1,000 records/s,
 * the naive path, the chain-only limit phase and the fetch phase; checks on chain that every record the writer was
 * given is stored exactly once; prints one JSON line last, and with {@code --report FILE.html} writes a page of
 * charts.
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
        CpuClock cpu = new CpuClock(platform.stageThreads());
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
            List<PhaseTrace> traces = new ArrayList<>();
            Phases phases = new Phases(publisher, clock, cpu, supply, expected);
            StorePhase.Result warmup = phases.store("warm-up", options.warmupRecords(), options.recordBytes(), 0);
            say("warm-up done: " + Math.round(warmup.recordsPerSecond()) + " records/s");
            List<RecordSubmitted> main = encrypt(supply, options.records(), options.recordBytes());
            StorePhase.Result throughput =
                    phase("throughput", publisher, clock, cpu).run(main, options.rate());
            main.forEach(record -> expected.add(record.recordId()));
            traces.add(throughput.trace("throughput"));
            List<SizeResult> sizes = new ArrayList<>();
            sizes.add(sizeResult(chain, writerContracts.get(0), options.recordBytes(), main.get(0), throughput));
            for (int size : options.sizes().subList(1, options.sizes().size())) {
                StorePhase.Result atSize = phases.store("size " + size, options.recordsAtSize(size), size, 0);
                sizes.add(sizeResult(chain, writerContracts.get(0), size, phases.last(), atSize));
                traces.add(atSize.trace("size " + size));
            }
            StorePhase.Result latency = options.latencyRecords() == 0
                    ? null
                    : phases.store("latency", options.latencyRecords(), options.recordBytes(), options.latencyRate());
            if (latency != null) {
                traces.add(latency.trace("latency"));
            }
            int payloadBytes = sizes.get(0).payload().length;
            NaivePath.Result naive = options.naiveRecords() == 0
                    ? null
                    : new NaivePath(platform.chainRpc(), progress).run(options.naiveRecords(), payloadBytes);
            LimitPhase.Result limit = options.limitRecords() == 0
                    ? null
                    : new LimitPhase(platform.ledgerWriter(), platform.chainRpc(), progress)
                            .run(options.limitRecords(), payloadBytes);
            FetchPhase.Result fetch = options.fetches() == 0
                    ? null
                    : new FetchPhase(platform.kafkaBootstrapServers(), publisher, supply, progress)
                            .run(main, options.fetches(), options.fetchRate(), Duration.ofMinutes(5));
            if (naive != null) {
                traces.add(naive.trace());
            }
            if (limit != null) {
                traces.add(limit.trace());
            }
            if (fetch != null) {
                traces.add(fetch.trace());
            }
            say("checking on chain that every record is stored exactly once");
            ExactlyOnce verdict = ExactlyOnce.check(expected, chain.storedRecordIds(writerContracts, firstBlock));
            if (!verdict.holds()) {
                throw new ExactlyOnceViolation(verdict.describe());
            }
            say("exactly once: " + verdict.expected() + " records, each stored once");
            GasFigures limitGas =
                    limit == null ? null : GasFigures.of(chain.receipts(limit.transactions()), limit.records());
            Map<String, Object> report = BenchReport.of(
                    options,
                    new BenchReport.Measured(
                            throughput,
                            latency,
                            sizes,
                            naive,
                            limit,
                            limitGas,
                            fetch,
                            cpu.stageNames(),
                            verdict,
                            clock.deadLetters()));
            writePage(report, traces);
            return report;
        } finally {
            web3j.shutdown();
        }
    }

    private static SizeResult sizeResult(
            LedgerScan chain, String contract, int size, RecordSubmitted first, StorePhase.Result phase)
            throws IOException {
        GasFigures gas = GasFigures.of(chain.receipts(phase.transactions()), phase.records());
        return new SizeResult(size, chain.payload(contract, first.recordId()), phase, gas);
    }

    private void writePage(Map<String, Object> report, List<PhaseTrace> traces) throws IOException {
        if (options.reportFile() == null) {
            return;
        }
        String json =
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        Path file = options.reportFile().toAbsolutePath();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, BenchPage.render(json, traces));
        say("report page written to " + file);
    }

    /** The store phases of one run: each encrypts its records, adds them to those expected on chain, and runs. */
    private final class Phases {
        private final RecordPublisher publisher;
        private final CommitClock clock;
        private final CpuClock cpu;
        private final RecordSupply supply;
        private final List<String> expected;
        private RecordSubmitted last;

        Phases(RecordPublisher publisher, CommitClock clock, CpuClock cpu, RecordSupply supply, List<String> expected) {
            this.publisher = publisher;
            this.clock = clock;
            this.cpu = cpu;
            this.supply = supply;
            this.expected = expected;
        }

        StorePhase.Result store(String name, int count, int bytes, int rate) {
            List<RecordSubmitted> records = encrypt(supply, count, bytes);
            records.forEach(record -> expected.add(record.recordId()));
            last = records.get(0);
            return phase(name, publisher, clock, cpu).run(records, rate);
        }

        /** The first record of the last phase run. */
        RecordSubmitted last() {
            return last;
        }
    }

    private List<RecordSubmitted> encrypt(RecordSupply supply, int count, int bytes) {
        long start = System.nanoTime();
        List<RecordSubmitted> records = supply.encrypt(count, bytes);
        say(String.format(
                "encrypted %d records of %d bytes with the SDK in %.1f s (not timed: the hospitals' CPUs do this)",
                count, bytes, (System.nanoTime() - start) / 1e9));
        return records;
    }

    private StorePhase phase(String name, RecordPublisher publisher, CommitClock clock, CpuClock cpu) {
        return new StorePhase(name, publisher, clock, cpu, progress, STALL);
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
