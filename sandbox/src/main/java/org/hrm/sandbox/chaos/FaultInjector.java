package org.hrm.sandbox.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.hrm.embedded.process.Loopback;
import org.hrm.sandbox.ServiceSettings;

/**
 * Injects every fault kind a given number of rounds, in a seeded random order at seeded random moments spread over a
 * window: kill -9 of each service (restarted at once), and a restart of a broker (one of one, or one of three), the database and the chain node.
 * Each fault's span, from injection to recovery, is kept so commit latencies can be split by it.
 */
final class FaultInjector {
    /** The kinds of fault, as the summary names them. */
    enum Kind {
        KILL_KEY_VAULT("kill -9 key-vault-service"),
        KILL_CONSENT("kill -9 consent-service"),
        KILL_LEDGER_WRITER("kill -9 ledger-writer-service"),
        RESTART_KAFKA("kill -9 and restart a Kafka broker"),
        RESTART_MONGO("restart the MongoDB-wire server"),
        RESTART_CHAIN("restart the chain node (its transaction pool is lost)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final ProcessPlatform platform;
    private final Random random;
    private final Consumer<String> progress;
    private final Map<String, Integer> injected = new LinkedHashMap<>();
    private final List<CommitLatencies.Span> spans = new ArrayList<>();

    /** What was injected: the count of each kind, and each fault's span from injection to recovery. */
    record Injected(Map<String, Integer> byKind, List<CommitLatencies.Span> spans) {}

    FaultInjector(ProcessPlatform platform, Random random, Consumer<String> progress) {
        this.platform = platform;
        this.random = random;
        this.progress = progress;
    }

    /**
     * Injects each kind {@code rounds} times within {@code window} from now (each round in its own shuffled order); a
     * fault comes after the previous one recovered, so a window too short for them all is overrun, not crowded.
     */
    Injected run(Duration window, int rounds) {
        List<Kind> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
            Collections.shuffle(kinds, random);
            order.addAll(kinds);
        }
        long start = System.nanoTime();
        long slot = window.toNanos() / (order.size() + 1);
        for (int i = 0; i < order.size(); i++) {
            long due = start + slot * (i + 1) + (long) ((random.nextDouble() - 0.5) * slot * 0.8);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Loopback.sleep(Duration.ofNanos(wait));
            }
            inject(order.get(i));
        }
        return new Injected(Collections.unmodifiableMap(new LinkedHashMap<>(injected)), List.copyOf(spans));
    }

    private void inject(Kind kind) {
        Duration down = Duration.ofMillis(200 + random.nextInt(1800));
        progress.accept("fault: " + kind.description + " (down " + down.toMillis() + " ms)");
        long began = System.nanoTime();
        switch (kind) {
            case KILL_KEY_VAULT -> platform.killAndRestart(ServiceSettings.KEY_VAULT, down);
            case KILL_CONSENT -> platform.killAndRestart(ServiceSettings.CONSENT, down);
            case KILL_LEDGER_WRITER -> platform.killAndRestart(ServiceSettings.LEDGER_WRITER, down);
            case RESTART_KAFKA -> platform.restartKafka(down, random);
            case RESTART_MONGO -> platform.restartMongo(down);
            case RESTART_CHAIN -> platform.restartChain(down);
        }
        long recovered = System.nanoTime();
        injected.merge(kind.name(), 1, Integer::sum);
        spans.add(new CommitLatencies.Span(began, recovered));
        progress.accept("recovered from " + kind.name() + " in "
                + Duration.ofNanos(recovered - began).toMillis() + " ms");
    }
}
