package org.hrm.sandbox.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.embedded.process.Loopback;
import org.hrm.sandbox.SandboxAttester;
import org.hrm.sandbox.SandboxPrincipals;

/**
 * One chaos run: the platform in separate processes, records streaming in while every fault kind is
 * injected once per round, a bounded wait for the pipeline to drain, the bad-input phase, the forgery phase, then the checks.
 */
public final class ChaosRun {
    private static final Duration PROBE_WAIT = Duration.ofSeconds(90);
    private static final int VALID_AFTER_BAD_INPUT = 10;

    /**
     * What to run: the seed of every random choice, how many records at what rate, how many rounds of every fault
     * kind, how long the pipeline may take to drain once the faults are over, and how many Kafka brokers (1, or 3
     * for a replicated cluster).
     */
    public record Options(
            long seed,
            int records,
            double ratePerSecond,
            int faultRounds,
            Duration drainTimeout,
            Path home,
            int brokers) {
        /** How long records stream in; the faults are spread over this window. */
        Duration loadWindow() {
            return Duration.ofMillis((long) (records * 1000 / ratePerSecond));
        }
    }

    private final Options options;
    private final Consumer<String> progress;
    private final Workload workload = new Workload();

    private ChaosRun(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the scenario and returns the summary; {@link ChaosSummary#passed} says whether every check held. */
    public static ChaosSummary run(Options options, Consumer<String> progress) throws Exception {
        deleteRecursively(options.home());
        Files.createDirectories(options.home());
        try (ProcessPlatform platform =
                ProcessPlatform.start(options.home(), ProcessPlatform.Settings.chaos(options.brokers()), progress)) {
            return new ChaosRun(options, progress).run(platform);
        }
    }

    private ChaosSummary run(ProcessPlatform platform) throws Exception {
        long began = System.nanoTime();
        Random random = new Random(options.seed());
        ChaosSummary summary = new ChaosSummary(options.seed(), workload);
        summary.load(options.ratePerSecond(), options.faultRounds(), platform.brokers());
        KafkaLogin hospital = platform.kafka(SandboxPrincipals.HOSPITAL);
        KafkaLogin observer = platform.kafka(SandboxPrincipals.OBSERVER);
        KafkaLogin gatewayLogin = platform.kafka(KafkaRole.GATEWAY.principal());
        try (RecordPublisher publisher = RecordPublisher.connect(hospital.bootstrapServers(), hospital.settings());
                RecordPublisher gateway =
                        RecordPublisher.connect(gatewayLogin.bootstrapServers(), gatewayLogin.settings());
                CommitFollower committed = new CommitFollower(observer)) {
            LoadGenerator load = new LoadGenerator(
                    publisher, gateway, committed, workload, new Random(random.nextLong()), options.records());
            load.register(SandboxAttester.of(options.home()), observer);
            PartiesKnown.await(observer, Duration.ofSeconds(60));
            progress.accept("streaming " + options.records() + " records at " + options.ratePerSecond()
                    + "/s while every fault kind is injected " + options.faultRounds() + " time(s) (seed "
                    + options.seed() + ")");
            Thread loader =
                    new Thread(() -> load.run(options.records(), options.ratePerSecond(), progress), "chaos-load");
            loader.start();
            FaultInjector.Injected faults =
                    new FaultInjector(platform, random, progress).run(options.loadWindow(), options.faultRounds());
            summary.faults(faults.byKind());
            loader.join();
            platform.awaitServicesReady();
            ChainAudit chain = new ChainAudit(
                    platform.chainRpc(),
                    List.of(
                            platform.ledgers().get(Domain.PATIENT),
                            platform.ledgers().get(Domain.PRACTITIONER)));
            awaitDrained(chain, options.drainTimeout());
            phase("bad-input", summary, () -> badInputPhase(platform, publisher, committed, load, summary));
            awaitDrained(chain, options.drainTimeout());
            phase(
                    "forgery",
                    summary,
                    () -> summary.forgeries(new ForgeryPhase(
                                    platform::kafka,
                                    publisher,
                                    chain,
                                    platform::mongoUri,
                                    SandboxAttester.of(options.home()),
                                    progress)
                            .run()));
            summary.commits(CommitLatencies.of(workload.sentAt, committed.committedAt(), faults.spans()));
            summary.chain(chain.count());
            summary.topics(new TopicAudit(observer));
            summary.servicesDown(platform.deadServices());
        }
        summary.seconds(Duration.ofNanos(System.nanoTime() - began).toSeconds());
        return summary;
    }

    private void badInputPhase(
            ProcessPlatform platform,
            RecordPublisher publisher,
            CommitFollower committed,
            LoadGenerator load,
            ChaosSummary summary)
            throws Exception {
        progress.accept("bad-input phase: preparing a committed record to replay and tamper with");
        KafkaLogin observer = platform.kafka(SandboxPrincipals.OBSERVER);
        ProbeRecords records = new ProbeRecords(
                observer, publisher, load.hospital(), load.patients().get(0), SandboxAttester.of(options.home()));
        BadInputs.Fixture fixture = new FixtureMaker(observer, publisher, committed, workload)
                .make(records, load.patients().get(0), load.hospital());
        try (BadInputs bad = new BadInputs(platform::kafka, records)) {
            List<BadInputs.Probe> probes = bad.inject(fixture);
            progress.accept("injected " + probes.size() + " bad inputs into every consumer's topics");
            summary.probes(probes, new Rejections(observer).await(probes, PROBE_WAIT));
        }
        progress.accept("sending " + VALID_AFTER_BAD_INPUT + " valid records after the bad input");
        for (int i = 0; i < VALID_AFTER_BAD_INPUT; i++) {
            summary.validAfterBadInput(load.submit(Domain.PATIENT));
        }
    }

    /** One step of a phase, which may throw. */
    interface PhaseStep {
        void run() throws Exception;
    }

    /**
     * Runs a phase; if it cannot finish, the summary records why and the run goes on to its checks, so a failed run
     * still prints its JSON (with {@code passed} false) instead of only a stack trace.
     */
    private void phase(String name, ChaosSummary summary, PhaseStep step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            summary.phaseFailed(name, "interrupted");
        } catch (Exception e) {
            progress.accept(name + " phase failed: " + e.getMessage());
            summary.phaseFailed(name, String.valueOf(e.getMessage()));
        }
    }

    /** Waits until every acknowledged record has its record log (RecordStored or RecordInCalldata), or the timeout passes. */
    private void awaitDrained(ChainAudit chain, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int reported = -1;
        while (true) {
            ChainAudit.Counts counts;
            try {
                counts = chain.count();
            } catch (IOException e) {
                // A slow or restarting node is no reason to give up the run: ask again until the deadline.
                progress.accept("chain not readable (" + e.getMessage() + "), asking again");
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Loopback.sleep(Duration.ofSeconds(2));
                continue;
            }
            int done = (int) workload.accepted.keySet().stream()
                    .filter(id -> counts.storedOf(id) > 0)
                    .count();
            if (done != reported) {
                progress.accept("on chain " + done + "/" + workload.accepted.size() + " acknowledged records");
                reported = done;
            }
            if (done == workload.accepted.size() || System.nanoTime() > deadline) {
                return;
            }
            Loopback.sleep(Duration.ofSeconds(2));
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
