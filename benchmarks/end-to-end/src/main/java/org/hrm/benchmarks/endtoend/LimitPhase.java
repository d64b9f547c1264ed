package org.hrm.benchmarks.endtoend;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hrm.contracts.Domain;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.ledgerwriter.adapter.chain.DetachedLedgerChain;
import org.hrm.ledgerwriter.application.CommitSealedRecords;
import org.hrm.ledgerwriter.application.Rejection;
import org.hrm.ledgerwriter.application.SealedRecord;
import org.hrm.ledgerwriter.application.SigningLane;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.sandbox.chaos.Latencies;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chain-only limit: pre-sealed records ({@link ScratchPayloads}: the layout and size of the pipeline's payloads, random bytes)
 * pushed through the running ledger writer's own transaction path, {@link CommitSealedRecords#onChainAlone}: its
 * packer (the same records per transaction and gas budget), signer, pipelined sends and receipt poller, with the
 * writer's settings (in flight, poll interval) and as many batches at once as it has record consumers, each batch as
 * large as one poll. It signs with its own Anvil dev account into a ledger deployment of its own on the same node, so
 * its nonces and logs never mix with the writer's. No Kafka, vault, consent or database: what the chain and the
 * writer's transaction code take, which the pipeline can at best reach.
 */
final class LimitPhase {
    /** Anvil's well-known dev account 3: funded, and used by nothing else. Sandbox only. */
    static final String LIMIT_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

    /** Records, the span from the first batch's start to the last commit, each record's latency, its transactions. */
    record Result(int records, double seconds, Latencies latencies, Set<String> transactions, long[] commitNanos) {
        double recordsPerSecond() {
            return records / seconds;
        }

        PhaseTrace trace() {
            return new PhaseTrace("limit", commitNanos, latencies);
        }
    }

    private final ConfigurableApplicationContext writer;
    private final String rpcUrl;
    private final int consumers;
    private final PrintStream progress;

    LimitPhase(ConfigurableApplicationContext writer, String rpcUrl, PrintStream progress) {
        this.writer = writer;
        this.rpcUrl = rpcUrl;
        this.consumers = writer.getEnvironment().getProperty("hrm.ledger.record-consumers", Integer.class, 1);
        this.progress = progress;
    }

    Result run(int records, ScratchPayloads payloads) throws Exception {
        Map<Domain, String> contracts = LedgerDeployment.deploy(rpcUrl, AnvilNode.CHAIN_ID, LIMIT_KEY, LIMIT_KEY);
        LedgerProperties properties = properties(contracts);
        List<SealedRecord> sealed = sealed(records, payloads);
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Set<String> transactions = ConcurrentHashMap.newKeySet();
        try (DetachedLedgerChain chain = DetachedLedgerChain.open(properties)) {
            CommitSealedRecords alone = writer.getBean(CommitSealedRecords.class)
                    .onChainAlone(new SigningLane(chain.chain()), contracts, commits -> {
                        long now = System.nanoTime();
                        for (Commit commit : commits.getOrDefault(Domain.PATIENT, List.of())) {
                            committedAt.putIfAbsent(commit.entryId(), now);
                            transactions.add(commit.transactionHash());
                        }
                    });
            ConcurrentLinkedQueue<List<SealedRecord>> batches = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < sealed.size(); i += properties.maxPollRecords()) {
                batches.add(sealed.subList(i, Math.min(sealed.size(), i + properties.maxPollRecords())));
            }
            Map<String, Long> startedAt = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(consumers);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < consumers; i++) {
                    workers.add(pool.submit(() -> drain(alone, batches, startedAt, committedAt, records, start)));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return result(sealed, startedAt, committedAt, transactions, start);
        }
    }

    private Void drain(
            CommitSealedRecords alone,
            ConcurrentLinkedQueue<List<SealedRecord>> batches,
            Map<String, Long> startedAt,
            Map<String, Long> committedAt,
            int records,
            long start) {
        List<SealedRecord> batch;
        while ((batch = batches.poll()) != null) {
            long now = System.nanoTime();
            batch.forEach(record -> startedAt.put(record.record().recordId(), now));
            List<Rejection> rejected = alone.commit(batch);
            if (!rejected.isEmpty()) {
                throw new IllegalStateException("limit: the writer's packer refused " + rejected.size()
                        + " records, first: " + rejected.get(0).reason());
            }
            progress.printf(
                    "[bench] limit %5.1f s: committed %d/%d%n",
                    (System.nanoTime() - start) / 1e9, committedAt.size(), records);
        }
        return null;
    }

    private static Result result(
            List<SealedRecord> sealed,
            Map<String, Long> startedAt,
            Map<String, Long> committedAt,
            Set<String> transactions,
            long start) {
        List<Double> latencies = new ArrayList<>(sealed.size());
        long[] commits = new long[sealed.size()];
        long last = start;
        for (int i = 0; i < sealed.size(); i++) {
            String id = sealed.get(i).record().recordId();
            Long committed = committedAt.get(id);
            if (committed == null) {
                throw new IllegalStateException("limit: record " + id + " was never committed");
            }
            latencies.add((committed - startedAt.get(id)) / 1e6);
            commits[i] = committed - start;
            last = Math.max(last, committed);
        }
        return new Result(sealed.size(), (last - start) / 1e9, Latencies.of(latencies), transactions, commits);
    }

    /** The running writer's settings, bound as it bound them, with the limit account's key and contracts. */
    private LedgerProperties properties(Map<Domain, String> contracts) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(Map.of(
                "hrm.ledger.signing-key", LIMIT_KEY,
                "hrm.ledger.contracts.patient", contracts.get(Domain.PATIENT),
                "hrm.ledger.contracts.practitioner", contracts.get(Domain.PRACTITIONER))));
        ConfigurationPropertySources.get(writer.getEnvironment()).forEach(sources::add);
        return new Binder(sources).bind("hrm.ledger", LedgerProperties.class).get();
    }

    private static List<SealedRecord> sealed(int records, ScratchPayloads payloads) {
        SecureRandom random = new SecureRandom();
        List<SealedRecord> sealed = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            byte[] pseudonym = new byte[LedgerRecord.PSEUDONYM_LENGTH];
            random.nextBytes(pseudonym);
            byte[] payload = payloads.next();
            sealed.add(new SealedRecord(
                    Domain.PATIENT, new LedgerRecord(UUID.randomUUID().toString(), pseudonym, payload)));
        }
        return sealed;
    }
}
