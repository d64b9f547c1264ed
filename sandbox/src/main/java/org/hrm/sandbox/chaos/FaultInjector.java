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
 * Injects every fault kind once, in a seeded random order at seeded random moments spread over a window:
 * kill -9 of each service (restarted at once), and a restart of the broker, the database and the chain node.
 */
final class FaultInjector {
    /** The kinds of fault, as the summary names them. */
    enum Kind {
        KILL_KEY_VAULT("kill -9 key-vault-service"),
        KILL_CONSENT("kill -9 consent-service"),
        KILL_LEDGER_WRITER("kill -9 ledger-writer-service"),
        RESTART_KAFKA("kill -9 and restart the Kafka broker"),
        RESTART_MONGO("restart the MongoDB-wire server"),
        RESTART_CHAIN("restart the chain node (its transaction pool is lost)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final ChaosPlatform platform;
    private final Random random;
    private final Consumer<String> progress;
    private final Map<String, Integer> injected = new LinkedHashMap<>();

    FaultInjector(ChaosPlatform platform, Random random, Consumer<String> progress) {
        this.platform = platform;
        this.random = random;
        this.progress = progress;
    }

    /** Injects each kind once within {@code window} from now; a fault comes after the previous one recovered. */
    Map<String, Integer> run(Duration window) {
        List<Kind> order = new ArrayList<>(List.of(Kind.values()));
        Collections.shuffle(order, random);
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
        return injected;
    }

    private void inject(Kind kind) {
        Duration down = Duration.ofMillis(200 + random.nextInt(1800));
        progress.accept("fault: " + kind.description + " (down " + down.toMillis() + " ms)");
        long began = System.nanoTime();
        switch (kind) {
            case KILL_KEY_VAULT -> platform.killAndRestart(ServiceSettings.KEY_VAULT, down);
            case KILL_CONSENT -> platform.killAndRestart(ServiceSettings.CONSENT, down);
            case KILL_LEDGER_WRITER -> platform.killAndRestart(ServiceSettings.LEDGER_WRITER, down);
            case RESTART_KAFKA -> platform.restartKafka(down);
            case RESTART_MONGO -> platform.restartMongo(down);
            case RESTART_CHAIN -> platform.restartChain(down);
        }
        injected.merge(kind.name(), 1, Integer::sum);
        progress.accept("recovered from " + kind.name() + " in "
                + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
    }
}
