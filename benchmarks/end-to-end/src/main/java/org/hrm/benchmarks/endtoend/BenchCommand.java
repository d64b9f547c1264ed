package org.hrm.benchmarks.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.embedded.AnvilNode;
import org.hrm.sandbox.Platform;
import org.hrm.sandbox.SandboxAttester;
import org.hrm.sandbox.SandboxPrincipals;
import org.hrm.sandbox.chaos.ProcessPlatform;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./hrm bench}: starts its own platform with the chain settings asked for (in this JVM, or with
 * {@code --separate-jvms} each part in a process of its own, {@link ProcessPlatform}), then runs, on the same chain, a
 * warm-up, the throughput phase, a throughput phase per further {@code --size}, the latency phase at 1,000 records/s,
 * the naive path, the chain-only limit phase and the fetch phase; checks on chain that every record the writer was
 * given is stored exactly once; prints one JSON line last, and with {@code --report FILE.html} writes a page of
 * charts.
 */
public final class BenchCommand {

    private final BenchOptions options;
    private final PrintStream progress;

    BenchCommand(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs the bench from command-line options, on a platform in this JVM or, with {@code --separate-jvms}, in
     * processes of its own; exit 0 with the report, 1 if the chain check failed.
     */
    public static int run(BenchArguments args, Path home) throws Exception {
        BenchCommand bench = new BenchCommand(BenchOptions.parse(args), System.err);
        try {
            Map<String, Object> report = bench.options.separateJvms() ? bench.inProcesses(home) : bench.inThisJvm(home);
            System.out.println(JsonMapper.builder().build().writeValueAsString(report));
            return 0;
        } catch (ExactlyOnceViolation e) {
            System.err.println("[bench] FAILED: " + e.getMessage());
            return 1;
        }
    }

    private Map<String, Object> inThisJvm(Path home) throws Exception {
        try (Platform platform = Platform.start(Platform.Options.ephemeral(home), tuning(), this::say)) {
            return measure(BenchTarget.of(platform));
        }
    }

    private Map<String, Object> inProcesses(Path home) throws Exception {
        Platform.Tuning tuning = tuning();
        ProcessPlatform.Settings settings =
                ProcessPlatform.Settings.measured(tuning.chain(), tuning.serviceProperties());
        try (ProcessPlatform platform = ProcessPlatform.start(home, settings, this::say)) {
            return measure(BenchTarget.of(platform));
        }
    }

    /**
     * The phases against a platform already running (its chain settings stay as they are): how a test runs a small
     * bench. Throws {@link ExactlyOnceViolation} if the chain check fails.
     */
    public static Map<String, Object> measure(Platform platform, BenchArguments args) throws Exception {
        return new BenchCommand(BenchOptions.parse(args), System.err).measure(BenchTarget.of(platform));
    }

    /** As above, against a platform whose parts run in processes of their own; give {@code --separate-jvms}. */
    public static Map<String, Object> measure(ProcessPlatform platform, BenchArguments args) throws Exception {
        return new BenchCommand(BenchOptions.parse(args), System.err).measure(BenchTarget.of(platform));
    }

    Platform.Tuning tuning() {
        AnvilNode.Options chain =
                AnvilNode.Options.defaults().withBlockTime(options.blockTimeSeconds(), options.blockGasLimit());
        return new Platform.Tuning(
                chain,
                Map.of(
                        "hrm.ledger.max-records-per-tx", options.maxRecordsPerTx(),
                        "hrm.ledger.max-in-flight", options.maxInFlight(),
                        "hrm.ledger.layout", options.layout(),
                        "hrm.ledger.record-consumers", options.recordConsumers(),
                        "hrm.vault.concurrency", options.vaultConsumers()));
    }

    /** The phases in order; the report's keys are documented in docs/performance.md. */
    Map<String, Object> measure(BenchTarget platform) throws Exception {
        RecordSupply supply = new RecordSupply(options.recordBytes());
        Web3j web3j = Web3j.build(new HttpService(platform.chainRpc()));
        List<String> writerContracts = List.of(
                platform.ledgers().get(Domain.PATIENT), platform.ledgers().get(Domain.PRACTITIONER));
        KafkaLogin hospital = platform.kafka(SandboxPrincipals.HOSPITAL);
        KafkaLogin observer = platform.kafka(SandboxPrincipals.OBSERVER);
        try (RecordPublisher publisher = RecordPublisher.connect(hospital.bootstrapServers(), hospital.settings());
                CommitClock clock = new CommitClock(observer).start()) {
            LedgerScan chain = new LedgerScan(web3j);
            long firstBlock = chain.head() + 1;
            SandboxAttester.publishInOrder(publisher, observer, supply.parties(SandboxAttester.of(platform.home())));
            CpuClock cpu = platform.cpu();
            StorePhases phases = new StorePhases(publisher, clock, cpu, supply, progress);
            StorePhase.Result warmup = phases.warmUp(options.warmupRecords(), options.recordBytes());
            say("warm-up done: " + Math.round(warmup.recordsPerSecond()) + " records/s");
            List<SizeResult> sizes = sizes(phases, chain, writerContracts.get(0));
            StorePhase.Result latency = options.latencyRecords() == 0
                    ? null
                    : phases.run("latency", options.latencyRecords(), options.recordBytes(), options.latencyRate());
            Others others = others(platform, publisher, supply, sizes.get(0), phases.records("throughput"));
            ExactlyOnce verdict = exactlyOnce(phases.expected(), chain, writerContracts, firstBlock);
            GasFigures limitGas = others.limit() == null
                    ? null
                    : GasFigures.of(
                            chain.receiptsOfEveryChunk(others.limit().transactions()),
                            others.limit().records());
            Map<String, Object> report = BenchReport.of(
                    options,
                    new BenchReport.Measured(
                            sizes.get(0).phase(),
                            latency,
                            sizes,
                            others.naive(),
                            others.limit(),
                            limitGas,
                            others.fetch(),
                            cpu.stageNames(),
                            verdict,
                            clock.deadLetters()));
            writePage(report, others.traces(phases.traces()));
            return report;
        } finally {
            web3j.shutdown();
        }
    }

    /** The main throughput phase at the first size, then one per further size. */
    private List<SizeResult> sizes(StorePhases phases, LedgerScan chain, String contract) throws IOException {
        List<SizeResult> sizes = new ArrayList<>();
        sizes.add(phases.runSize(
                "throughput", options.records(), options.recordBytes(), options.rate(), chain, contract));
        for (int size : options.sizes().subList(1, options.sizes().size())) {
            sizes.add(phases.runSize("size " + size, options.recordsAtSize(size), size, 0, chain, contract));
        }
        return sizes;
    }

    /** The phases that do not go through the publisher and commit clock: naive path, limit, fetch (each may be off). */
    private Others others(
            BenchTarget platform,
            RecordPublisher publisher,
            RecordSupply supply,
            SizeResult main,
            List<RecordSubmitted> mainRecords)
            throws Exception {
        ScratchPayloads payloads = new ScratchPayloads(main.payload());
        NaivePath.Result naive = options.naiveRecords() == 0
                ? null
                : new NaivePath(platform.chainRpc(), progress).run(options.naiveRecords(), payloads);
        LimitPhase.Result limit = options.limitRecords() == 0
                ? null
                : new LimitPhase(platform.ledgerWriter().orElseThrow(), platform.chainRpc(), progress)
                        .run(options.limitRecords(), payloads);
        FetchPhase.Result fetch = options.fetches() == 0
                ? null
                : new FetchPhase(platform.kafka(SandboxPrincipals.OBSERVER), publisher, supply, progress)
                        .run(mainRecords, options.fetches(), options.fetchRate(), Duration.ofMinutes(5));
        return new Others(naive, limit, fetch);
    }

    /** The naive path, the limit and the fetch phase's results; null for a phase that was off. */
    private record Others(NaivePath.Result naive, LimitPhase.Result limit, FetchPhase.Result fetch) {
        /** The store phases' traces, then these phases'. */
        List<PhaseTrace> traces(List<PhaseTrace> storeTraces) {
            List<PhaseTrace> traces = new ArrayList<>(storeTraces);
            if (naive != null) {
                traces.add(naive.trace());
            }
            if (limit != null) {
                traces.add(limit.trace());
            }
            if (fetch != null) {
                traces.add(fetch.trace());
            }
            return traces;
        }
    }

    private ExactlyOnce exactlyOnce(List<String> expected, LedgerScan chain, List<String> contracts, long firstBlock)
            throws IOException {
        say("checking on chain that every record is stored exactly once");
        ExactlyOnce verdict = ExactlyOnce.check(expected, chain.storedRecordIds(contracts, firstBlock));
        if (!verdict.holds()) {
            throw new ExactlyOnceViolation(verdict.describe());
        }
        say("exactly once: " + verdict.expected() + " records, each stored once");
        return verdict;
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
