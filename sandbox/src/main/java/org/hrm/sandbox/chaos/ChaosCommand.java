package org.hrm.sandbox.chaos;

import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./hrm chaos [--seed N] [--records N] [--rate PER_SECOND] [--fault-rounds N] [--drain-seconds N]
 * [--brokers 1|3]}: runs the fault scenarios and prints, as its last line, one JSON summary; exit 0 only if every check
 * held. With {@code --brokers 3} Kafka is a cluster of three processes (replication 3, min.insync.replicas 2) and its
 * fault is a rolling one: one broker, chosen by the seed, is killed with kill -9 and restarted while the other two
 * carry the load; with 1 (the default) the only broker is, and the platform waits for it.
 */
public final class ChaosCommand {
    private ChaosCommand() {}

    public static int run(
            long seed, int records, double rate, int faultRounds, int drainSeconds, int brokers, Path home)
            throws Exception {
        if (records < 50 || rate <= 0 || rate > 200) {
            throw new IllegalArgumentException("--records must be at least 50 and --rate between 0 and 200 per second");
        }
        if (faultRounds < 1 || faultRounds > 5) {
            throw new IllegalArgumentException("--fault-rounds must be between 1 and 5");
        }
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("--brokers must be 1 or 3");
        }
        ChaosRun.Options options =
                new ChaosRun.Options(seed, records, rate, faultRounds, Duration.ofSeconds(drainSeconds), home, brokers);
        ChaosSummary summary = ChaosRun.run(options, line -> System.out.println("[chaos] " + line));
        summary.probeReport().forEach(line -> System.out.println("[chaos] " + line));
        summary.forgeryReport().forEach(line -> System.out.println("[chaos] " + line));
        System.out.println(JsonMapper.builder().build().writeValueAsString(summary.toMap()));
        return summary.passed() ? 0 : 1;
    }
}
